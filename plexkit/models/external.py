"""External ids (TMDB, TVDB, IMDb) parsed from an item's guids (pure).

Items matched by Plex's current agents carry ``Guid`` children (``tmdb://603``,
``tvdb://81189``, ``imdb://tt0133093``, sent with ``includeGuids=1``); items of the legacy agents
carry the id in ``guid`` itself (``com.plexapp.agents.themoviedb://603?lang=en``,
``com.plexapp.agents.thetvdb://81189?lang=en``, ``com.plexapp.agents.imdb://tt0133093``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from plexkit.models._display import Display

__all__ = ["ExternalIdShortcuts", "ExternalIds", "external_ids", "parse_guid"]

# Scheme of a guid -> which service its id belongs to.
_SCHEMES: Final = {
    "tmdb": "tmdb",
    "tvdb": "tvdb",
    "imdb": "imdb",
    "com.plexapp.agents.themoviedb": "tmdb",
    "com.plexapp.agents.thetvdb": "tvdb",
    "com.plexapp.agents.thetvdbdvd": "tvdb",
    "com.plexapp.agents.imdb": "imdb",
}
_GUID_RE: Final = re.compile(r"^(?P<scheme>[A-Za-z][\w.+-]*)://(?P<rest>[^?#]*)")
_IMDB_RE: Final = re.compile(r"^tt\d{5,}$")


@attrs.frozen(repr=False, eq=False)
class ExternalIds(Display):
    """An item's ids at TMDB, TVDB and IMDb; ``None`` where the server gave none."""

    tmdb: int | None = None
    tvdb: int | None = None
    imdb: str | None = None

    def __bool__(self) -> bool:
        return self.tmdb is not None or self.tvdb is not None or self.imdb is not None


class ExternalIdShortcuts:
    """``tmdb_id``, ``tvdb_id`` and ``imdb_id`` for a class with ``external_ids`` (every
    item, modelled or `UnknownItem`)."""

    @property
    def external_ids(self) -> ExternalIds:
        """The ids; each class using the shortcuts says where they come from."""
        raise NotImplementedError

    @property
    def tmdb_id(self) -> int | None:
        """The item's TMDB id, if the server sent it."""
        return self.external_ids.tmdb

    @property
    def tvdb_id(self) -> int | None:
        """The item's TVDB id, if the server sent it."""
        return self.external_ids.tvdb

    @property
    def imdb_id(self) -> str | None:
        """The item's IMDb id (``"tt0133093"``), if the server sent it."""
        return self.external_ids.imdb


def parse_guid(guid: str) -> tuple[str, int | str] | None:
    """``("tmdb", 603)``, ``("tvdb", 81189)`` or ``("imdb", "tt0133093")`` from one guid.

    None for guids that carry no such id (``plex://movie/...``, ``local://``, a legacy TVDB
    episode guid ``thetvdb://81189/1/2``, whose number is the show's, not the episode's).
    """
    match = _GUID_RE.match(guid.strip()) if isinstance(guid, str) else None
    if match is None:
        return None
    service = _SCHEMES.get(match["scheme"].lower())
    value = match["rest"].strip("/")
    if service is None or not value or "/" in value:
        return None
    if service == "imdb":
        return (service, value) if _IMDB_RE.match(value) else None
    if not value.isdigit():
        return None
    number = int(value)
    return (service, number) if number > 0 else None


def external_ids(guid: str | None, guids: Iterable[str] = ()) -> ExternalIds:
    """The ids found in ``guids`` (``Guid`` children) and, where they say nothing, ``guid``."""
    found: dict[str, int | str] = {}
    for text in (*guids, guid or ""):
        parsed = parse_guid(text)
        if parsed is not None:
            found.setdefault(parsed[0], parsed[1])
    tmdb, tvdb, imdb = found.get("tmdb"), found.get("tvdb"), found.get("imdb")
    return ExternalIds(
        tmdb=tmdb if isinstance(tmdb, int) else None,
        tvdb=tvdb if isinstance(tvdb, int) else None,
        imdb=imdb if isinstance(imdb, str) else None,
    )
