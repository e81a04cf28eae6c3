"""The async notification listener closes its memory streams (issue 15, defect 8)."""

from __future__ import annotations

import gc
import warnings

import pytest

from plexkit import AsyncPlexClient
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
