"""Errors that say what to do: a 401 tells whether a token was sent and how to get one, and
a call on a closed client raises a plexkit error instead of httpx's RuntimeError."""

from __future__ import annotations

import httpx
import pytest

from plexkit import AsyncPlexClient, PlexClient, PlexError
from plexkit.errors import ClientClosedError, UnauthorizedError

URL = "http://pms.test:32400"
TOKEN = "secret-token-XYZ-123"


def refusing() -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(401, text="Unauthorized"))


@pytest.mark.parametrize("token", [None, TOKEN])
def test_401_says_whether_a_token_was_sent(token: str | None) -> None:
    with (
        PlexClient(URL, token=token, transport=refusing()) as plex,
        pytest.raises(UnauthorizedError) as caught,
    ):
        plex.server.info()
    message = str(caught.value)
    assert caught.value.status_code == 401
    if token is None:
        assert "no token was sent" in message and "token=" in message
    else:
        assert "refused the token that was sent" in message
        assert TOKEN not in message and TOKEN not in repr(caught.value)
    assert "plexkit login" in message


@pytest.mark.anyio
async def test_401_hint_async() -> None:
    async with AsyncPlexClient(URL, transport=refusing()) as plex:
        with pytest.raises(UnauthorizedError, match="no token was sent"):
            await plex.server.info()


def test_a_closed_client_raises_a_plex_error() -> None:
    ok = httpx.MockTransport(lambda request: httpx.Response(200, json={"MediaContainer": {}}))
    with PlexClient(URL, token=TOKEN, transport=ok) as plex:
        plex.server.info()
    with pytest.raises(ClientClosedError, match="closed") as caught:
        plex.server.info()
    assert isinstance(caught.value, PlexError) and isinstance(caught.value, RuntimeError)
    with pytest.raises(ClientClosedError):
        plex.__enter__()


@pytest.mark.anyio
async def test_a_closed_async_client_raises_a_plex_error() -> None:
    ok = httpx.MockTransport(lambda request: httpx.Response(200, json={"MediaContainer": {}}))
    async with AsyncPlexClient(URL, token=TOKEN, transport=ok) as plex:
        await plex.server.info()
    with pytest.raises(ClientClosedError):
        await plex.library.sections()
