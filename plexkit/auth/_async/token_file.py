"""AsyncTokenFile: a token kept in a mode-0600 file, ready to be a JWTAuth ``store``."""

from __future__ import annotations

import os
from pathlib import Path

from plexkit._synchronization import async_call_blocking
from plexkit.auth.storage import read_secret_text, write_private_file

__all__ = ["AsyncTokenFile"]


class AsyncTokenFile:
    """A token persisted at ``path``: ``store=token_file.save`` keeps refreshed JWTs."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({os.fspath(self.path)!r})"

    async def load(self) -> str | None:
        """The saved token, or None before the first save."""
        return await async_call_blocking(read_secret_text, self.path)

    async def save(self, token: str) -> None:
        """Replace the saved token atomically (the file keeps mode 0600)."""
        await async_call_blocking(write_private_file, self.path, token.encode("utf-8"))
