"""A response cache's choices: how a call reads it, what to do when its backend fails."""

from __future__ import annotations

from typing import Literal

__all__ = ["CacheLookup", "OnBackendDown"]

CacheLookup = Literal["use", "refresh", "bypass"]
"""How `ResponseCache.fetch` reads: use a fresh entry, always refresh it, or bypass the cache."""
OnBackendDown = Literal["bypass", "memory"]
"""When the backend (Redis) fails: send calls uncached, or fall back to process memory."""
