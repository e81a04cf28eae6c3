"""Secret files (device keys, tokens) readable by their owner only: mode 0600 from creation."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__ = ["read_secret_text", "write_private_file"]

_PRIVATE_MODE = 0o600
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_private_file(
    path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True
) -> None:
    """Write ``data`` to a new file created with mode 0600 (never widened, never chmod-ed later).

    With ``overwrite`` the bytes go to a fresh 0600 temporary file that atomically replaces
    ``path``, so a reader never sees half a file and an old file's wider mode is not kept.
    Without it an existing file raises `FileExistsError`.
    """
    target = Path(path).expanduser()
    if not overwrite:
        _write_new(target, data)
        return
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        _write_new(temporary, data)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def read_secret_text(path: str | os.PathLike[str]) -> str | None:
    """The stripped text of a secret file, or None when it does not exist or is empty."""
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return text or None


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, _CREATE, _PRIVATE_MODE)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
