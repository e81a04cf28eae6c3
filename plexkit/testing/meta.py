"""The ``Meta`` block of ``includeMeta=1`` listings: types, filters, sorts, fields, operators.

Clients (python-plexapi among them) read it to validate ``search(year=..., sort=...)``
before sending a query; its shape follows the real ``includeMeta=1`` captures.
"""

from __future__ import annotations

from plexkit.testing.store import Section
from plexkit.testing.wire import Wire

_TYPES: dict[str, tuple[tuple[str, int, str], ...]] = {
    "movie": (("movie", 1, "Movies"),),
    "show": (("show", 2, "TV Shows"), ("season", 3, "Seasons"), ("episode", 4, "Episodes")),
    "artist": (("artist", 8, "Artists"), ("album", 9, "Albums"), ("track", 10, "Tracks")),
    "photo": (("photoalbum", 14, "Photo Albums"), ("photo", 13, "Photos")),
}
_FILTERS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "movie": (
        ("genre", "string", "Genre"),
        ("year", "integer", "Year"),
        ("decade", "integer", "Decade"),
        ("contentRating", "string", "Content Rating"),
        ("collection", "string", "Collection"),
        ("director", "string", "Director"),
        ("actor", "string", "Actor"),
        ("writer", "string", "Writer"),
        ("producer", "string", "Producer"),
        ("country", "string", "Country"),
        ("studio", "string", "Studio"),
        ("resolution", "string", "Resolution"),
        ("unwatched", "boolean", "Unplayed"),
        ("inProgress", "boolean", "In Progress"),
        ("label", "string", "Labels"),
    ),
    "show": (
        ("genre", "string", "Genre"),
        ("year", "integer", "Year"),
        ("contentRating", "string", "Content Rating"),
        ("collection", "string", "Collection"),
        ("actor", "string", "Actor"),
        ("studio", "string", "Network"),
        ("country", "string", "Country"),
        ("unwatched", "boolean", "Unplayed"),
        ("label", "string", "Labels"),
    ),
    "season": (("unwatched", "boolean", "Unplayed"),),
    "episode": (
        ("year", "integer", "Year"),
        ("director", "string", "Director"),
        ("writer", "string", "Writer"),
        ("resolution", "string", "Resolution"),
        ("unwatched", "boolean", "Unplayed"),
        ("inProgress", "boolean", "In Progress"),
    ),
    "artist": (
        ("genre", "string", "Genre"),
        ("country", "string", "Country"),
        ("collection", "string", "Collection"),
        ("style", "string", "Style"),
    ),
    "album": (
        ("genre", "string", "Genre"),
        ("year", "integer", "Year"),
        ("decade", "integer", "Decade"),
        ("studio", "string", "Record Label"),
        ("mood", "string", "Mood"),
    ),
    "track": (("unwatched", "boolean", "Unplayed"),),
    "photoalbum": (),
    "photo": (("year", "integer", "Year"),),
    "collection": (("label", "string", "Labels"),),
}
_SORTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "common": (
        ("titleSort", "Title", "asc"),
        ("addedAt", "Date Added", "desc"),
        ("updatedAt", "Date Updated", "desc"),
    ),
    "rated": (
        ("year", "Year", "desc"),
        ("originallyAvailableAt", "Release Date", "desc"),
        ("rating", "Critic Rating", "desc"),
        ("audienceRating", "Audience Rating", "desc"),
        ("duration", "Duration", "desc"),
        ("lastViewedAt", "Last Played", "desc"),
        ("viewCount", "Plays", "desc"),
    ),
    "indexed": (("index", "Index", "asc"),),
}
_FIELD_TYPES: dict[str, tuple[tuple[str, str], ...]] = {
    "tag": (("=", "is"), ("!=", "is not")),
    "integer": (("=", "is"), ("!=", "is not"), (">>=", "is greater than"), ("<<=", "is less than")),
    "string": (
        ("=", "contains"),
        ("!=", "does not contain"),
        ("==", "is"),
        ("!==", "is not"),
        ("<=", "begins with"),
        (">=", "ends with"),
    ),
    "boolean": (("=", "is true"), ("!=", "is false")),
    "date": (("<<=", "is before"), (">>=", "is after")),
    "resolution": (("=", "is"),),
}
_FIELD_KINDS = {
    "year": "integer",
    "decade": "integer",
    "unwatched": "boolean",
    "inProgress": "boolean",
    "resolution": "resolution",
    "studio": "string",
    "contentRating": "tag",
}
_SUBTYPES = {"year": "year", "decade": "decade"}
_EXTRA_FIELDS = (
    ("title", "Title", "string"),
    ("addedAt", "Date Added", "date"),
    ("lastViewedAt", "Last Played", "date"),
    ("viewCount", "Plays", "integer"),
    ("originallyAvailableAt", "Release Date", "date"),
    ("duration", "Duration", "integer"),
    ("index", "Index", "integer"),
)


_BARE_ROOTS = frozenset({"movie", "photoalbum", "collection"})
"""Root types whose ``Field`` keys are bare (a movie section's ``title``): a TV or music
section's root fields are prefixed too (``show.title``, ``artist.title``, as in
home-assistant-core/library_tvshows_metadata.xml and library_music_metadata.xml), which is how
python-plexapi sends ``show.title=`` for an episode search."""


def section_meta(section: Section, *, collections: bool = False) -> Wire:
    """The ``Meta`` block for a section's ``/all`` (or ``/collections``) listing."""
    types = (("collection", 18, "Collections"),) if collections else _TYPES[section.kind]
    root = types[0][0]
    return {
        "Type": [
            _type(
                section,
                name,
                number,
                title,
                active=name == root,
                prefix=None if name == root and name in _BARE_ROOTS else name,
            )
            for name, number, title in types
        ],
        "FieldType": [
            {"type": kind, "Operator": [{"key": key, "title": title} for key, title in ops]}
            for kind, ops in _FIELD_TYPES.items()
        ],
    }


def _type(
    section: Section, name: str, number: int, title: str, *, active: bool, prefix: str | None
) -> Wire:
    base = f"/library/sections/{section.key}"
    filters = _FILTERS.get(name, ())
    sorts = (
        _SORTS["common"]
        + (_SORTS["indexed"] if name in ("season", "episode", "track", "photo") else ())
        + (_SORTS["rated"] if name in ("movie", "show", "episode", "album") else ())
    )
    fields = [
        _field(prefix, key, label, _FIELD_KINDS.get(key, "tag" if kind == "string" else kind))
        for key, kind, label in filters
    ] + [_field(prefix, key, label, kind) for key, label, kind in _EXTRA_FIELDS]
    return {
        "key": f"{base}/all?type={number}",
        "type": name,
        "title": title,
        "active": active,
        "Filter": [
            {
                "filter": key,
                "filterType": kind,
                "key": f"{base}/{key}",
                "title": label,
                "type": "filter",
            }
            for key, kind, label in filters
        ],
        "Sort": [_sort(base, key, label, direction) for key, label, direction in sorts],
        "Field": fields,
    }


def _sort(base: str, key: str, label: str, direction: str) -> Wire:
    sort: Wire = {"defaultDirection": direction, "descKey": f"{key}:desc"}
    if key == "titleSort":  # the default sort is the active one
        sort = {
            "active": True,
            "activeDirection": "asc",
            "default": "asc",
            **sort,
            "firstCharacterKey": f"{base}/firstCharacter",
        }
    return {**sort, "key": key, "title": label}


def _field(prefix: str | None, key: str, label: str, kind: str) -> Wire:
    field: Wire = {"key": f"{prefix}.{key}" if prefix else key}
    if key in _SUBTYPES:
        field["subType"] = _SUBTYPES[key]
    return {**field, "title": label, "type": kind}
