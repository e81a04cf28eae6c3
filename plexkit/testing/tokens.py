"""The tokens the fake server accepts, each tied to an account id (1 is the owner)."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

OWNER_ACCOUNT_ID = 1


class Tokens:
    """A thread-safe token -> account id map; tests add per-user tokens here."""

    def __init__(self, owner_token: str) -> None:
        self.owner = owner_token
        self._accounts: dict[str, int] = {owner_token: OWNER_ACCOUNT_ID}
        self._lock = threading.Lock()

    def add(self, token: str, account_id: int = OWNER_ACCOUNT_ID) -> str:
        """Accept ``token`` from now on, as ``account_id``; returns the token."""
        with self._lock:
            self._accounts[token] = account_id
        return token

    def remove(self, token: str) -> None:
        """Stop accepting ``token`` (a revoked or expired token)."""
        with self._lock:
            self._accounts.pop(token, None)

    def transient(self, account_id: int = OWNER_ACCOUNT_ID) -> str:
        """Mint and accept a ``transient-<uuid>`` token like ``/security/token`` does."""
        hex_ = secrets.token_hex(16)
        token = f"transient-{hex_[:8]}-{hex_[8:12]}-{hex_[12:16]}-{hex_[16:20]}-{hex_[20:]}"
        return self.add(token, account_id)

    def account(self, token: str | None) -> int | None:
        """The account a token belongs to, or None if it is not accepted."""
        if token is None:
            return None
        with self._lock:
            return self._accounts.get(token)

    def __contains__(self, token: object) -> bool:
        with self._lock:
            return token in self._accounts


def scope_token(scope: Mapping[str, Any]) -> str | None:
    """The ``X-Plex-Token`` of an ASGI request: the header, else the query parameter."""
    for name, value in scope.get("headers", ()):
        if name.lower() == b"x-plex-token":
            return str(value.decode("latin-1"))
    query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
    return next((value for name, value in query if name == "X-Plex-Token"), None)
