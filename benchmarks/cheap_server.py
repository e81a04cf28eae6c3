"""A cheap loopback Plex server for benchmarks: the fake library's answers, replayed as bytes.

``bench_library.py`` measures clients, so beside the realistic fake (``python -m
plexkit.testing``, which renders every page from its model at 15-20 ms of CPU per 500 movies)
it needs a server that costs almost nothing per page. This one holds the same generated
library (same seed and sizes) in a :class:`~plexkit.testing.FakePlexServer`, asks that app
in-process for the first answer to each distinct request (path and query, ``Accept``, token,
``X-Plex-Container-Start/Size``), keeps the status line, headers and body as one ``bytes``,
and from then on writes exactly that in a single ``write`` on a kept-alive connection
(Nagle off). Only ``GET`` is served. Run by the benchmark; by hand:
``python benchmarks/cheap_server.py --movies 20000 --token bench-token``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket

import httpx

from plexkit.testing import FakePlexServer

_DROPPED = frozenset({b"content-length", b"transfer-encoding", b"content-encoding", b"connection"})
_FORWARDED = frozenset(
    {b"accept", b"x-plex-token", b"x-plex-container-start", b"x-plex-container-size"}
)


class Replay:
    """First answer to each distinct request from the fake app, then the same bytes."""

    def __init__(self, server: FakePlexServer) -> None:
        self.client = httpx.AsyncClient(transport=server.asgi_transport(), base_url="http://plex")
        self.cache: dict[tuple[bytes, ...], bytes] = {}

    async def answer(self, target: bytes, headers: dict[bytes, bytes]) -> bytes:
        forwarded = {k: v for k, v in headers.items() if k in _FORWARDED}
        key = (target, *(forwarded.get(k, b"") for k in sorted(_FORWARDED)))
        hit = self.cache.get(key)
        if hit is None:
            response = await self.client.get(
                target.decode("latin-1"),
                headers={k.decode(): v.decode("latin-1") for k, v in forwarded.items()},
            )
            hit = render(response)
            if response.status_code == 200:
                self.cache[key] = hit
        return hit


def render(response: httpx.Response) -> bytes:
    """One HTTP/1.1 response: status line, headers, ``Content-Length``, body."""
    lines = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}".encode()]
    for name, value in response.headers.raw:
        if name.lower() not in _DROPPED:
            lines.append(name + b": " + value)
    body = response.content
    lines.append(b"content-length: " + str(len(body)).encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


async def serve(replay: Replay, sock: socket.socket, ready: str) -> None:
    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *header_lines = head[:-4].split(b"\r\n")
                method, target, _ = request_line.split(b" ", 2)
                headers = {}
                for line in header_lines:
                    name, _, value = line.partition(b":")
                    headers[name.strip().lower()] = value.strip()
                length = int(headers.get(b"content-length", b"0"))
                if length:
                    await reader.readexactly(length)
                if method != b"GET":
                    writer.write(b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n")
                else:
                    writer.write(await replay.answer(target, headers))
                await writer.drain()
                if headers.get(b"connection", b"").lower() == b"close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(connection, sock=sock)
    print(ready, flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movies", type=int, default=20_000)
    parser.add_argument("--token", default="bench-token")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    # The same library as bench_library.py's realistic server (same seed and sizes).
    fake = FakePlexServer(
        token=args.token, movies=args.movies, shows=1, artists=1, photo_albums=1, history=0
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(Replay(fake), sock, f"cheap replay server at {url}"))


if __name__ == "__main__":
    main()
