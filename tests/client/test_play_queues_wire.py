"""The exact requests of ``play_queues`` and ``hubs.related`` (httpx.MockTransport), sync and
async; creating, adding and shuffling are sent once even when the answer is lost (a repeat
would make a second queue, queue items twice or shuffle again), the harmless writes retry."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from plexkit import AsyncPlexClient, PlexClient, PlexConfig
from plexkit.errors import ServerError, TransportError
from plexkit.models import Hub, Movie, Playlist, PlayQueue

MACHINE = "abc123machine"
URI = f"server://{MACHINE}/com.plexapp.plugins.library/library/metadata"
MOVIE = Movie(rating_key="42", key="/library/metadata/42", title="Heat", type="movie")
RELATED = (
    Path(__file__).parents[1]
    / "data/spec-examples"
    / ("hubsGetMetadataMetadataRelated__200__someHubs.json")
)
ENTRIES = [("42", 901), ("43", 902), ("42", 903)]


def queue_body(entries: list[tuple[str, int]] = ENTRIES, **fields: Any) -> bytes:
    container = {
        "size": len(entries),
        "playQueueID": 7,
        "playQueueSelectedItemID": entries[0][1] if entries else 0,
        "playQueueTotalCount": len(ENTRIES),
        "playQueueVersion": 3,
        "playQueueShuffled": False,
        "Metadata": [
            {
                "ratingKey": key,
                "key": f"/library/metadata/{key}",
                "type": "movie",
                "title": f"M{key}",
                "playQueueItemID": item_id,
            }
            for key, item_id in entries
        ],
        **fields,
    }
    return json.dumps({"MediaContainer": container}).encode()


class Server:
    """Answers /identity and every play-queue call with one queue; counts the requests."""

    def __init__(
        self,
        *,
        fail: type[Exception] | int | None = None,
        window: int = 3,
        empty_writes: bool = False,
    ) -> None:
        self.requests: list[httpx.Request] = []
        self.fail = fail
        self.window = window
        self.empty_writes = empty_writes

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        headers = {"content-type": "application/json"}
        if request.url.path == "/identity":
            body = json.dumps({"MediaContainer": {"machineIdentifier": MACHINE}})
            return httpx.Response(200, content=body.encode(), headers=headers)
        if request.url.path.endswith("/related"):
            return httpx.Response(200, content=RELATED.read_bytes(), headers=headers)
        if isinstance(self.fail, int):
            return httpx.Response(self.fail, text="busy")
        if self.fail is not None:
            raise self.fail("connection dropped", request=request)
        if self.empty_writes and request.method != "GET":
            return httpx.Response(200)
        wide = "window" in request.url.params
        entries = ENTRIES if wide else ENTRIES[: self.window]
        return httpx.Response(200, content=queue_body(entries), headers=headers)

    def sent(self) -> list[tuple[str, str, dict[str, list[str]]]]:
        return [
            (r.method, r.url.path, parse_qs(urlsplit(str(r.url)).query))
            for r in self.requests
            if r.url.path != "/identity"
        ]


def sync_client(server: Server, *, retries: int = 0) -> PlexClient:
    config = PlexConfig(
        base_url="http://pms.test:32400", token="t", max_retries=retries, retry_backoff=0.001
    )
    return PlexClient(config=config, transport=httpx.MockTransport(server))


def async_client(server: Server) -> AsyncPlexClient:
    return AsyncPlexClient(
        "http://pms.test:32400", token="t", transport=httpx.MockTransport(server), max_retries=0
    )


def test_create_and_read_requests() -> None:
    server = Server()
    playlist = Playlist(
        rating_key="12",
        key="/playlists/12/items",
        title="P",
        type="playlist",
        playlist_type="audio",
    )
    with sync_client(server) as client:
        queue = client.play_queues.create([MOVIE, "43"], shuffle=True, start="43")
        client.play_queues.create("44", type="video", continuous=True)
        client.play_queues.create(playlist)
        client.play_queues.get(queue, window=2, center=902, include_before=False)
        client.play_queues.get("7")
    assert isinstance(queue, PlayQueue) and queue.item_ids == (901, 902, 903)
    assert server.sent() == [
        (
            "POST",
            "/playQueues",
            {
                "uri": [f"{URI}/42,43"],
                "type": ["video"],
                "key": ["/library/metadata/43"],
                "shuffle": ["1"],
            },
        ),
        ("POST", "/playQueues", {"uri": [f"{URI}/44"], "type": ["video"], "continuous": ["1"]}),
        ("POST", "/playQueues", {"playlistID": ["12"], "type": ["audio"]}),
        ("GET", "/playQueues/7", {"window": ["2"], "center": ["902"], "includeBefore": ["0"]}),
        ("GET", "/playQueues/7", {}),
    ]


@pytest.mark.anyio
async def test_async_write_requests() -> None:
    server = Server()
    async with async_client(server) as client:
        queue = await client.play_queues.get(7)
        await client.play_queues.add(queue, [MOVIE, "44"], next=True)
        await client.play_queues.add(7, "/playlists/12")
        await client.play_queues.remove(queue, queue.items[2])  # the second 42, by the model
        await client.play_queues.move(queue, "43", after=queue.items[2])  # one read, for "43"
        await client.play_queues.move(7, MOVIE)  # by rating key: read, then its first entry
        await client.play_queues.clear(queue)
        await client.play_queues.shuffle(queue)
        await client.play_queues.unshuffle(7)
        await client.play_queues.reset(7)
    assert server.sent() == [
        ("GET", "/playQueues/7", {}),
        ("PUT", "/playQueues/7", {"uri": [f"{URI}/42,44"], "next": ["1"]}),
        ("PUT", "/playQueues/7", {"playlistID": ["12"]}),
        ("DELETE", "/playQueues/7/items/903", {}),
        ("GET", "/playQueues/7", {}),
        ("PUT", "/playQueues/7/items/902/move", {"after": ["903"]}),
        ("GET", "/playQueues/7", {}),
        ("PUT", "/playQueues/7/items/901/move", {}),
        ("DELETE", "/playQueues/7/items", {}),
        ("PUT", "/playQueues/7/shuffle", {}),
        ("PUT", "/playQueues/7/unshuffle", {}),
        ("PUT", "/playQueues/7/reset", {}),
    ]


def test_an_entry_beyond_the_window_is_looked_up_in_the_whole_queue() -> None:
    server = Server(window=1)
    with sync_client(server) as client:
        client.play_queues.remove(7, "43")
    assert server.sent() == [
        ("GET", "/playQueues/7", {}),
        ("GET", "/playQueues/7", {"window": ["3"]}),
        ("DELETE", "/playQueues/7/items/902", {}),
    ]


def test_a_write_answered_without_a_body_reads_the_queue() -> None:
    server = Server(empty_writes=True)
    with sync_client(server) as client:
        queue = client.play_queues.clear(7)
    assert queue.id == 7 and queue.item_ids == (901, 902, 903)
    assert server.sent() == [("DELETE", "/playQueues/7/items", {}), ("GET", "/playQueues/7", {})]


def test_related_hubs_request() -> None:
    server = Server()
    with sync_client(server) as client:
        hubs = client.hubs.related(MOVIE, count=3)
        client.hubs.related("43")
    assert all(isinstance(hub, Hub) for hub in hubs)  # the spec's getRelatedHubs example
    assert hubs[2].title == "Recently Added Movies" and hubs[2].hub_key is not None
    assert server.sent() == [
        ("GET", "/library/metadata/42/related", {"count": ["3"]}),
        ("GET", "/library/metadata/43/related", {}),
    ]


Call = Callable[[PlexClient], object]
NOT_RETRIED: list[Call] = [
    lambda c: c.play_queues.create([MOVIE]),
    lambda c: c.play_queues.add(7, [MOVIE]),
    lambda c: c.play_queues.add(7, "/playlists/12", next=True),
    lambda c: c.play_queues.shuffle(7),
]


@pytest.mark.parametrize("call", NOT_RETRIED, ids=["create", "add", "add-playlist", "shuffle"])
def test_a_dropped_answer_to_a_write_that_adds_is_not_resent(call: Call) -> None:
    server = Server(fail=httpx.RemoteProtocolError)
    with sync_client(server, retries=3) as client, pytest.raises(TransportError) as caught:
        call(client)
    assert len(server.sent()) == 1
    assert caught.value.request_sent and "may have applied it" in str(caught.value)


@pytest.mark.parametrize("call", NOT_RETRIED, ids=["create", "add", "add-playlist", "shuffle"])
def test_a_503_to_a_write_that_adds_is_not_resent(call: Call) -> None:
    server = Server(fail=503)
    with sync_client(server, retries=3) as client, pytest.raises(ServerError):
        call(client)
    assert len(server.sent()) == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.play_queues.clear(7),
        lambda c: c.play_queues.unshuffle(7),
        lambda c: c.play_queues.reset(7),
        lambda c: c.play_queues.get(7),
    ],
    ids=["clear", "unshuffle", "reset", "get"],
)
def test_harmless_play_queue_calls_are_retried(call: Call) -> None:
    server = Server(fail=httpx.RemoteProtocolError)
    with sync_client(server, retries=2) as client, pytest.raises(TransportError):
        call(client)
    assert len(server.sent()) == 3
