"""A small fake with a second account (``FRIEND``), for checks that the fake answers each
account with its own played state, and the ``plexapi`` fixture: python-plexapi signed in as
each of the two (a test module takes it with ``plexapi = accounts.plexapi``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from plexkit.testing import FakePlexServer

FRIEND = "friend-token"


def two_account_server() -> FakePlexServer:
    """A small library whose owner and a friend (account 2, token ``FRIEND``) can sign in."""
    server = FakePlexServer(movies=12, shows=2, artists=1, photo_albums=1, history=0)
    server.add_token(FRIEND, 2)
    return server


@pytest.fixture
def plexapi() -> Iterator[tuple[Any, Any]]:
    """python-plexapi as the owner and as the friend, over loopback."""
    plexapi_server = pytest.importorskip("plexapi.server")
    server = two_account_server()
    with server.run_in_thread() as url:
        yield plexapi_server.PlexServer(url, server.token), plexapi_server.PlexServer(url, FRIEND)
