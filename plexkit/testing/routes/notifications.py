"""``/:/websockets/notifications``: activity and timeline events pushed as JSON text frames.

Each connection is registered with the app's `Websockets`
so ``FakePlexServer.drop_websockets()`` can close it (code 1011) from any thread.
"""

from __future__ import annotations

import json

import anyio
from starlette.routing import BaseRoute, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from plexkit.testing.respond import Context

POLL_SECONDS = 0.02
"""How often a connection looks for new events (and moves running scans on)."""


async def notifications(websocket: WebSocket) -> None:
    """Send each new event as ``{"NotificationContainer": {...}}`` until the client leaves
    or the connection is dropped."""
    ctx: Context = websocket.app.state.fake
    library = ctx.library
    connection = ctx.websockets.connect()
    try:
        await websocket.accept()
        cursor = library.notifier.cursor()
        async with anyio.create_task_group() as tg:

            async def until_closed() -> None:
                try:
                    while True:
                        await websocket.receive_text()
                except (WebSocketDisconnect, RuntimeError):
                    tg.cancel_scope.cancel()

            tg.start_soon(until_closed)
            try:
                while True:
                    library.scans.advance()
                    events = library.notifier.since(cursor)
                    if connection.close_code is not None:  # checked after reading events,
                        # so nothing published after drop() returned goes out on this one
                        await websocket.close(connection.close_code, "dropped")
                        tg.cancel_scope.cancel()
                        return
                    for number, event in events:
                        await websocket.send_text(json.dumps({"NotificationContainer": event}))
                        cursor = number
                    await anyio.sleep(POLL_SECONDS)
            except (WebSocketDisconnect, RuntimeError):
                tg.cancel_scope.cancel()
    finally:
        ctx.websockets.disconnect(connection)


routes: list[BaseRoute] = [
    WebSocketRoute("/:/websockets/notifications", notifications),
    WebSocketRoute("/:/websocket/notifications", notifications),
]
