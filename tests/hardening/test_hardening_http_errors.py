"""Every httpx failure leaves plexkit as a PlexError (mapped in plexkit/_http.py)."""

from __future__ import annotations

import gzip

import httpx
import pytest

from plexkit import AsyncPlexClient, PlexClient, PlexConfig, TransportError

TOKEN = "hardening-token-ABCDEF123"
CONFIG = PlexConfig(base_url="http://pms.test:32400", token=TOKEN, retry_backoff=0.0)
GOOD = b'{"MediaContainer": {"size": 0, "machineIdentifier": "abc"}}'


def corrupt_then_good() -> tuple[list[int], httpx.MockTransport]:
    """A 200 whose gzip body is corrupt on the first call, then a good one."""
    calls: list[int] = []

    def handler(_request: httpx.Request) -> httpx.Response:
        calls.append(1)
        headers = {"content-type": "application/json", "content-encoding": "gzip"}
        content = gzip.compress(GOOD)
        if len(calls) == 1:
            content = content[:10] + b"\x00garbage\xff" + content[10:]
        return httpx.Response(200, stream=httpx.ByteStream(content), headers=headers)

    return calls, httpx.MockTransport(handler)


def always_corrupt(_request: httpx.Request) -> httpx.Response:
    headers = {"content-type": "application/json", "content-encoding": "gzip"}
    return httpx.Response(200, stream=httpx.ByteStream(b"not gzip at all"), headers=headers)


def test_corrupt_gzip_is_a_transport_error_and_retried_sync() -> None:
    calls, transport = corrupt_then_good()
    with PlexClient(config=CONFIG, transport=transport) as client:
        assert client.server.identity().machine_identifier == "abc"
    assert len(calls) == 2
    with (
        PlexClient(config=CONFIG, transport=httpx.MockTransport(always_corrupt)) as client,
        pytest.raises(TransportError, match="corrupt body") as info,
    ):
        client.server.identity()
    assert TOKEN not in str(info.value)


@pytest.mark.anyio
async def test_corrupt_gzip_is_a_transport_error_and_retried_async() -> None:
    calls, transport = corrupt_then_good()
    async with AsyncPlexClient(config=CONFIG, transport=transport) as client:
        assert (await client.server.identity()).machine_identifier == "abc"
    assert len(calls) == 2
    async with AsyncPlexClient(config=CONFIG, transport=_AsyncCorrupt()) as client:
        with pytest.raises(TransportError, match="corrupt body"):
            await client.server.identity()


class _AsyncCorrupt(httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return always_corrupt(request)
