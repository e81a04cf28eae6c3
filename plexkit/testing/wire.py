"""Factories for PMS-shaped JSON dicts (the wire format), written from real captures.

Every function returns a dict exactly as modern PMS serialises it to JSON (``ratingKey`` and
``key`` are strings, counts and epochs are ints, ratings floats, flags booleans); the XML form
is derived from it by `plexkit.testing.render`. Nothing here chooses values at random:
the generator picks values and the store allocates ids. ``Media``/``Part``/``Stream`` dicts
are made by `plexkit.testing.wire_media`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

from plexkit.models.item_types import ITEM_TYPES

Wire = dict[str, Any]
"""One PMS object (item, tag, Media, ...) in PMS JSON shape."""

TYPE_NUMBERS: dict[str, int] = dict(ITEM_TYPES)
"""Plex metadata type numbers (the ``type=`` query parameter): plexkit's one table."""

TAG_FILTERS: dict[str, str] = {
    "Genre": "genre",
    "Director": "director",
    "Writer": "writer",
    "Producer": "producer",
    "Country": "country",
    "Role": "actor",
    "Collection": "collection",
    "Label": "label",
    "Mood": "mood",
    "Style": "style",
    "Similar": "similar",
}
"""Tag element name -> the filter/edit name PMS uses for it (``Role`` is ``actor``)."""

TAG_TYPES: dict[str, int] = {
    "Genre": 1,
    "Collection": 2,
    "Director": 4,
    "Writer": 5,
    "Role": 6,
    "Producer": 7,
    "Country": 8,
    "Label": 11,
    "Mood": 300,
    "Style": 301,
    "Similar": 305,
}
"""PMS ``tagType`` numbers, as seen in ``/library/search`` tag results."""

MEDIA_TAG_PREFIX = "/system/bundle/media/flags/"
MEDIA_TAG_VERSION = 1734362201

_ARTICLES = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def title_sort(title: str) -> str:
    """The ``titleSort`` PMS derives from a title: leading English articles dropped."""
    return _ARTICLES.sub("", title)


def slug(title: str) -> str:
    """The ``slug`` plex.tv gives a title (lower case, words joined by dashes)."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def tag(tag_id: int, element: str, name: str, **extra: Any) -> Wire:
    """A detail-view tag such as ``{"id": 6, "filter": "genre=6", "tag": "Comedy"}``."""
    out: Wire = {"id": tag_id, "filter": f"{TAG_FILTERS[element]}={tag_id}", "tag": name}
    out.update(extra)
    return out


def ultra_blur(seed: str) -> Wire:
    """Four background colours, as modern PMS computes from the artwork (``UltraBlurColors``)."""
    digest = hashlib.sha1(seed.encode()).hexdigest()
    return {
        "topLeft": digest[0:6],
        "topRight": digest[6:12],
        "bottomRight": digest[12:18],
        "bottomLeft": digest[18:24],
    }


def tag_key(name: str) -> str:
    """A plex.tv person id (``tagKey``) derived from a name."""
    return "5d77" + hashlib.sha1(name.encode()).hexdigest()[:20]


def ratings(rating: float | None, audience_rating: float | None) -> list[Wire]:
    """The ``Rating`` array detail views carry next to ``rating``/``audienceRating``."""
    out: list[Wire] = []
    if audience_rating is not None:
        out.append({"image": "imdb://image.rating", "value": audience_rating, "type": "audience"})
    if rating is not None:
        out.append(
            {"image": "rottentomatoes://image.rating.ripe", "value": rating, "type": "critic"}
        )
    return out


def images(rating_key: int, updated_at: int, title: str) -> list[Wire]:
    """The ``Image`` array modern PMS adds next to ``thumb``/``art``."""
    return [
        {
            "alt": title,
            "type": "coverPoster",
            "url": f"/library/metadata/{rating_key}/thumb/{updated_at}",
        },
        {
            "alt": title,
            "type": "background",
            "url": f"/library/metadata/{rating_key}/art/{updated_at}",
        },
    ]


def section_directory(
    key: int,
    kind: str,
    title: str,
    *,
    uuid: str,
    locations: Sequence[tuple[int, str]],
    created_at: int,
    updated_at: int,
) -> Wire:
    """A ``/library/sections`` ``Directory`` with its ``Location`` list."""
    agent, scanner = {
        "movie": ("tv.plex.agents.movie", "Plex Movie"),
        "show": ("tv.plex.agents.series", "Plex TV Series"),
        "artist": ("tv.plex.agents.music", "Plex Music"),
        "photo": ("com.plexapp.agents.none", "Plex Photo Scanner"),
    }[kind]
    return {
        "allowSync": True,
        "art": f"/:/resources/{kind}-fanart.jpg",
        "composite": f"/library/sections/{key}/composite/{updated_at}",
        "filters": True,
        "refreshing": False,
        "thumb": f"/:/resources/{kind}.png",
        "key": str(key),
        "type": kind,
        "title": title,
        "agent": agent,
        "scanner": scanner,
        "language": "en-US" if kind != "photo" else "xn",
        "uuid": uuid,
        "updatedAt": updated_at,
        "createdAt": created_at,
        "scannedAt": updated_at,
        "content": True,
        "directory": True,
        "contentChangedAt": updated_at - created_at,
        "hidden": 0,
        "Location": [{"id": loc_id, "path": path} for loc_id, path in locations],
    }


_MOVED = frozenset({"audio_media", "photo_media", "video_media", "video_streams"})


def __getattr__(name: str) -> Any:
    """The media factories now live in `plexkit.testing.wire_media`; importable here too."""
    if name in _MOVED:
        from plexkit.testing import wire_media

        return getattr(wire_media, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
