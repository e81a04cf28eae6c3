"""Checks of the arguments many calls share (``cache=``, ``ttl=``, flags, names), run first so
bad input is a `ConfigurationError` before any request, a section title lookup included."""

from __future__ import annotations

import math

from plexkit.errors import ConfigurationError

__all__ = ["check_bool", "check_cache", "check_name", "check_read", "check_ttl"]


def check_cache(cache: object) -> None:
    """Refuse a ``cache=`` that is not True, False, None or ``"refresh"``."""
    if cache is None or cache is True or cache is False or cache == "refresh":
        return
    raise ConfigurationError(f"cache must be True, False, None or 'refresh', not {cache!r}")


def check_ttl(ttl: object) -> None:
    """Refuse a ``ttl=`` that is not None or a number of seconds >= 0 (bools and NaN too)."""
    if ttl is None:
        return
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or math.isnan(ttl) or ttl < 0:
        raise ConfigurationError(f"ttl must be None or a number of seconds >= 0, not {ttl!r}")


def check_read(cache: object, ttl: object = None) -> None:
    """Refuse a bad ``cache=`` or ``ttl=`` of a read."""
    check_cache(cache)
    check_ttl(ttl)


def check_bool(value: object, name: str) -> None:
    """Refuse a flag that is not a real bool (``"no"`` would be true)."""
    if not isinstance(value, bool):
        raise ConfigurationError(f"{name} must be True or False, not {type(value).__name__}")


def check_name(value: object, what: str) -> str:
    """``value`` stripped, if it is a non-empty string (an id or uuid to look up)."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(f"{what} must be a non-empty string, not {value!r}")
    return value.strip()
