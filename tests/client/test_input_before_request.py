"""Bad caller input is a `ConfigurationError` raised before any request, also when the section
is given by title (a title lookup is a request): sync and async, under asyncio and trio."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest

from plexkit import AsyncPlexClient, ConfigurationError, PlexClient

pytestmark = pytest.mark.anyio

TOKEN = "input-token-0123456789"
SECTIONS = {
    "MediaContainer": {
        "size": 1,
        "Directory": [
            {
                "key": "1",
                "title": "Movies",
                "type": "movie",
                "agent": "tv.plex.agents.movie",
                "Location": [{"id": 1, "path": "/data/movies"}],
            }
        ],
    }
}


class Counter:
    """A MockTransport handler that answers every request with the sections listing and
    keeps each request it was sent."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json=SECTIONS)


@pytest.fixture(params=["sync", "async"])
async def plex(
    request: pytest.FixtureRequest, anyio_backend: str
) -> AsyncIterator[tuple[Any, Counter]]:
    counter = Counter()
    transport = httpx.MockTransport(counter)
    url = "http://pms.test:32400"
    if request.param == "async":
        async with AsyncPlexClient(url, token=TOKEN, transport=transport) as client:
            yield client, counter
        return
    with PlexClient(url, token=TOKEN, transport=transport) as sync:
        yield sync, counter


async def run(value: Any) -> None:
    """Await a coroutine, or read every entry of a walk or an iterator (sync or async)."""
    if inspect.isawaitable(value):
        await value
    elif hasattr(value, "__aenter__"):
        async with value as entries:
            async for _ in entries:
                pass
    elif hasattr(value, "__enter__"):
        with value as entries:
            list(entries)
    elif isinstance(value, AsyncIterator):
        async for _ in value:
            pass
    elif isinstance(value, Iterator):
        list(value)


Call = Callable[[Any], object]
NAIVE = datetime(2024, 1, 1)  # without a timezone: history refuses it

CASES: dict[str, Call] = {
    # 1. iter_items' page_size and limit, with a section title
    "iter_items page_size=0": lambda p: p.library.iter_items("Movies", page_size=0),
    "iter_items page_size<0": lambda p: p.library.iter_items("Movies", page_size=-5),
    "iter_items page_size str": lambda p: p.library.iter_items("Movies", page_size="10"),
    "iter_items page_size bool": lambda p: p.library.iter_items("Movies", page_size=True),
    "iter_items page_size huge": lambda p: p.library.iter_items("Movies", page_size=10**6),
    "iter_items limit=0": lambda p: p.library.iter_items("Movies", limit=0),
    "iter_items limit<0": lambda p: p.library.iter_items("Movies", limit=-1),
    "iter_items limit float": lambda p: p.library.iter_items("Movies", limit=2.5),
    "iter_items cache": lambda p: p.library.iter_items("Movies", cache="sometimes"),
    "items cache": lambda p: p.library.items("Movies", cache="sometimes"),
    "items ttl str": lambda p: p.library.items("Movies", ttl="60"),
    "items ttl<0": lambda p: p.library.items("Movies", ttl=-1),
    "items ttl nan": lambda p: p.library.items("Movies", ttl=float("nan")),
    # 2. search and recently added, with a section title
    "search cache": lambda p: p.library.search("heat", section="Movies", cache="x"),
    "search cache=True uncached": lambda p: p.library.search("heat", section="Movies", cache=True),
    "search limit=0": lambda p: p.library.search("heat", section="Movies", limit=0),
    "search limit str": lambda p: p.library.search("heat", section="Movies", limit="3"),
    "search ttl": lambda p: p.library.search("heat", section="Movies", ttl="soon"),
    "recent cache": lambda p: p.library.recently_added(section="Movies", cache="x"),
    "recent limit=0": lambda p: p.library.recently_added(section="Movies", limit=0),
    "recent limit None": lambda p: p.library.recently_added(section="Movies", limit=None),
    "recent typed cache": lambda p: p.library.recently_added(
        section="Movies", type="movie", cache="x"
    ),
    "recent typed limit": lambda p: p.library.recently_added(section="Movies", type=1, limit=-3),
    # 3. history, with a section title
    "history rating_key": lambda p: p.history.list(section_key="Movies", rating_key=object()),
    "history since str": lambda p: p.history.list(section_key="Movies", since="yesterday"),
    "history since naive": lambda p: p.history.list(section_key="Movies", since=NAIVE),
    "history cache": lambda p: p.history.list(section_key="Movies", cache="x"),
    "history iter rating_key": lambda p: p.history.iter(section_key="Movies", rating_key=[1]),
    "history iter since": lambda p: p.history.iter(section_key="Movies", since=0),
    "history iter page_size": lambda p: p.history.iter(section_key="Movies", page_size=0),
    "history iter limit": lambda p: p.history.iter(section_key="Movies", limit=0),
    "history iter cache": lambda p: p.history.iter(section_key="Movies", cache="x"),
    # 4. browse, with a section title
    "choices empty filter": lambda p: p.browse.choices("Movies", ""),
    "choices filter path": lambda p: p.browse.choices("Movies", "../genre"),
    "choices filter int": lambda p: p.browse.choices("Movies", 3),
    "choices cache": lambda p: p.browse.choices("Movies", "genre", cache="x"),
    "fields type": lambda p: p.browse.fields("Movies", type="spaceship"),
    "fields cache": lambda p: p.browse.fields("Movies", cache="x"),
    "filters cache": lambda p: p.browse.filters("Movies", cache="x"),
    "sorts ttl": lambda p: p.browse.sorts("Movies", ttl=-2),
    "field_types cache": lambda p: p.browse.field_types("Movies", cache="x"),
    # 5. hubs, with a section title
    "hubs section cache": lambda p: p.hubs.section("Movies", cache="x"),
    "hubs section ttl": lambda p: p.hubs.section("Movies", ttl="1h"),
    "continue_watching cache": lambda p: p.hubs.continue_watching("Movies", cache="x"),
    "hubs home count": lambda p: p.hubs.home(count="many"),
    "hubs home count=0": lambda p: p.hubs.home(count=0),
    # 6. a section that is neither a Section, a key nor a title
    "section None": lambda p: p.library.section(None),
    "section float": lambda p: p.library.section(3.5),
    "section bytes": lambda p: p.library.section(b"Movies"),
    "section bool": lambda p: p.library.section(True),
    "section blank": lambda p: p.library.section("  "),
    "section ttl": lambda p: p.library.section("Movies", ttl="x"),
    # 7. raw.get caches only under a cache name
    "raw cache=True": lambda p: p.raw.get("/butler", cache=True),
    "raw cache=refresh": lambda p: p.raw.get("/butler", cache="refresh"),
    "raw ttl": lambda p: p.raw.get("/butler", ttl=60),
    "raw cache bad": lambda p: p.raw.get("/butler", cache_name="butler", cache="x"),
    # the same pattern elsewhere
    "collections cache": lambda p: p.library.collections("Movies", cache="x"),
    "collection include_guids": lambda p: p.library.collection("7", include_guids="yes"),
    "collection cache": lambda p: p.library.collection("7", cache="x"),
    "refresh force": lambda p: p.library.refresh("Movies", force="yes"),
    "refresh None": lambda p: p.library.refresh(None),
    "refresh path section None": lambda p: p.library.refresh(None, path="/data/movies/a"),
    "refresh_and_wait force": lambda p: p.library.refresh_and_wait("Movies", force=1),
    "refresh_and_wait websocket": lambda p: p.library.refresh_and_wait(
        "Movies", use_websocket="no"
    ),
    "section_for_path int": lambda p: p.library.section_for_path(3),
    "section_for_path relative": lambda p: p.library.section_for_path("movies/a"),
    "section_for_path cache": lambda p: p.library.section_for_path("/data/movies", cache="x"),
    "activities.get uuid": lambda p: p.activities.get(None),
    "activities.get blank": lambda p: p.activities.get(" "),
    "prefs.get id": lambda p: p.prefs.get(3),
    "prefs.get blank": lambda p: p.prefs.get(""),
    "accounts.names cache": lambda p: p.accounts.names(cache="x"),
    "walk cache": lambda p: p.library.walk("Movies", cache="x"),
    "playlist type": lambda p: p.playlists.create("Mix", ["1"], type="film"),
    # edits: every field, the type and the lock, before the section title is looked up
    "edit_many type": lambda p: p.metadata.edit_many("Movies", ["1"], type="ship", title="x"),
    "edit_many type None": lambda p: p.metadata.edit_many("Movies", ["1"], type=None, title="x"),
    "edit_many year": lambda p: p.metadata.edit_many("Movies", ["1"], type="movie", year="x"),
    "edit_many no field": lambda p: p.metadata.edit_many("Movies", ["1"], type="movie"),
    "edit_many unknown": lambda p: p.metadata.edit_many("Movies", ["1"], type=1, bogus=1),
    "edit_many lock": lambda p: p.metadata.edit_many(
        "Movies", ["1"], type="movie", title="x", lock="no"
    ),
    "edit_many tags type": lambda p: p.metadata.edit_many(
        "Movies", ["1"], type="ship", genres=["Drama"]
    ),
    "edit_many tags name": lambda p: p.metadata.edit_many(
        "Movies", ["1"], type="movie", genres=["Drama", ""]
    ),
    "edit_many items": lambda p: p.metadata.edit_many("Movies", [], type="movie", title="x"),
    "edit year with tags": lambda p: p.metadata.edit("1", genres=["Drama"], year="soon"),
    "edit rating with tags": lambda p: p.metadata.edit("1", labels=["a"], rating=11),
    "edit lock with tags": lambda p: p.metadata.edit("1", genres=["Drama"], lock="yes"),
    "edit unknown with tags": lambda p: p.metadata.edit("1", moods=["calm"], bogus=1),
    "edit tags value": lambda p: p.metadata.edit("1", genres="Drama", title="x"),
    # smart lists, with a section title
    "smart collection limit": lambda p: p.collections.create_smart(
        "Movies", "Mix", type="movie", limit=0
    ),
    "smart collection filters": lambda p: p.collections.create_smart(
        "Movies", "Mix", type="movie", filters=3
    ),
    "smart playlist sort": lambda p: p.playlists.create_smart(
        "Mix", "Movies", type="movie", sort="title:sideways"
    ),
    "smart playlist no type": lambda p: p.playlists.create_smart("Mix", "Movies", type=None),
    # a playlist move names both items before it looks either up
    "playlist move after": lambda p: p.playlists.move("5", "1", after=object()),
    "playlist move after None key": lambda p: p.playlists.move("5", "1", after=""),
    # flags and names that were sent as given
    "item refresh mark_updated": lambda p: p.metadata.refresh("1", mark_updated="yes"),
    "item refresh agent": lambda p: p.metadata.refresh("1", agent=3),
    "item refresh agent blank": lambda p: p.metadata.refresh("1", agent=" "),
    "transient_token refresh": lambda p: p.server.transient_token(refresh="yes"),
    "sections counts": lambda p: p.library.sections(counts="yes"),
    "stream download": lambda p: p.urls.stream(
        "/library/parts/1/2/file.mkv", download="no", include_token=True
    ),
    "image upscale": lambda p: p.urls.image(
        "/library/metadata/1/thumb/2", width=10, upscale="no", include_token=True
    ),
    "image min_size": lambda p: p.urls.image(
        "/library/metadata/1/thumb/2", width=10, min_size=0, include_token=True
    ),
}


@pytest.mark.parametrize("call", list(CASES.values()), ids=list(CASES))
async def test_bad_input_is_refused_before_any_request(
    plex: tuple[Any, Counter], call: Call
) -> None:
    client, counter = plex
    with pytest.raises(ConfigurationError) as caught:
        await run(call(client))
    assert counter.requests == []
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize("ttl", ["abc", -5, True, float("nan")])
async def test_a_bad_ttl_is_refused_by_a_client_with_a_cache(
    anyio_backend: str, ttl: object
) -> None:
    counter = Counter()
    transport = httpx.MockTransport(counter)
    url = "http://pms.test:32400"
    with (
        PlexClient(url, token=TOKEN, cache=True, transport=transport) as sync,
        pytest.raises(ConfigurationError, match="ttl"),
    ):
        sync.library.sections(ttl=ttl)
    async with AsyncPlexClient(url, token=TOKEN, cache=True, transport=transport) as plex:
        with pytest.raises(ConfigurationError, match="ttl"):
            await plex.server.info(ttl=ttl)
    assert counter.requests == []


async def test_raw_get_names_the_missing_cache_name(plex: tuple[Any, Counter]) -> None:
    client, counter = plex
    with pytest.raises(ConfigurationError, match="cache_name"):
        await run(client.raw.get("/butler", cache=True))
    assert counter.requests == []


async def test_a_section_of_the_wrong_kind_says_what_a_section_is(
    plex: tuple[Any, Counter],
) -> None:
    client, counter = plex
    with pytest.raises(ConfigurationError, match="a section must be a Section"):
        await run(client.library.section(None))
    assert counter.requests == []


async def test_good_input_still_reaches_the_server(plex: tuple[Any, Counter]) -> None:
    client, counter = plex
    await run(client.library.section("Movies"))
    await run(client.raw.get("/butler", cache=False))
    await run(client.raw.get("/butler", cache_name="butler"))
    assert len(counter.requests) == 3
    found = await run_value(client.library.section_for_path("/data/movies/Heat"))
    assert found is not None and found.key == "1"


async def run_value(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def test_edit_many_by_title_edits_that_section(plex: tuple[Any, Counter]) -> None:
    client, counter = plex
    await run(client.metadata.edit_many("Movies", ["1", "2"], type="movie", title="Heat"))
    lookup, edit = counter.requests
    assert lookup.url.path == "/library/sections"
    assert (edit.method, edit.url.path) == ("PUT", "/library/sections/1/all")
    assert edit.url.params["type"] == "1" and edit.url.params["id"] == "1,2"
    assert edit.url.params["title.value"] == "Heat"
