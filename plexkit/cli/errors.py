"""How a failed run ends: one line on stderr and exit code 1 (130 when interrupted); the
traceback only with ``--debug``; never a token, even inside an unexpected error's text."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape

from plexkit.errors import PlexError

__all__ = ["EXIT_ERROR", "EXIT_INTERRUPTED", "report", "scrub"]

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def scrub(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret in it replaced by ``***``."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        if len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


def report(exc: BaseException, secrets: Iterable[str]) -> None:
    """Print ``exc`` as one line: plexkit's own errors as they are, others with their type."""
    if isinstance(exc, PlexError):
        message = str(exc)
    elif isinstance(exc, OSError) and exc.strerror:
        message = exc.strerror + (f": {exc.filename}" if exc.filename else "")
    else:
        message = f"{type(exc).__name__}: {exc} (run with --debug for the traceback)"
    line = " ".join(scrub(message, secrets).split())
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"error: {escape(line)}")
