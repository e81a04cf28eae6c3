"""Every call that takes a section takes its model, key or title, and every call that takes an
item its model or rating key: history, browse, hubs, artworks, smart playlists and
collections (sync and async, against the fake server)."""

from __future__ import annotations

from typing import Any

import pytest

from plexkit import ConfigurationError
from plexkit.models import UnknownItem
from tests.client.either import collect, resolve

pytestmark = pytest.mark.anyio


async def test_history_takes_a_section_and_an_item_model(client: Any) -> None:
    section = await resolve(client.library.section("Movies"))
    by_title = await resolve(client.history.list(section_key="Movies"))
    assert by_title.items and by_title == await resolve(client.history.list(section_key=section))
    assert by_title == await resolve(client.history.list(section_key=section.key))
    walked = await collect(client.history.iter(section_key="Movies"))
    assert [e.rating_key for e in walked] == [e.rating_key for e in by_title]
    movie = await resolve(client.metadata.get(by_title.items[0].rating_key))
    one = await resolve(client.history.list(rating_key=movie))
    assert one.items and one == await resolve(client.history.list(rating_key=movie.rating_key))


async def test_browse_and_hubs_take_a_section_title_or_model(client: Any) -> None:
    section = await resolve(client.library.section("Movies"))
    for call in ("filters", "sorts", "field_types"):
        method = getattr(client.browse, call)
        by_title = await resolve(method("Movies"))
        assert by_title and by_title == await resolve(method(section))
    choices = await resolve(client.browse.choices("Movies", "genre"))
    assert choices == await resolve(client.browse.choices(section.key, "genre"))
    fields = await resolve(client.browse.fields("Movies"))
    assert fields == await resolve(client.browse.fields(section))
    hubs = await resolve(client.hubs.section("Movies"))
    assert hubs == await resolve(client.hubs.section(section))
    watching = await resolve(client.hubs.continue_watching("Movies"))
    assert watching == await resolve(client.hubs.continue_watching(section))


async def test_artworks_take_an_item_model(client: Any) -> None:
    movie = (await resolve(client.library.items("Movies", type="movie", limit=1))).items[0]
    posters = await resolve(client.artworks.posters(movie))
    assert posters == await resolve(client.artworks.posters(movie.rating_key))
    assert await resolve(client.artworks.arts(movie)) == await resolve(
        client.artworks.arts(movie.rating_key)
    )
    with pytest.raises(ConfigurationError, match="item"):
        await resolve(client.artworks.posters(["1"]))


async def test_smart_lists_take_a_section_title(client: Any) -> None:
    playlist = await resolve(client.playlists.create_smart("Fresh", "Movies", type="movie"))
    assert playlist.title == "Fresh" and playlist.smart
    collection = await resolve(
        client.collections.create_smart("Movies", "Everything", type="movie")
    )
    assert collection.title == "Everything"
    section = await resolve(client.library.section("Movies"))
    titles = {c.title for c in await resolve(client.library.collections(section))}
    assert "Everything" in titles


async def test_an_unreadable_item_with_a_rating_key_is_still_an_item(client: Any) -> None:
    movie = (await resolve(client.library.items("Movies", type="movie", limit=1))).items[0]
    odd = UnknownItem(type="movie", rating_key=movie.rating_key, title="odd")
    playlist = await resolve(client.playlists.create("Odd", [odd], type="video"))
    assert [entry.rating_key for entry in await resolve(client.playlists.items(playlist))] == [
        movie.rating_key
    ]
    with pytest.raises(ConfigurationError, match="no rating key"):
        await resolve(client.playlists.create("None", [UnknownItem(title="k")], type="video"))
