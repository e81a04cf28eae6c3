"""The player's argument checks (no I/O): each refuses a bad value with a
`ConfigurationError` before any request is sent."""

from __future__ import annotations

import math
import os
import re
from typing import Final

from plexkit.errors import ConfigurationError

__all__ = ["match_guid", "path_text", "positive_seconds", "rating_key"]

_IMDB: Final = re.compile(r"^tt\d+$")
_ID: Final = re.compile(r"^\d+$")


def positive_seconds(value: object, name: str) -> float:
    """``value`` as float seconds; `ConfigurationError` unless it is a positive number."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or math.isnan(value)
        or value <= 0
    ):
        raise ConfigurationError(f"{name} must be a positive number of seconds, not {value!r}")
    return float(value)


def path_text(path: object) -> str:
    """A path given as text or a path object, as text."""
    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if not isinstance(path, str):
        raise ConfigurationError(f"a path must be a string or a path object, not {path!r}")
    return path


def rating_key(item: object) -> str:
    """The rating key of an item given as a model or a numeric key."""
    if isinstance(item, (str, int)) and not isinstance(item, bool):
        key = str(item).strip()
    else:
        key = str(getattr(item, "rating_key", None) or "")
    if not key or not _ID.match(key):
        raise ConfigurationError(f"an item must be an Item or a numeric rating key, not {item!r}")
    return key


def match_guid(
    tmdb: int | str | None, tvdb: int | str | None, imdb: str | None, guid: str | None
) -> str:
    """The agent guid of the one id given (``tmdb://``, ``tvdb://``, ``imdb://`` or as is)."""
    given = {
        name: value
        for name, value in (("tmdb", tmdb), ("tvdb", tvdb), ("imdb", imdb), ("guid", guid))
        if value is not None
    }
    if len(given) != 1:
        raise ConfigurationError("match needs exactly one of tmdb=, tvdb=, imdb= or guid=")
    [(name, value)] = given.items()
    text = str(value).strip() if not isinstance(value, bool) else ""
    if name in ("tmdb", "tvdb"):
        if not _ID.match(text):
            raise ConfigurationError(f"{name} must be a numeric id, not {value!r}")
        return f"{name}://{text}"
    if name == "imdb":
        if not _IMDB.match(text):
            raise ConfigurationError(f"imdb must be an id such as 'tt0133093', not {value!r}")
        return f"imdb://{text}"
    if "://" not in text:
        raise ConfigurationError(
            f"guid must be an agent guid such as 'plex://movie/...': {value!r}"
        )
    return text
