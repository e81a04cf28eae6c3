"""Both clients read their connections 256 KiB at a time rather than httpcore's 64 KiB: over
loopback an asyncio transport hands over up to 256 KiB at once, which 64 KiB reads split into
four awaits and copies. A user's own transport is left as it is."""

from __future__ import annotations

from typing import Any

import httpcore
import httpcore._backends.anyio
import httpcore._backends.sync
import httpcore._backends.trio
import pytest

from plexkit import AsyncPlexClient, PlexClient
from plexkit._async.wide_reads import READ_BYTES, AsyncWideReads
from plexkit.testing import FakePlexServer

STREAMS = (
    httpcore._backends.sync.SyncStream,
    httpcore._backends.anyio.AnyIOStream,
    httpcore._backends.trio.TrioStream,
)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ``max_bytes`` of every read of httpcore's own streams (sync, anyio and trio)."""
    sizes: list[int] = []
    for stream in STREAMS:
        read = stream.read

        def recording(self: Any, max_bytes: int, *args: Any, _read: Any = read, **kw: Any) -> Any:
            sizes.append(max_bytes)
            return _read(self, max_bytes, *args, **kw)

        monkeypatch.setattr(stream, "read", recording)
    return sizes


@pytest.mark.plex_library(movies=300)
def test_the_sync_client_reads_256_kib_at_a_time(
    plex_server: FakePlexServer, asked: list[int]
) -> None:
    with plex_server.run_in_thread() as url, PlexClient(url, token=plex_server.token) as plex:
        movies = plex.library.section("Movies")
        items = list(plex.library.iter_items(movies, page_size=200))
    assert len(items) == 300
    assert asked and min(asked) == READ_BYTES


@pytest.mark.anyio
@pytest.mark.plex_library(movies=300)
async def test_the_async_client_reads_256_kib_at_a_time(
    plex_server: FakePlexServer, asked: list[int]
) -> None:
    with plex_server.run_in_thread() as url:
        async with AsyncPlexClient(url, token=plex_server.token) as plex:
            movies = await plex.library.section("Movies")
            items = [item async for item in plex.library.iter_items(movies, page_size=200)]
    assert len(items) == 300
    assert asked and min(asked) == READ_BYTES


@pytest.mark.plex_library(movies=300)
def test_without_httpx_s_pool_attribute_the_client_reads_as_httpx_does(
    plex_server: FakePlexServer, asked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wrapper reaches a private attribute of httpx's transport; should a release of
    httpx drop it, the client still works, with httpcore's own 64 KiB reads."""
    import httpx

    class Delegate:
        """Not an httpcore pool and without its attributes: only what httpx calls."""

        def __init__(self, pool: Any) -> None:
            self.pool = pool
            self.handle_request = pool.handle_request
            self.close = pool.close

        def __enter__(self) -> Any:
            return self.pool.__enter__()

        def __exit__(self, *exc: object) -> None:
            self.pool.__exit__(*exc)

    class WithoutPool(httpx.HTTPTransport):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pool = Delegate(self._pool)  # type: ignore[assignment]

    monkeypatch.setattr(httpx, "HTTPTransport", WithoutPool)
    with plex_server.run_in_thread() as url, PlexClient(url, token=plex_server.token) as plex:
        movies = plex.library.section("Movies")
        items = list(plex.library.iter_items(movies, page_size=200))
    assert len(items) == 300
    assert asked and max(asked) < READ_BYTES


def test_a_transport_given_by_the_caller_is_kept() -> None:
    import httpx

    transport = httpx.HTTPTransport()
    with PlexClient("http://127.0.0.1:9", token="t", transport=transport) as plex:
        assert plex._http._transport is transport


@pytest.mark.anyio
async def test_wide_reads_pass_everything_else_through() -> None:
    class Stream(httpcore.AsyncNetworkStream):
        def __init__(self) -> None:
            self.calls: list[tuple[str, object]] = []

        async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
            self.calls.append(("read", max_bytes))
            return b"x"

        async def write(self, buffer: bytes, timeout: float | None = None) -> None:
            self.calls.append(("write", buffer))

        async def aclose(self) -> None:
            self.calls.append(("aclose", None))

        def get_extra_info(self, info: str) -> Any:
            return f"info:{info}"

    class Backend(httpcore.AsyncNetworkBackend):
        stream = Stream()

        async def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
            return self.stream

    wide = await AsyncWideReads(Backend()).connect_tcp("h", 1)
    assert await wide.read(10) == b"x" and await wide.read(10 * READ_BYTES) == b"x"
    await wide.write(b"GET")
    await wide.aclose()
    assert wide.get_extra_info("socket") == "info:socket"
    assert Backend.stream.calls == [
        ("read", READ_BYTES),
        ("read", 10 * READ_BYTES),
        ("write", b"GET"),
        ("aclose", None),
    ]
