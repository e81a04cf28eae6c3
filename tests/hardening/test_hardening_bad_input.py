"""Bad input is refused before any request: nothing reaches the wire."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from plexkit import AsyncPlexClient, ConfigurationError, PlexClient

URL = "http://pms.test:32400"

CALLS: list[tuple[str, Callable[[Any], Any]]] = [
    ("raw-path-crlf", lambda c: c.raw.get("/library/sections\r\nX-Evil: 1")),
    ("raw-path-nul", lambda c: c.raw.get("/library/\x00sections")),
    ("raw-path-lf", lambda c: c.raw.get("/library/sections\n")),
    ("raw-param-crlf", lambda c: c.raw.get("/library/sections", {"q": "a\r\nb"})),
    ("raw-param-nul", lambda c: c.raw.get("/library/sections", {"q": "a\x00"})),
    ("raw-param-name", lambda c: c.raw.get("/library/sections", {"a\nb": "1"})),
    ("rating-key-nul", lambda c: c.metadata.get("12\x00")),
    ("rating-key-crlf", lambda c: c.metadata.get("12\r\n")),
    ("scan-path-lf", lambda c: c.library.refresh(1, path="/media/movies\n/etc")),
    ("scan-path-nul", lambda c: c.library.refresh(1, path="/media/\x00movies")),
    ("edit-year-word", lambda c: c.metadata.edit(12, year="nineteen")),
    ("edit-year-range", lambda c: c.metadata.edit(12, year=19999)),
    ("edit-rating-word", lambda c: c.metadata.edit(12, rating="great")),
    ("edit-rating-range", lambda c: c.metadata.edit(12, rating=11)),
    ("edit-date-word", lambda c: c.metadata.edit(12, originally_available_at="soon")),
    ("edit-title-nul", lambda c: c.metadata.edit(12, title="a\x00b")),
]


def refusing() -> tuple[list[httpx.Request], httpx.MockTransport]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"MediaContainer": {"size": 0}})

    return sent, httpx.MockTransport(handler)


@pytest.mark.parametrize(("name", "call"), CALLS, ids=[c[0] for c in CALLS])
def test_refused_before_the_wire_sync(name: str, call: Callable[[Any], Any]) -> None:
    sent, transport = refusing()
    with (
        PlexClient(URL, token="input-token-ABC", transport=transport) as client,
        pytest.raises(ConfigurationError),
    ):
        call(client)
    assert sent == []


@pytest.mark.anyio
@pytest.mark.parametrize(("name", "call"), CALLS, ids=[c[0] for c in CALLS])
async def test_refused_before_the_wire_async(name: str, call: Callable[[Any], Any]) -> None:
    sent, transport = refusing()
    async with AsyncPlexClient(URL, token="input-token-ABC", transport=transport) as client:
        with pytest.raises(ConfigurationError):
            await call(client)
    assert sent == []


def test_typed_edit_values_that_fit_are_sent_normalised() -> None:
    sent, transport = refusing()
    with PlexClient(URL, token="input-token-ABC", transport=transport) as client:
        client.metadata.edit(
            12, year="1999", rating=7.5, originally_available_at="1999-03-31", summary="a\nb"
        )
    params = sent[-1].url.params
    assert params["year.value"] == "1999"
    assert params["rating.value"] == "7.5"
    assert params["originallyAvailableAt.value"] == "1999-03-31"
    assert params["summary.value"] == "a\nb"
