"""A small fake with a second account (``FRIEND``), for checks that the fake answers each
account with its own played state."""

from __future__ import annotations

from plexkit.testing import FakePlexServer

FRIEND = "friend-token"


def two_account_server() -> FakePlexServer:
    """A small library whose owner and a friend (account 2, token ``FRIEND``) can sign in."""
    server = FakePlexServer(movies=12, shows=2, artists=1, photo_albums=1, history=0)
    server.add_token(FRIEND, 2)
    return server
