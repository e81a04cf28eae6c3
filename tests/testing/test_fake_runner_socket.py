"""The loopback fake answers small responses at once on a kept-alive connection.

asyncio turns Nagle's algorithm off (TCP_NODELAY) only for sockets whose ``proto`` says TCP;
with the listener made as ``proto=0`` every response body waited behind its headers for the
client's delayed ACK (about 40 ms per request).
"""

from __future__ import annotations

import asyncio
import socket

from plexkit.testing.serving import bind


def test_accepted_connections_have_nagle_off() -> None:
    listener = bind("127.0.0.1", 0)
    seen: list[int] = []

    async def main() -> None:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handle, sock=listener)
        async with server:
            port = listener.getsockname()[1]
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            for _ in range(100):
                if seen:
                    break
                await asyncio.sleep(0.01)
            writer.close()

    try:
        asyncio.run(main())
    finally:
        listener.close()
    assert seen and seen[0] != 0
