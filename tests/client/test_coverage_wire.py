"""The exact requests of the played, playlist, collection, hub, browse, media and prefs calls
(httpx.MockTransport), sync and async; creations are never retried, bad input sends nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from plexkit import AsyncPlexClient, PlexClient
from plexkit.errors import ConfigurationError, ServerError
from plexkit.filters import Filter, where
from plexkit.models import Movie

MACHINE = "abc123machine"
MOVIE = Movie(rating_key="42", key="/library/metadata/42", title="Heat", type="movie")


def body(**fields: Any) -> bytes:
    return json.dumps({"MediaContainer": {"size": 0, **fields}}).encode()


class Server:
    """Answers /identity, playlist and collection creations, and counts every request."""

    def __init__(self, *, fail_writes: bool = False) -> None:
        self.requests: list[httpx.Request] = []
        self.fail_writes = fail_writes

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/identity":
            return self.json(body(machineIdentifier=MACHINE))
        if self.fail_writes and (request.method != "GET" or path.startswith("/:/")):
            return httpx.Response(503, text="busy")
        if path == "/playlists" and request.method == "POST":
            return self.json(
                body(
                    Metadata=[
                        {
                            "ratingKey": "7",
                            "key": "/playlists/7/items",
                            "type": "playlist",
                            "title": "x",
                        }
                    ]
                )
            )
        if path == "/library/collections" and request.method == "POST":
            return self.json(
                body(
                    Metadata=[
                        {
                            "ratingKey": "8",
                            "key": "/library/collections/8/children",
                            "type": "collection",
                            "title": "x",
                        }
                    ]
                )
            )
        if path == "/playlists/7/items" and request.method == "GET":
            entries = [
                {"ratingKey": "42", "type": "movie", "title": "Heat", "playlistItemID": 901},
                {"ratingKey": "43", "type": "movie", "title": "Ran", "playlistItemID": 902},
            ]
            return self.json(body(Metadata=entries))
        return self.json(body())

    @staticmethod
    def json(content: bytes) -> httpx.Response:
        return httpx.Response(200, content=content, headers={"content-type": "application/json"})

    def sent(self) -> list[tuple[str, str, dict[str, list[str]]]]:
        return [
            (r.method, r.url.path, parse_qs(urlsplit(str(r.url)).query))
            for r in self.requests
            if r.url.path != "/identity"
        ]


def sync_client(server: Server, retries: int = 0) -> PlexClient:
    return PlexClient(
        "http://pms.test:32400",
        token="t0ken",
        transport=httpx.MockTransport(server),
        max_retries=retries,
    )


def async_client(server: Server, retries: int = 0) -> AsyncPlexClient:
    return AsyncPlexClient(
        "http://pms.test:32400",
        token="t0ken",
        transport=httpx.MockTransport(server),
        max_retries=retries,
    )


LIBRARY = "com.plexapp.plugins.library"


def test_played_requests() -> None:
    server = Server()
    with sync_client(server) as client:
        client.played.mark_played(MOVIE)
        client.played.mark_unplayed("42")
        client.played.set_progress(MOVIE, 1500)
        client.played.timeline("42", 10, state="paused", duration_ms=100)
        client.played.rate(MOVIE, 7.5)
        client.played.rate(MOVIE, None)
    assert server.sent() == [
        ("GET", "/:/scrobble", {"key": ["42"], "identifier": [LIBRARY]}),
        ("GET", "/:/unscrobble", {"key": ["42"], "identifier": [LIBRARY]}),
        (
            "GET",
            "/:/progress",
            {"key": ["42"], "identifier": [LIBRARY], "time": ["1500"], "state": ["stopped"]},
        ),
        (
            "GET",
            "/:/timeline",
            {
                "ratingKey": ["42"],
                "key": ["/library/metadata/42"],
                "identifier": [LIBRARY],
                "state": ["paused"],
                "time": ["10"],
                "duration": ["100"],
            },
        ),
        ("PUT", "/:/rate", {"key": ["42"], "identifier": [LIBRARY], "rating": ["7.5"]}),
        ("PUT", "/:/rate", {"key": ["42"], "identifier": [LIBRARY], "rating": ["-1"]}),
    ]


@pytest.mark.anyio
async def test_async_playlist_requests() -> None:
    server = Server()
    async with async_client(server) as client:
        made = await client.playlists.create("Night", [MOVIE, "43"])
        assert made.rating_key == "7"
        await client.playlists.add(made, ["44"])
        await client.playlists.move(made, "43", after=MOVIE)
        await client.playlists.remove("/playlists/7", "42")
        await client.playlists.edit(7, title="Late")
        await client.playlists.delete(made)
    uri = f"server://{MACHINE}/{LIBRARY}/library/metadata"
    assert server.sent() == [
        (
            "POST",
            "/playlists",
            {"title": ["Night"], "type": ["video"], "smart": ["0"], "uri": [f"{uri}/42,43"]},
        ),
        ("PUT", "/playlists/7/items", {"uri": [f"{uri}/44"]}),
        ("GET", "/playlists/7/items", {}),
        ("GET", "/playlists/7/items", {}),
        ("PUT", "/playlists/7/items/902/move", {"after": ["901"]}),
        ("GET", "/playlists/7/items", {}),
        ("DELETE", "/playlists/7/items/901", {}),
        ("PUT", "/playlists/7", {"title": ["Late"]}),
        ("DELETE", "/playlists/7", {}),
    ]
    assert [r.url.path for r in server.requests].count("/identity") == 1  # read once


def test_smart_and_collection_requests() -> None:
    server = Server()
    with sync_client(server) as client:
        client.playlists.create_smart(
            "Modern", 1, type="movie", filters=where(Filter("year", ">>=", 2000)), limit=5
        )
        made = client.collections.create("1", "Picks", [MOVIE])
        client.collections.add(made, ["43"])
        client.collections.remove(made, MOVIE)
        client.collections.move("/library/collections/8", "43", after="44")
        client.collections.set_mode(8, "hide_items")
        client.collections.set_order(made, "custom")
        client.collections.delete(made)
    smart_uri = (
        f"server://{MACHINE}/{LIBRARY}/library/sections/1/all?type=1&year%3E%3E=2000&limit=5"
    )
    sent = server.sent()
    assert sent[0] == (
        "POST",
        "/playlists",
        {"title": ["Modern"], "type": ["video"], "smart": ["1"], "uri": [smart_uri]},
    )
    assert sent[1] == (
        "POST",
        "/library/collections",
        {
            "type": ["1"],
            "title": ["Picks"],
            "smart": ["0"],
            "sectionId": ["1"],
            "uri": [f"server://{MACHINE}/{LIBRARY}/library/metadata/42"],
        },
    )
    assert sent[2:] == [
        (
            "PUT",
            "/library/collections/8/items",
            {"uri": [f"server://{MACHINE}/{LIBRARY}/library/metadata/43"]},
        ),
        ("DELETE", "/library/collections/8/items/42", {}),
        ("PUT", "/library/collections/8/items/43/move", {"after": ["44"]}),
        ("PUT", "/library/collections/8/prefs", {"collectionMode": ["1"]}),
        ("PUT", "/library/collections/8/prefs", {"collectionSort": ["2"]}),
        ("DELETE", "/library/collections/8", {}),
    ]


Call = Callable[[PlexClient], object]


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.playlists.create("x", [MOVIE]),
        lambda c: c.playlists.add("7", [MOVIE]),
        lambda c: c.collections.create("1", "x", [MOVIE]),
        lambda c: c.collections.add("8", [MOVIE]),
        lambda c: c.played.mark_played(MOVIE),
    ],
    ids=["playlist-create", "playlist-add", "collection-create", "collection-add", "scrobble"],
)
def test_writes_that_add_are_never_retried(call: Call) -> None:
    server = Server(fail_writes=True)
    with sync_client(server, retries=3) as client, pytest.raises(ServerError):
        call(client)
    assert len([r for r in server.requests if r.url.path != "/identity"]) == 1


def test_harmless_writes_are_retried() -> None:
    server = Server(fail_writes=True)
    with sync_client(server, retries=2) as client, pytest.raises(ServerError):
        client.playlists.delete("7")
    assert len(server.requests) == 3


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.playlists.create("x", []),
        lambda c: c.playlists.create("", [MOVIE]),
        lambda c: c.playlists.add("7", [object()]),
        lambda c: c.playlists.get("/library/metadata/7"),
        lambda c: c.collections.create("1", "x", ["1"]),
        lambda c: c.collections.set_order("8", "random"),
        lambda c: c.played.rate(MOVIE, float("nan")),
        lambda c: c.browse.choices("1", "genre/../x"),
        lambda c: c.prefs.set({}),
        lambda c: c.media.download("/library/parts/1/2/f.mkv", start=5, end=1),
        lambda c: c.library.items("1", filters=where(Filter("actor", "!", "x"))),  # type: ignore[arg-type]
    ],
)
def test_bad_input_is_refused_before_any_request(call: Call) -> None:
    server = Server()
    with sync_client(server) as client, pytest.raises(ConfigurationError):
        call(client)
    assert server.requests == []


def test_browse_hubs_media_and_prefs_paths() -> None:
    server = Server()
    with sync_client(server) as client:
        client.hubs.home(count=3)
        client.hubs.section(2)
        client.hubs.continue_watching(2)
        client.hubs.on_deck()
        client.browse.filters(1)
        client.browse.sorts(1)
        client.browse.fields(2, type="episode")
        client.browse.choices(1, "genre")
        client.accounts.list()
        client.prefs.set({"FriendlyName": "Den", "sendCrashReports": False})
        client.media.download("/library/parts/1/2/f.mkv", start=10)
        client.media.transcode_sessions()
    sent = server.sent()
    assert [(m, p) for m, p, _ in sent] == [
        ("GET", "/hubs"),
        ("GET", "/hubs/sections/2"),
        ("GET", "/hubs/sections/2/continueWatching/items"),
        ("GET", "/hubs/home/onDeck"),
        ("GET", "/library/sections/1/filters"),
        ("GET", "/library/sections/1/sorts"),
        ("GET", "/library/sections/2/all"),
        ("GET", "/library/sections/1/genre"),
        ("GET", "/accounts"),
        ("PUT", "/:/prefs"),
        ("GET", "/library/parts/1/2/f.mkv"),
        ("GET", "/transcode/sessions"),
    ]
    assert sent[0][2] == {"count": ["3"]}
    assert sent[6][2] == {"includeMeta": ["1"], "type": ["4"]}
    assert sent[9][2] == {"FriendlyName": ["Den"], "sendCrashReports": ["0"]}
    assert server.requests[-2].headers["Range"] == "bytes=10-"
