"""Fault injection: make chosen requests slow, fail, drop, hang or come back broken.

>>> server.faults.add(path="/library/sections", status=503, times=2)   # next two fail
>>> server.faults.add(regex=r"^/library/metadata/\\d+$", method="PUT", status=500)
>>> server.faults.add(path="/hubs/search", status=429, retry_after=3)
>>> server.faults.add(path="/status", latency=0.2)                     # slow, then normal
>>> server.faults.add(path="/library", drop=True, times=1)            # no response at all
>>> server.faults.add(path="/library", truncate=True)   # body cut off mid-way, then closed
>>> server.faults.add(path="/library", malformed=True)  # 200 with an unparsable body
>>> server.faults.add(path="/activities", hang=True)    # never answers (until cancelled)

A fault matches by path prefix and/or regex and method; ``skip`` lets the first matching
requests through, ``times`` limits how often it fires. On loopback a dropped or truncated
response closes the socket; in-process (httpx ``ASGITransport``) the same faults raise the
``httpx.RemoteProtocolError`` a real connection would cause.

A websocket upgrade (``/:/websockets/notifications``, method ``GET``) matches like any
request: ``drop`` closes the connection without answering the upgrade (in-process: close
code 1011), ``status`` refuses the upgrade with that status and error page (websocket denial
response; a plain close where the server lacks that extension), ``hang`` never answers it,
``truncate`` accepts it and closes at once (1011), ``malformed`` cuts every text frame in
half and appends a NUL. ``FakePlexServer.drop_websockets()`` drops established ones.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

import anyio
import anyio.lowlevel
import httpx
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from plexkit.testing.recorder import request_matches

if TYPE_CHECKING:
    from typing_extensions import Unpack

_PAGES = {
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Time-out",
}


class FaultOptions(TypedDict, total=False):
    """What a fault does and how often, as `FaultInjector.add` takes it (see `Fault`)."""

    method: str | None
    status: int | None
    latency: float
    retry_after: int | None
    drop: bool
    truncate: bool
    malformed: bool
    hang: bool
    times: int | None
    skip: int
    body: bytes | None


@dataclass
class Fault:
    """One fault rule; ``hits`` counts how many requests it has affected."""

    path: str | None = None
    regex: re.Pattern[str] | None = None
    method: str | None = None
    status: int | None = None
    latency: float = 0.0
    retry_after: int | None = None
    drop: bool = False
    truncate: bool = False
    malformed: bool = False
    hang: bool = False
    times: int | None = None
    skip: int = 0
    body: bytes | None = None
    hits: int = 0
    seen: int = field(default=0, repr=False)

    @property
    def exhausted(self) -> bool:
        """True once the fault fired ``times`` times."""
        return self.times is not None and self.hits >= self.times

    def matches(self, method: str, path: str) -> bool:
        """True when the rule applies to a request (ignoring ``skip``/``times``)."""
        return request_matches(method, path, want=self.method, prefix=self.path, regex=self.regex)


class FaultInjector:
    """The active fault rules of one server; the first live matching rule wins."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(
        self, path: str | None = None, *, regex: str | None = None, **options: Unpack[FaultOptions]
    ) -> Fault:
        """Add a rule and return it. Give one of ``status``, ``drop``, ``truncate``,
        ``malformed``, ``hang`` and/or a ``latency`` (seconds, applied first); the options
        are `FaultOptions`."""
        kinds = [options.get("status") is not None] + [
            bool(options.get(name)) for name in ("drop", "truncate", "malformed", "hang")
        ]
        if sum(kinds) > 1 or (sum(kinds) == 0 and options.get("latency", 0.0) <= 0):
            raise ValueError(
                "give exactly one of status, drop, truncate, malformed, hang, "
                "optionally with latency, or latency alone"
            )
        if options.get("status") == 429 and options.get("retry_after") is None:
            options["retry_after"] = 1
        fault = Fault(path=path, regex=re.compile(regex) if regex else None, **options)
        with self._lock:
            self._faults.append(fault)
        return fault

    def remove(self, fault: Fault) -> None:
        """Remove one rule."""
        with self._lock:
            self._faults.remove(fault)

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self._faults.clear()

    def take(self, method: str, path: str) -> Fault | None:
        """The fault to apply to this request, if any (counts it as a hit)."""
        with self._lock:
            for fault in self._faults:
                if fault.exhausted or not fault.matches(method, path):
                    continue
                fault.seen += 1
                if fault.seen <= fault.skip:
                    continue
                fault.hits += 1
                return fault
        return None

    def __iter__(self) -> Iterator[Fault]:
        with self._lock:
            return iter(list(self._faults))

    def __len__(self) -> int:
        with self._lock:
            return len(self._faults)


async def apply(fault: Fault, app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """Serve one request through ``fault``; ``app`` is called when a real answer is needed."""
    if fault.latency > 0:
        await anyio.sleep(fault.latency)
    if scope["type"] == "websocket":
        await _websocket(fault, app, scope, receive, send)
    elif fault.hang:
        await _hang(receive)
    elif fault.drop:
        await _drop(send, "Server disconnected without sending a response.")
    elif fault.status is not None:
        await _error(fault, send)
    elif fault.truncate or fault.malformed:
        await _mangle(fault, app, scope, receive, send)
    else:
        await app(scope, receive, send)


async def _hang(receive: Receive) -> None:
    while (await receive())["type"] not in ("http.disconnect", "websocket.disconnect"):
        pass


DENIAL_EXTENSION = "websocket.http.response"
"""The ASGI extension that lets an app refuse a websocket upgrade with an HTTP response."""


async def _websocket(
    fault: Fault, app: ASGIApp, scope: Scope, receive: Receive, send: Send
) -> None:
    """Serve one websocket connection (upgrade request) through ``fault``."""
    if fault.hang:
        await _hang(receive)
    elif fault.drop:
        if _abort_socket(send):
            await anyio.lowlevel.checkpoint()
        else:  # no socket to cut (in-process, or a middleware wraps ``send``)
            await send({"type": "websocket.close", "code": 1011, "reason": "dropped"})
    elif fault.status is not None:
        if DENIAL_EXTENSION in (scope.get("extensions") or {}):
            status, headers, body = _error_response(fault)
            await send(
                {"type": "websocket.http.response.start", "status": status, "headers": headers}
            )
            await send({"type": "websocket.http.response.body", "body": body})
        else:  # servers answer a close before the accept with 403
            await send({"type": "websocket.close", "code": 1011, "reason": f"HTTP {fault.status}"})
    elif fault.truncate:
        if (await receive())["type"] == "websocket.connect":
            await send({"type": "websocket.accept"})
        await send({"type": "websocket.close", "code": 1011, "reason": "dropped"})
    elif fault.malformed:

        async def mangle(message: Message) -> None:
            text = message.get("text") if message["type"] == "websocket.send" else None
            if text is not None:
                message = {**message, "text": text[: len(text) // 2] + "\x00"}
            await send(message)

        await app(scope, receive, mangle)
    else:
        await app(scope, receive, send)


def _abort_socket(send: Send) -> bool:
    """Close the client socket under uvicorn (its ``send`` is bound to the connection)."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    abort = getattr(transport, "abort", None)
    if abort is None:
        return False
    abort()
    return True


async def _drop(send: Send, message: str) -> None:
    if not _abort_socket(send):
        raise httpx.RemoteProtocolError(message)
    await (
        anyio.lowlevel.checkpoint()
    )  # let the server notice the closed connection before we return


async def _error(fault: Fault, send: Send) -> None:
    status, headers, body = _error_response(fault)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _error_response(fault: Fault) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    status = int(fault.status or 500)
    title = _PAGES.get(status, "Error")
    body = fault.body
    if body is None:
        body = (
            f"<html><head><title>{status} {title}</title></head><body><center><h1>{status} "
            f"{title}</h1></center><hr><center>nginx</center></body></html>"
        ).encode()
    headers = [
        (b"content-type", b"text/html"),
        (b"content-length", str(len(body)).encode()),
    ]
    if fault.retry_after is not None:
        headers.append((b"retry-after", str(fault.retry_after).encode()))
    return status, headers, body


async def _mangle(fault: Fault, app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    start: Message = {}
    chunks: list[bytes] = []

    async def capture(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, capture)
    body = b"".join(chunks)
    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
    if fault.malformed:
        broken = body[: len(body) // 2] + b"\x00"
        headers.append((b"content-length", str(len(broken)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": broken})
        return
    headers.append((b"content-length", str(len(body)).encode()))
    await send({**start, "headers": headers})
    half = body[: len(body) // 2]
    await send({"type": "http.response.body", "body": half, "more_body": True})
    await _drop(
        send,
        "peer closed connection without sending complete message body: "
        f"received {len(half)} bytes, expected {len(body)}",
    )
