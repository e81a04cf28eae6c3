"""``/:/websockets/notifications``: activity and timeline events pushed as JSON text frames."""

from __future__ import annotations

import json

import anyio
from starlette.routing import BaseRoute, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from plexkit.testing.respond import Context

POLL_SECONDS = 0.02
"""How often a connection looks for new events (and moves running scans on)."""


async def notifications(websocket: WebSocket) -> None:
    """Send each new event as ``{"NotificationContainer": {...}}`` until the client leaves."""
    ctx: Context = websocket.app.state.fake
    library = ctx.library
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
                for number, event in library.notifier.since(cursor):
                    await websocket.send_text(json.dumps({"NotificationContainer": event}))
                    cursor = number
                await anyio.sleep(POLL_SECONDS)
        except (WebSocketDisconnect, RuntimeError):
            tg.cancel_scope.cancel()


routes: list[BaseRoute] = [
    WebSocketRoute("/:/websockets/notifications", notifications),
    WebSocketRoute("/:/websocket/notifications", notifications),
]
