"""Writes that may have reached the server are sent once, and their error says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from plexkit import AsyncPlexClient, PlexClient, PlexConfig, TransportError
from plexkit._core import artwork, edits, endpoints, matching

CONFIG = PlexConfig(base_url="http://pms.test:32400", token="safety-token-ABC123", retry_backoff=0)
TOKEN_BODY = b'{"MediaContainer": {"size": 1, "token": "transient-XYZ987"}}'

WRITES: list[tuple[str, Callable[[Any], Any]]] = [
    ("transient_token", lambda c: c.server.transient_token(refresh=True)),
    ("metadata.refresh", lambda c: c.metadata.refresh(5)),
    ("metadata.analyze", lambda c: c.metadata.analyze(5)),
    ("library.refresh", lambda c: c.library.refresh(1)),
    ("butler.run", lambda c: c.butler.run("BackupDatabase")),
    ("butler.run_all", lambda c: c.butler.run_all()),
]


def dropping(sent: list[str]) -> Callable[[httpx.Request], httpx.Response]:
    """The server applies every request, then the connection drops before the answer."""

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(f"{request.method} {request.url.path}")
        raise httpx.RemoteProtocolError("Server disconnected without sending a response.")

    return handler


@pytest.mark.parametrize(("name", "call"), WRITES, ids=[w[0] for w in WRITES])
def test_write_with_lost_answer_is_sent_once_sync(name: str, call: Callable[[Any], Any]) -> None:
    sent: list[str] = []
    with (
        PlexClient(config=CONFIG, transport=httpx.MockTransport(dropping(sent))) as client,
        pytest.raises(TransportError) as info,
    ):
        call(client)
    assert len(sent) == 1, sent
    assert info.value.request_sent is True
    assert "may have applied" in str(info.value)


@pytest.mark.anyio
@pytest.mark.parametrize(("name", "call"), WRITES, ids=[w[0] for w in WRITES])
async def test_write_with_lost_answer_is_sent_once_async(
    name: str, call: Callable[[Any], Any]
) -> None:
    sent: list[str] = []
    async with AsyncPlexClient(
        config=CONFIG, transport=httpx.MockTransport(dropping(sent))
    ) as client:
        with pytest.raises(TransportError) as info:
            await call(client)
    assert len(sent) == 1, sent
    assert info.value.request_sent is True
    assert "may have applied" in str(info.value)


def test_a_write_that_never_left_is_retried() -> None:
    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        if len(attempts) == 1:
            raise httpx.ConnectError("connection refused")
        return httpx.Response(200, content=TOKEN_BODY, headers={"content-type": "application/json"})

    with PlexClient(config=CONFIG, transport=httpx.MockTransport(handler)) as client:
        assert client.server.transient_token(refresh=True) == "transient-XYZ987"
    assert len(attempts) == 2


def test_a_read_with_a_lost_answer_is_retried_and_says_it_was_sent() -> None:
    sent: list[str] = []
    with (
        PlexClient(config=CONFIG, transport=httpx.MockTransport(dropping(sent))) as client,
        pytest.raises(TransportError) as info,
    ):
        client.server.identity()
    assert len(sent) == CONFIG.max_retries + 1
    assert info.value.request_sent and "may have applied" not in str(info.value)


def test_retry_safety_is_one_column_of_the_request_specs() -> None:
    unsafe = [
        endpoints.transient_token(),
        matching.refresh_item_request(5),
        matching.analyze_request(5),
        matching.unmatch_request(5),
        endpoints.refresh_section(1),
        endpoints.raw("POST", "/x", idempotent=False),
        artwork.upload_request("/library/metadata/5", "poster", url="http://img.test/a.png"),
    ]
    safe = [
        endpoints.metadata(5),
        endpoints.cancel_activity("abc"),
        edits.lock_request(5, ["title"], locked=True),
    ]
    assert all(not spec.idempotent for spec in unsafe)
    assert all(spec.idempotent for spec in safe)
    # A write without an explicit decision is not retried.
    assert not endpoints.RequestSpec(method="PUT", path="/x").idempotent
    assert endpoints.RequestSpec(method="GET", path="/x").idempotent
