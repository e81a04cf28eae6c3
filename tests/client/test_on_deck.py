"""``metadata.on_deck()``: a show's or season's next episode (``includeOnDeck=1``), typed, moving
as episodes are watched, refusing what has no deck before any request, and read from a real
``<OnDeck>`` (plexdevices' ``xml_samples.HUB_SEARCH.xml``) and a real episode detail asked with
``includeOnDeck=1`` (plex-api-spec's ``get-media-meta-data`` response #6)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from plexkit import AsyncPlexClient, PlexClient
from plexkit.errors import ConfigurationError, NotFoundError
from plexkit.models import Episode
from plexkit.testing import FakePlexServer
from tests.client.either import resolve

CAPTURES = Path(__file__).parents[1] / "data/captures"
HUB_SEARCH = CAPTURES / "plexdevices/xml_samples.HUB_SEARCH.xml"
EPISODE_DETAIL = (
    CAPTURES
    / "plex-api-spec/library/metadata/[ratingKey]"
    / "get-media-meta-data.spec.ts.response6.json"
)

pytestmark = pytest.mark.anyio


async def a_show_and_its_episodes(client: Any) -> tuple[Any, list[Episode]]:
    """The first show, every episode of it unplayed, and its episodes in order."""
    show = (await resolve(client.library.items("TV Shows", type="show", limit=1))).items[0]
    await resolve(client.played.mark_unplayed(show))
    return show, list(await resolve(client.metadata.episodes(show)))


async def test_the_deck_follows_what_is_watched(client: Any) -> None:
    show, episodes = await a_show_and_its_episodes(client)
    first = await resolve(client.metadata.on_deck(show))
    assert isinstance(first, Episode) and first.rating_key == episodes[0].rating_key
    assert first == await resolve(client.metadata.on_deck(show.rating_key))
    await resolve(client.played.mark_played(episodes[0]))
    second = await resolve(client.metadata.on_deck(show))
    assert second is not None and second.rating_key == episodes[1].rating_key
    await resolve(client.played.set_progress(episodes[5], 60_000))
    started = await resolve(client.metadata.on_deck(show))
    assert started is not None and started.rating_key == episodes[5].rating_key
    assert started.view_offset == 60_000
    await resolve(client.played.mark_played(show))
    assert await resolve(client.metadata.on_deck(show)) is None


async def test_a_season_has_the_deck_only_when_the_next_episode_is_in_it(client: Any) -> None:
    show, episodes = await a_show_and_its_episodes(client)
    await resolve(client.played.set_progress(episodes[5], 60_000))
    seasons = await resolve(client.metadata.seasons(show))
    holding = next(s for s in seasons if s.rating_key == episodes[5].parent_rating_key)
    other = next(s for s in seasons if s is not holding)
    deck = await resolve(client.metadata.on_deck(holding))
    assert isinstance(deck, Episode) and deck.rating_key == episodes[5].rating_key
    assert await resolve(client.metadata.on_deck(other.rating_key)) is None


@pytest.mark.parametrize("bad", [["1"], True, None, 2.5, ""])
async def test_what_has_no_deck_is_refused_before_any_request(
    client: Any, plex_server: FakePlexServer, bad: Any
) -> None:
    movie = (await resolve(client.library.items("Movies", type="movie", limit=1))).items[0]
    _, episodes = await a_show_and_its_episodes(client)
    before = len(list(plex_server.requests))
    for model in (movie, episodes[0]):
        with pytest.raises(ConfigurationError, match="only a show or a season"):
            await resolve(client.metadata.on_deck(model))
    with pytest.raises(ConfigurationError):
        await resolve(client.metadata.on_deck(bad))
    assert len(list(plex_server.requests)) == before


async def test_an_unknown_rating_key_is_not_found(client: Any) -> None:
    with pytest.raises(NotFoundError):
        await resolve(client.metadata.on_deck("999999"))


# -- real captures ----------------------------------------------------------------------------


def show_detail_from_capture() -> bytes:
    """The capture's show (a ``<Directory>`` holding a real ``<OnDeck>``) as a detail body."""
    text = HUB_SEARCH.read_text()
    match = re.search(r'<Directory ratingKey="1389".*?</OnDeck>\s*</Directory>', text, re.S)
    assert match is not None
    return f'<MediaContainer size="1">{match.group(0)}</MediaContainer>'.encode()


def serve(body: bytes, content_type: str, seen: list[httpx.Request]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=body, headers={"Content-Type": content_type})

    return httpx.MockTransport(answer)


def test_a_real_on_deck_element_reads_as_its_episode() -> None:
    seen: list[httpx.Request] = []
    transport = serve(show_detail_from_capture(), "text/xml", seen)
    with PlexClient("http://pms.test:32400", token="t0ken", transport=transport) as plex:
        deck = plex.metadata.on_deck("1389")
    assert [(r.url.path, r.url.params.get("includeOnDeck")) for r in seen] == [
        ("/library/metadata/1389", "1")
    ]
    assert isinstance(deck, Episode)
    assert (deck.rating_key, deck.grandparent_title) == ("33237", "The Simpsons")
    assert (deck.parent_index, deck.index) == (27, 11)
    assert deck.media[0].parts[0].key == "/library/parts/42304/file.mkv"


async def test_a_real_episode_detail_has_nothing_on_deck(anyio_backend: str) -> None:
    seen: list[httpx.Request] = []
    transport = serve(EPISODE_DETAIL.read_bytes(), "application/json", seen)
    async with AsyncPlexClient("http://pms.test:32400", token="t0ken", transport=transport) as plex:
        assert await plex.metadata.on_deck("44547") is None
    assert [r.url.params.get("includeOnDeck") for r in seen] == ["1"]


# -- through a cache ---------------------------------------------------------------------------


async def test_a_cached_deck_moves_when_an_episode_is_watched(
    plex_server: FakePlexServer, anyio_backend: str
) -> None:
    """The deck is read through the ``metadata`` cache, which watching invalidates."""
    async with AsyncPlexClient(
        "http://plex.test:32400",
        token=plex_server.token,
        transport=plex_server.asgi_transport(),
        cache=True,
    ) as plex:
        show, episodes = await a_show_and_its_episodes(plex)
        first = await plex.metadata.on_deck(show)
        assert first == await plex.metadata.on_deck(show)
        assert plex_server.requests.count(f"/library/metadata/{show.rating_key}") == 1
        await plex.played.mark_played(episodes[0])
        second = await plex.metadata.on_deck(show)
    assert first is not None and first.rating_key == episodes[0].rating_key
    assert second is not None and second.rating_key == episodes[1].rating_key


def test_a_cached_deck_moves_on_the_sync_client(plex_server: FakePlexServer) -> None:
    with (
        plex_server.run_in_thread() as url,
        PlexClient(url, token=plex_server.token, cache=True) as plex,
    ):
        show = plex.library.items("TV Shows", type="show", limit=1).items[0]
        plex.played.mark_unplayed(show)
        episodes = plex.metadata.episodes(show)
        assert plex.metadata.on_deck(show) == plex.metadata.on_deck(show)
        plex.played.mark_played(episodes[0])
        deck = plex.metadata.on_deck(show)
    assert deck is not None and deck.rating_key == episodes[1].rating_key
