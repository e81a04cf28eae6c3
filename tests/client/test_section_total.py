"""``section_total(client, section, kind)``: a section's count of one kind, given as its model,
key or title like every other call, from one uncached empty page (sync and async)."""

from __future__ import annotations

from typing import Any

import pytest

from plexkit import AsyncPlexClient
from plexkit._async.dashboard import async_section_total
from plexkit._sync.dashboard import section_total
from plexkit.errors import ConfigurationError, NotFoundError
from plexkit.testing import FakePlexServer
from tests.client.either import resolve

pytestmark = pytest.mark.anyio


async def total(client: Any, section: Any, kind: str) -> int:
    count = async_section_total if isinstance(client, AsyncPlexClient) else section_total
    return int(await resolve(count(client, section, kind)))


async def test_a_section_is_its_model_key_or_title(
    client: Any, plex_server: FakePlexServer
) -> None:
    shows = await resolve(client.library.section("TV Shows"))
    expected = (await resolve(client.library.items(shows, type="episode", limit=1))).total
    before = plex_server.requests.count("/library/sections")
    counts = [await total(client, ref, "episode") for ref in (shows, shows.key, int(shows.key))]
    assert plex_server.requests.count("/library/sections") == before  # no lookup for these
    assert await total(client, "tv shows", "episode") == expected  # titles ignore case
    assert plex_server.requests.count("/library/sections") == before + 1
    assert counts == [expected] * 3 and expected > 0
    asked = plex_server.requests.matching(f"/library/sections/{shows.key}/all")
    assert asked[-1].headers.get("x-plex-container-size") == "0"


async def test_an_unknown_title_is_not_found_and_a_bad_ref_is_refused(
    client: Any, plex_server: FakePlexServer
) -> None:
    with pytest.raises(NotFoundError, match="no library section"):
        await total(client, "Nope", "movie")
    before = len(list(plex_server.requests))
    for bad in (["1"], True, None, " "):
        with pytest.raises(ConfigurationError, match="section"):
            await total(client, bad, "movie")
    assert len(list(plex_server.requests)) == before
