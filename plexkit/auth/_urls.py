"""plex.tv endpoint URLs and the pages a user is sent to (pure string building, no I/O)."""

from __future__ import annotations

import os
from typing import Final
from urllib.parse import quote, urlencode

__all__ = [
    "AUTH_APP_URL",
    "CLIENTS_URL",
    "LINK_URL",
    "PLEXTV_URL",
    "auth_app_url",
    "join",
    "link_url",
]

PLEXTV_URL: Final = os.environ.get("PLEXKIT_PLEXTV_URL", "https://plex.tv")
"""plex.tv; ``PLEXKIT_PLEXTV_URL`` (read at import) points every default at a stand-in."""
CLIENTS_URL: Final = os.environ.get("PLEXKIT_CLIENTS_URL", "https://clients.plex.tv")
"""clients.plex.tv; ``PLEXKIT_CLIENTS_URL`` overrides it the same way."""
AUTH_APP_URL: Final = "https://app.plex.tv/auth"
LINK_URL: Final = "https://plex.tv/link/"


def join(base_url: str, path: str) -> str:
    """``base_url`` (with or without a trailing slash) followed by the absolute ``path``."""
    return base_url.rstrip("/") + path


def auth_app_url(
    *,
    client_identifier: str,
    code: str,
    product: str,
    forward_url: str | None = None,
    base_url: str = AUTH_APP_URL,
) -> str:
    """The Auth App page where the user approves a strong PIN.

    Parameters live in the URL fragment (``#?``), each percent-encoded, the nested ``context``
    key included, as Plex's guide spells it.
    """
    params = {"clientID": client_identifier, "code": code, "context[device][product]": product}
    if forward_url:
        params["forwardUrl"] = forward_url
    return f"{base_url}#?{urlencode(params, quote_via=quote)}"


def link_url(code: str, *, base_url: str = LINK_URL) -> str:
    """The plex.tv/link page where the user types (or is pre-filled) a 4-character PIN."""
    return f"{base_url}?{urlencode({'pin': code}, quote_via=quote)}"
