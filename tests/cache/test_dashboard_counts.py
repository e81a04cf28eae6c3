"""Library counts for dashboards: one empty page per section and kind, totals from the server."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from plexkit._async.client import AsyncPlexClient
from plexkit.cache import AsyncResponseCache
from plexkit.errors import ConfigurationError
from plexkit.testing.app import create_app
from plexkit.testing.library import FakeLibrary

TOKEN = "counts-token"
PAGED = r"^/library/sections/[^/]+/all$"

pytestmark = pytest.mark.anyio


@pytest.fixture
def app() -> Any:
    return create_app(FakeLibrary.generate(movies=37, shows=4, artists=3), token=TOKEN)


def client(app: Any) -> AsyncPlexClient:
    return AsyncPlexClient(
        "http://fake-pms:32400",
        token=TOKEN,
        transport=httpx.ASGITransport(app),
        cache=AsyncResponseCache(),
    )


async def test_counts_match_the_listings_in_the_fewest_requests(app: Any) -> None:
    async with client(app) as plex:
        assert plex.cache is not None
        counts = await plex.cache.library_counts()
        asked = app.requests.matching(regex=PAGED)
        expected = {}
        for section_key, kind in (
            ("1", "movie"),
            ("2", "show"),
            ("2", "season"),
            ("2", "episode"),
            ("3", "artist"),
            ("3", "album"),
            ("3", "track"),
        ):
            page = await plex.library.items(section_key, type=kind, limit=1, cache=False)
            expected[kind] = page.total
    assert counts == expected and counts["movie"] == 37 and counts["show"] == 4
    assert counts["episode"] > counts["season"] > 0 and counts["track"] > counts["album"] > 0
    # 1 movie kind + 3 show kinds + 3 music kinds; the photo section is never asked.
    assert len(asked) == 7
    assert all(r.headers.get("x-plex-container-size") == "0" for r in asked)
    assert app.requests.count("/library/sections") == 1


async def test_counts_refuse_an_unknown_kind_before_any_request(app: Any) -> None:
    async with client(app) as plex:
        assert plex.cache is not None
        with pytest.raises(ConfigurationError):
            await plex.cache.library_counts(["movies"])
    assert app.requests.count() == 0


async def test_sections_carry_their_item_count_when_asked(app: Any) -> None:
    async with client(app) as plex:
        plain = await plex.library.sections()
        assert all(section.item_count is None for section in plain)
        assert app.requests.count(regex=PAGED) == 0
        counted = {s.type: s.item_count for s in await plex.library.sections(counts=True)}
    assert counted["movie"] == 37 and counted["show"] == 4 and counted["artist"] == 3
    assert app.requests.count(regex=PAGED) == len(counted)
