"""The server's user accounts (``/accounts``): the names behind history and session rows."""

from __future__ import annotations

import attrs

from plexkit.models._wire import sparse

__all__ = ["Account"]


@sparse
@attrs.frozen(kw_only=True, slots=False)
class Account:
    """One account of the server; ``id`` is the ``accountID`` of history entries."""

    id: int
    name: str | None = None
    key: str | None = None
    thumb: str | None = None
    default_audio_language: str | None = None
    default_subtitle_language: str | None = None
    auto_select_audio: bool | None = None
    subtitle_mode: int | None = None
