"""The async notification listener closes its memory streams (issue 15, defect 8) and
checks its options as one object."""

from __future__ import annotations

import gc
import warnings

import anyio
import pytest

from plexkit import AsyncPlexClient
from plexkit.errors import ConfigurationError
from plexkit.testing import FakePlexServer

pytestmark = pytest.mark.anyio


async def test_fifty_listeners_leave_no_unclosed_stream(anyio_backend: str) -> None:
    server = FakePlexServer()
    async with AsyncPlexClient(
        "http://plex.test:32400", token=server.token, transport=server.websocket_transport()
    ) as plex:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            for _ in range(50):
                async with plex.notifications.listen():
                    pass
            gc.collect()
    leaks = [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert leaks == []


async def test_stop_closes_the_queue_at_once_not_at_gc(anyio_backend: str) -> None:
    """Nothing can be queued into a stopped listener (both memory streams are closed by
    ``stop()``), and reading it says "no more events" instead of failing."""
    server = FakePlexServer()
    async with AsyncPlexClient(
        "http://plex.test:32400", token=server.token, transport=server.websocket_transport()
    ) as plex:
        stream = plex.notifications.listen()
        async with stream:
            pass
        with pytest.raises(anyio.ClosedResourceError):
            stream._queue.put_nowait(None)  # type: ignore[arg-type]
        assert await stream.receive(timeout=0) is None


async def test_listen_refuses_an_unknown_option(anyio_backend: str) -> None:
    """The options travel as one checked object: a misspelt one is refused, not ignored."""
    async with AsyncPlexClient("http://plex.test:32400", token="t") as plex:
        with pytest.raises(ConfigurationError, match="reconect"):
            plex.notifications.listen(reconect=False)  # type: ignore[call-arg]
        with pytest.raises(ConfigurationError, match="max_queue"):
            plex.notifications.listen_in_background(print, max_queue=5)  # type: ignore[call-arg]
