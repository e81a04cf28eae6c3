"""httpx's pooled transport with an httpcore network backend whose connections read up to
`READ_BYTES` at a time.

httpcore asks each socket read for 64 KiB. The event loop's socket transport hands over
chunks of up to 256 KiB, which the async stream then splits into 64 KiB pieces, copying the
rest back each time, and every piece is one more suspension through httpcore, the stream
and the loop: 15 reads for a 0.9 MB library page instead of 4, about a tenth of the async
client's CPU per page over loopback. Asking for more per read is all these wrappers change;
the sync twin saves its share of ``recv`` calls. Imported when a client builds its transport
(httpcore loads then).
"""

from __future__ import annotations

import ssl
import typing
from collections.abc import Iterable
from typing import Final, TypeAlias

import httpcore

from plexkit._http import httpx, limits_for, verify_for

if typing.TYPE_CHECKING:
    from plexkit.config import PlexConfig

__all__ = ["READ_BYTES", "AsyncWideReads", "async_pooled_transport"]

READ_BYTES: Final = 256 * 1024
"""What one read asks for: the most the event loop's transport reads from a socket at once."""

SocketOption: TypeAlias = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class AsyncWideStream(httpcore.AsyncNetworkStream):
    """An async network stream whose reads ask for at least `READ_BYTES`."""

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max(max_bytes, READ_BYTES), timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        tls = await self._stream.start_tls(ssl_context, server_hostname, timeout)
        return AsyncWideStream(tls)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class AsyncWideReads(httpcore.AsyncNetworkBackend):
    """``backend`` with every stream it opens reading `READ_BYTES` at a time."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        return AsyncWideStream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._backend.connect_unix_socket(path, timeout, socket_options)
        return AsyncWideStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def async_pooled_transport(config: PlexConfig, base_url: str) -> httpx.AsyncHTTPTransport:
    """httpx's pooled transport for ``base_url``, its connections reading `READ_BYTES` at a
    time instead of 64 KiB."""
    transport = httpx.AsyncHTTPTransport(
        verify=verify_for(base_url, config.verify_ssl), limits=limits_for(config)
    )
    # httpx takes no network backend: its pool is given ours (httpx's own reads if that
    # private attribute ever goes).
    pool = getattr(transport, "_pool", None)
    if isinstance(pool, httpcore.AsyncConnectionPool):
        pool._network_backend = AsyncWideReads(pool._network_backend)
    return transport
