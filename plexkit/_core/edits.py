"""Metadata edit requests: caller-friendly field names to PMS's ``field.value``/``field.locked``.

PMS edits an item with ``PUT /library/metadata/{id}`` (several items of one type with ``PUT
/library/sections/{id}/all?type=&id=1,2,3``) and query parameters:

- ``title.value=Heat`` sets a field, ``title.locked=1`` locks it (agents no longer overwrite
  it), ``title.locked=0`` unlocks it;
- ``genre[0].tag.tag=Drama&genre[1].tag.tag=Crime`` associates tags with the items;
- ``genre[].tag.tag-=Drama,Film%20Noir`` removes tags (names URL-quoted, comma separated);
- ``genre[].tag=`` removes every tag of that kind;
- ``genre.locked=1`` locks the tag list.

Whether PMS treats the indexed ``tag.tag`` list as "the new list" or as "tags to add" depends
on the server version and on single vs. multi-item edits. plexkit sends what gives the same
result under both readings: for an *add* or a *replace* it sends the complete new list
(current tags, read first, plus the additions) and removes what must go with ``tag.tag-``.
A *remove* alone or a *clear* needs no read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final
from urllib.parse import quote

from plexkit._core.edit_values import TagEdit, lock_flag, scalar_text, tag_change
from plexkit._core.endpoints import RequestSpec, item_type_number, path_key
from plexkit.errors import ConfigurationError

__all__ = [
    "LOCKABLE_FIELDS",
    "NO_TAGS",
    "SCALAR_FIELDS",
    "TAG_FIELDS",
    "TagEdit",
    "current_tags",
    "edit_many_request",
    "edit_params",
    "edit_request",
    "lock_params",
    "lock_request",
    "locked_fields",
    "rating_key_list",
    "tags_to_read",
]

# Our snake_case names to PMS's editable field names.
SCALAR_FIELDS: Final[Mapping[str, str]] = {
    "title": "title",
    "title_sort": "titleSort",
    "original_title": "originalTitle",
    "summary": "summary",
    "tagline": "tagline",
    "year": "year",
    "rating": "rating",
    "content_rating": "contentRating",
    "studio": "studio",
    "originally_available_at": "originallyAvailableAt",
    "edition_title": "editionTitle",
}

# Our plural tag-list names to PMS's tag parameter name and the element the item carries.
TAG_FIELDS: Final[Mapping[str, tuple[str, str]]] = {
    "genres": ("genre", "Genre"),
    "directors": ("director", "Director"),
    "writers": ("writer", "Writer"),
    "producers": ("producer", "Producer"),
    "collections": ("collection", "Collection"),
    "labels": ("label", "Label"),
    "countries": ("country", "Country"),
    "moods": ("mood", "Mood"),
    "styles": ("style", "Style"),
}

_ARTWORK_LOCKS: Final[Mapping[str, str]] = {
    "poster": "thumb",
    "thumb": "thumb",
    "art": "art",
    "background": "art",
    "theme": "theme",
    "logo": "clearLogo",
}

# Every name ``lock()``/``unlock()`` accept, to the PMS field whose ``.locked`` flag it sets.
LOCKABLE_FIELDS: Final[Mapping[str, str]] = {
    **SCALAR_FIELDS,
    **{name: wire for name, (wire, _) in TAG_FIELDS.items()},
    **_ARTWORK_LOCKS,
}


def _check_fields(fields: Mapping[str, Any]) -> None:
    if not fields:
        raise ConfigurationError("edit needs at least one field to change")
    unknown = [name for name in fields if name not in SCALAR_FIELDS and name not in TAG_FIELDS]
    if unknown:
        known = ", ".join([*SCALAR_FIELDS, *TAG_FIELDS])
        raise ConfigurationError(f"cannot edit {unknown[0]!r}; editable fields: {known}")


NO_TAGS: Final[Mapping[str, Sequence[str]]] = {element: () for _, element in TAG_FIELDS.values()}
"""Empty current tags for every element: lets a request be built (validated) before reading."""


def tags_to_read(fields: Mapping[str, Any], *, lock: bool | None = True) -> tuple[str, ...]:
    """The item elements (``"Genre"``...) whose current tags an edit of ``fields`` needs.

    Adding to or replacing a list needs the current tags; removing or clearing does not.
    Checks the whole edit (names, values, ``lock``) first, so a bad edit fails before any
    request.
    """
    edit_params(fields, lock=lock, current=NO_TAGS)
    needed: list[str] = []
    for name, value in fields.items():
        if name not in TAG_FIELDS:
            continue
        change = tag_change(name, value)
        if (isinstance(change, TagEdit) and change.add) or (isinstance(change, tuple) and change):
            needed.append(TAG_FIELDS[name][1])
    return tuple(needed)


def current_tags(
    items: Sequence[Mapping[str, Any]], elements: Iterable[str]
) -> dict[str, list[str]]:
    """Tag names per element (``{"Genre": ["Drama"]}``) over ``items`` (decoded ``Metadata``
    dicts), in order, each name once; what a following `edit_params` needs."""
    out: dict[str, list[str]] = {}
    for element in elements:
        names: list[str] = []
        seen: set[str] = set()
        for item in items:
            tags = item.get(element) or ()
            for tag in tags if isinstance(tags, list) else (tags,):
                name = tag.get("tag") if isinstance(tag, Mapping) else None
                if isinstance(name, str) and name and name.casefold() not in seen:
                    seen.add(name.casefold())
                    names.append(name)
        out[element] = names
    return out


def _tag_params(
    wire: str, change: TagEdit | tuple[str, ...], current: Sequence[str] | None
) -> list[tuple[str, str]]:
    if isinstance(change, TagEdit):
        removed = list(change.remove)
        if not change.add:
            return [(f"{wire}[].tag.tag-", _quoted(removed))]
        if current is None:
            raise ConfigurationError(f"adding {wire} tags needs the current tags")
        gone = {n.casefold() for n in removed}
        keep = [n for n in current if n.casefold() not in gone]
        known = {n.casefold() for n in keep}
        wanted = keep + [n for n in change.add if n.casefold() not in known]
    else:
        if not change:
            return [(f"{wire}[].tag", "")]
        if current is None:
            raise ConfigurationError(f"replacing {wire} tags needs the current tags")
        wanted = list(change)
        chosen = {n.casefold() for n in wanted}
        removed = [n for n in current if n.casefold() not in chosen]
    params = [(f"{wire}[{i}].tag.tag", name) for i, name in enumerate(wanted)]
    if removed:
        params.append((f"{wire}[].tag.tag-", _quoted(removed)))
    return params


def _quoted(names: Sequence[str]) -> str:
    """Comma separated, each name URL-quoted (so names with commas survive), as PMS reads it."""
    return ",".join(quote(name, safe="") for name in names)


def edit_params(
    fields: Mapping[str, Any],
    *,
    lock: bool | None,
    current: Mapping[str, Sequence[str]] | None = None,
) -> list[tuple[str, str]]:
    """The query parameters of an edit, in a stable order.

    ``current`` holds the current tag names per element for the fields
    `tags_to_read` names. ``lock`` True locks each edited field, False unlocks it,
    None leaves its lock alone.
    """
    _check_fields(fields)
    flag = lock_flag(lock)
    params: list[tuple[str, str]] = []
    for name, value in fields.items():
        if name in SCALAR_FIELDS:
            wire = SCALAR_FIELDS[name]
            params.append((f"{wire}.value", scalar_text(name, value)))
        else:
            wire, element = TAG_FIELDS[name]
            change = tag_change(name, value)
            params.extend(
                _tag_params(wire, change, None if current is None else current.get(element))
            )
        if flag is not None:
            params.append((f"{wire}.locked", flag))
    return params


def edit_request(
    rating_key: str | int,
    *,
    lock: bool | None,
    fields: Mapping[str, Any],
    current: Mapping[str, Sequence[str]] | None = None,
) -> RequestSpec:
    """The PUT that sets ``fields`` on an item, locking each edited field when ``lock``."""
    params = edit_params(fields, lock=lock, current=current)
    key = path_key(rating_key)
    return RequestSpec(
        method="PUT", path=f"/library/metadata/{key}", params=dict(params), idempotent=True
    )


def rating_key_list(rating_keys: Iterable[str | int]) -> str:
    """``"1,2,3"`` from several rating keys (validated, at least one, no duplicates)."""
    if isinstance(rating_keys, (str, bytes, int)):
        raise ConfigurationError("rating_keys must be a list of rating keys")
    keys: list[str] = []
    for value in rating_keys:
        key = path_key(value)
        if "," in str(value) or "%2C" in key:
            raise ConfigurationError(f"a rating key cannot contain ',': {value!r}")
        if key not in keys:
            keys.append(key)
    if not keys:
        raise ConfigurationError("rating_keys needs at least one rating key")
    return ",".join(keys)


def edit_many_request(
    section_key: str | int,
    rating_keys: Iterable[str | int],
    *,
    type: int | str,
    lock: bool | None,
    fields: Mapping[str, Any],
    current: Mapping[str, Sequence[str]] | None = None,
) -> RequestSpec:
    """One PUT that edits several items of one type in a section (``/all?type=&id=``)."""
    number = item_type_number(type)
    if number is None:
        raise ConfigurationError("edit_many needs type= (such as 'movie' or 1)")
    ids = rating_key_list(rating_keys)
    params = [("type", str(number)), ("id", ids), *edit_params(fields, lock=lock, current=current)]
    section = path_key(section_key, "section_key")
    return RequestSpec(
        method="PUT", path=f"/library/sections/{section}/all", params=dict(params), idempotent=True
    )


def lock_params(names: Sequence[str], *, locked: bool) -> list[tuple[str, str]]:
    """``field.locked=1`` (or ``0``) for each named field, tag list or artwork."""
    if not names:
        raise ConfigurationError("name at least one field to lock or unlock")
    params: list[tuple[str, str]] = []
    for name in names:
        wire = LOCKABLE_FIELDS.get(name) if isinstance(name, str) else None
        if wire is None:
            known = ", ".join(LOCKABLE_FIELDS)
            raise ConfigurationError(f"cannot lock {name!r}; lockable fields: {known}")
        entry = (f"{wire}.locked", "1" if locked else "0")
        if entry not in params:
            params.append(entry)
    return params


def lock_request(rating_key: str | int, names: Sequence[str], *, locked: bool) -> RequestSpec:
    """The PUT that locks (or unlocks) fields of an item without changing their values."""
    params = lock_params(names, locked=locked)
    key = path_key(rating_key)
    return RequestSpec(
        method="PUT", path=f"/library/metadata/{key}", params=dict(params), idempotent=True
    )


_WIRE_TO_NAME: Final[Mapping[str, str]] = {
    **{wire: name for name, wire in SCALAR_FIELDS.items()},
    **{wire: name for name, (wire, _) in TAG_FIELDS.items()},
    "thumb": "poster",
    "art": "art",
    "theme": "theme",
    "clearLogo": "logo",
}


def locked_fields(item: Mapping[str, Any]) -> frozenset[str]:
    """The locked fields of a decoded item detail (its ``Field`` entries), by plexkit name.

    Fields plexkit has no name for keep PMS's name.
    """
    entries = item.get("Field") or ()
    if isinstance(entries, Mapping):
        entries = (entries,)
    names: set[str] = set()
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        locked = entry.get("locked")
        if locked in (True, 1, "1", "true"):
            wire = str(entry.get("name", ""))
            if wire:
                names.add(_WIRE_TO_NAME.get(wire, wire))
    return frozenset(names)
