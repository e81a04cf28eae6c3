"""Bad input and failing servers: each gives the documented error, retries where safe, no token."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

from plexkit import (
    APIError,
    AsyncPlexClient,
    DeadlineExceededError,
    NotFoundError,
    ParseError,
    PlexClient,
    PlexConfig,
    RateLimitedError,
    ReadTimeoutError,
    ServerError,
    ServerUnavailableError,
    Timeouts,
    TransportError,
    UnauthorizedError,
)

TOKEN = "failure-token-ABCDEF123"
FAST = PlexConfig(base_url="http://pms.test:32400", token=TOKEN, retry_backoff=0.001)


def client_for(handler: Callable[[httpx.Request], httpx.Response], **kw: object) -> PlexClient:
    return PlexClient(config=FAST, transport=httpx.MockTransport(handler), **kw)  # type: ignore[arg-type]


def body(
    content: bytes, content_type: str, status: int = 200
) -> Callable[[httpx.Request], httpx.Response]:
    return lambda _r: httpx.Response(
        status, content=content, headers={"content-type": content_type}
    )


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<MediaContainer size="1"><Directory title="&lol3;"/></MediaContainer>"""


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b'{"MediaContainer": {"size": 1, "Directory": [', "application/json"),
        (b"<MediaContainer size='1'><Directory key='1' title='Mov", "text/xml"),
        (BOMB, "text/xml"),
        (f"<html><body>Bad things X-Plex-Token={TOKEN}</body></html>".encode(), "text/html"),
        (b"[1, 2, 3]", "application/json"),
    ],
    ids=["truncated-json", "truncated-xml", "entity-bomb", "html-page", "not-a-container"],
)
def test_malformed_bodies_raise_parse_error_without_token(
    content: bytes, content_type: str
) -> None:
    with client_for(body(content, content_type)) as plex, pytest.raises(ParseError) as caught:
        plex.library.sections()
    assert TOKEN not in str(caught.value)


def test_empty_body_on_a_read_is_a_parse_error() -> None:
    with client_for(body(b"", "application/json")) as plex, pytest.raises(ParseError):
        plex.library.sections()


def test_redirect_is_reported_not_followed_or_silently_empty() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"location": "https://pms.test:32400/library/sections"})

    with client_for(handler) as plex, pytest.raises(APIError) as caught:
        plex.library.sections()
    assert caught.value.status_code == 301 and "https://pms.test:32400" in str(caught.value)


def test_html_502_page_is_a_server_error_with_excerpt() -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(502, content=page, headers={"content-type": "text/html"})

    with client_for(handler) as plex, pytest.raises(ServerError) as caught:
        plex.server.info()
    assert caught.value.status_code == 502
    assert "502 Bad Gateway" in caught.value.body_excerpt
    assert len(calls) == 1 + FAST.max_retries
    assert TOKEN not in str(caught.value) and TOKEN not in caught.value.url


def test_503_then_success_is_retried_transparently() -> None:
    answers = [503, 503, 200]

    def handler(request: httpx.Request) -> httpx.Response:
        status = answers.pop(0)
        content = b'{"MediaContainer": {"size": 0}}' if status == 200 else b"busy"
        return httpx.Response(status, content=content, headers={"content-type": "application/json"})

    with client_for(handler) as plex:
        assert plex.library.sections() == ()
    assert answers == []


def test_429_honours_retry_after_then_gives_up_with_the_hint() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(429, headers={"Retry-After": "0"})

    with client_for(handler) as plex, pytest.raises(RateLimitedError) as caught:
        plex.library.sections()
    assert caught.value.retry_after == 0
    assert len(calls) == 1 + FAST.max_retries


def test_posts_are_not_retried() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503)

    with client_for(handler) as plex, pytest.raises(ServerUnavailableError):
        plex.raw.request("POST", "/playlists", {"title": "x"})
    assert len(calls) == 1


def test_401_and_404_are_not_retried_and_are_typed() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        status = 401 if request.url.path == "/" else 404
        return httpx.Response(status, text="<html><h1>Unauthorized</h1></html>")

    with client_for(handler) as plex:
        with pytest.raises(UnauthorizedError):
            plex.server.info()
        with pytest.raises(NotFoundError):
            plex.metadata.get(999999)
    assert len(calls) == 2


@pytest.fixture
def silent_server() -> Iterator[tuple[str, list[socket.socket]]]:
    """A loopback server that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            accepted.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", accepted
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


def test_server_that_never_answers_times_out(
    silent_server: tuple[str, list[socket.socket]],
) -> None:
    url, accepted = silent_server
    timeouts = Timeouts(connect=1, read=0.2, total=5)
    plex = PlexClient(url, token=TOKEN, timeouts=timeouts, max_retries=1)
    with plex, pytest.raises(ReadTimeoutError) as caught:
        plex.server.info()
    assert TOKEN not in str(caught.value)
    assert len(accepted) >= 1


@pytest.mark.anyio
async def test_async_server_that_never_answers_times_out(
    silent_server: tuple[str, list[socket.socket]],
) -> None:
    url, _ = silent_server
    timeouts = Timeouts(connect=1, read=0.2, total=5)
    async with AsyncPlexClient(url, token=TOKEN, timeouts=timeouts, max_retries=0) as plex:
        with pytest.raises(ReadTimeoutError):
            await plex.server.info()


def test_total_deadline_stops_retrying(silent_server: tuple[str, list[socket.socket]]) -> None:
    url, accepted = silent_server
    timeouts = Timeouts(connect=1, read=0.3, total=0.5)
    plex = PlexClient(url, token=TOKEN, timeouts=timeouts, max_retries=50)
    with plex, pytest.raises(DeadlineExceededError) as caught:
        plex.server.info()
    assert len(accepted) < 50
    assert "deadline" in str(caught.value)


def test_refused_connection_is_a_transport_error() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    config = PlexConfig(base_url=f"http://127.0.0.1:{port}", token=TOKEN, retry_backoff=0.001)
    with PlexClient(config=config) as plex, pytest.raises(TransportError) as caught:
        plex.server.info()
    assert "could not connect" in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_dropped_connection_is_retried_then_reported() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    hits = []

    def drop() -> None:
        listener.settimeout(5)
        for _ in range(2):
            conn, _ = listener.accept()
            conn.recv(65536)
            hits.append(1)
            conn.close()

    thread = threading.Thread(target=drop, daemon=True)
    thread.start()
    config = PlexConfig(
        base_url=f"http://127.0.0.1:{port}", token=TOKEN, max_retries=1, retry_backoff=0.001
    )
    with PlexClient(config=config) as plex, pytest.raises(TransportError) as caught:
        plex.server.info()
    thread.join()
    listener.close()
    assert len(hits) == 2
    assert "dropped" in str(caught.value)
