"""include_guids on the client: listings, collections and leaves come with external ids."""

from __future__ import annotations

import pytest

from plexkit import AsyncPlexClient
from plexkit.models import Episode, Movie

pytestmark = pytest.mark.anyio


async def test_listings_carry_external_ids_only_when_asked(
    async_plex_client: AsyncPlexClient,
) -> None:
    plain = (await async_plex_client.library.items("1", limit=3)).items
    rich = (await async_plex_client.library.items("1", limit=3, include_guids=True)).items
    assert all(m.tmdb_id is None for m in plain)
    assert all(isinstance(m, Movie) and m.tmdb_id and m.imdb_id for m in rich)
    walked = [m async for m in async_plex_client.library.iter_items("1", include_guids=True)]
    assert {11, 1891, 105} <= {m.tmdb_id for m in walked}  # Star Wars, Empire, Back to the Future


async def test_collection_children_and_leaves_carry_external_ids(
    async_plex_client: AsyncPlexClient,
) -> None:
    collection = next(
        c for c in await async_plex_client.library.collections("1") if c.title.startswith("Star")
    )
    full = await async_plex_client.library.collection(collection.rating_key, include_guids=True)
    assert {m.tmdb_id for m in full.items} >= {11, 1891, 1892}
    show = (await async_plex_client.library.items("2", limit=1)).items[0]
    leaves = await async_plex_client.metadata.all_leaves(show.rating_key, include_guids=True)
    assert leaves and all(isinstance(e, Episode) and e.tvdb_id for e in leaves)
