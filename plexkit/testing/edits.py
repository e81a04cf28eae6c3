"""Apply PMS metadata edit parameters to a wire dict, the way ``PUT .../metadata`` does.

Understands ``field.value``, ``field.locked``, ``tag[N].tag.tag`` (the new tag list),
``tag[].tag.tag-`` (remove comma separated, URL-quoted names), ``tag[].tag`` (remove all) and
``tag.locked``. Locks show up as ``Field`` entries (``{"locked": true, "name": "title"}``) like
real detail responses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import unquote

from plexkit.testing.wire import TAG_FILTERS, Wire, title_sort

TagId = Callable[[str, str], int]
"""``(element, name) -> tag id`` allocator, e.g. ``("Genre", "Drama") -> 6``."""

_TAG_ELEMENTS = {name: element for element, name in TAG_FILTERS.items()}
_EDIT_KEY = re.compile(r"^([A-Za-z]+)(?:\[(\d*)\])?\.(value|locked|tag\.tag-?|tag|tagging\..+)$")
_INT_FIELDS = {"year", "index", "parentIndex", "addedAt"}
_FLOAT_FIELDS = {"rating", "audienceRating", "userRating"}


def is_edit_param(key: str) -> bool:
    """True for keys that are edits (``title.value``) rather than selectors (``type``, ``id``)."""
    return _EDIT_KEY.match(key) is not None


def apply(data: Wire, params: Sequence[tuple[str, str]], tag_id: TagId) -> set[str]:
    """Apply edit ``params`` to ``data`` in place; return the names of what changed."""
    changed: set[str] = set()
    new_tags: dict[str, dict[int, str]] = {}
    for key, value in params:
        match = _EDIT_KEY.match(key)
        if match is None:
            continue
        name, index, action = match.groups()
        element = _TAG_ELEMENTS.get(name)
        if action == "locked":
            if _set_lock(data, name, value not in ("0", "false", "")):
                changed.add(f"{name}.locked")
        elif action == "value" and element is None:
            if _set_field(data, name, value):
                changed.add(name)
        elif element is None:
            continue
        elif action == "tag.tag" and index is not None:
            new_tags.setdefault(element, {})[int(index or 0)] = value
        elif action == "tag.tag-":
            removed = {unquote(v).casefold() for v in value.split(",") if v}
            if _remove_tags(data, element, removed):
                changed.add(element)
        elif action == "tag" and index == "" and data.pop(element, None):
            changed.add(element)
    for element, by_index in new_tags.items():
        names = [by_index[i] for i in sorted(by_index)]
        if _replace_tags(data, element, names, tag_id):
            changed.add(element)
    if "title" in changed and "titleSort" not in changed and not is_locked(data, "titleSort"):
        data["titleSort"] = title_sort(data["title"])
    return changed


def is_locked(data: Wire, name: str) -> bool:
    """True when the item carries a ``Field`` lock for ``name``."""
    return any(f.get("name") == name and f.get("locked") for f in data.get("Field", ()))


def _set_lock(data: Wire, name: str, locked: bool) -> bool:
    fields: list[Wire] = data.get("Field", [])
    present = is_locked(data, name)
    if locked and not present:
        data["Field"] = [*fields, {"locked": True, "name": name}]
        return True
    if not locked and present:
        remaining = [f for f in fields if f.get("name") != name]
        if remaining:
            data["Field"] = remaining
        else:
            data.pop("Field", None)
        return True
    return False


def _set_field(data: Wire, name: str, raw: str) -> bool:
    if raw == "" and name != "title":
        return data.pop(name, None) is not None
    old = data.get(name)
    value: object = raw
    try:
        if isinstance(old, bool):
            value = raw not in ("0", "false")
        elif isinstance(old, int) or name in _INT_FIELDS:
            value = int(raw)
        elif isinstance(old, float) or name in _FLOAT_FIELDS:
            value = float(raw)
    except ValueError:
        value = raw
    if old == value:
        return False
    data[name] = value
    return True


def _replace_tags(data: Wire, element: str, names: list[str], tag_id: TagId) -> bool:
    existing = {str(t.get("tag", "")).casefold(): t for t in data.get(element, ())}
    tags: list[Wire] = []
    seen: set[str] = set()
    for name in names:
        folded = name.casefold()
        if not name or folded in seen:
            continue
        seen.add(folded)
        tid = tag_id(element, name)
        tags.append(
            existing.get(folded)
            or {"id": tid, "filter": f"{TAG_FILTERS[element]}={tid}", "tag": name}
        )
    before = [t.get("tag") for t in data.get(element, ())]
    if tags:
        data[element] = tags
    else:
        data.pop(element, None)
    return before != [t["tag"] for t in tags]


def _remove_tags(data: Wire, element: str, removed: set[str]) -> bool:
    tags = data.get(element, [])
    kept = [t for t in tags if str(t.get("tag", "")).casefold() not in removed]
    if len(kept) == len(tags):
        return False
    if kept:
        data[element] = kept
    else:
        data.pop(element, None)
    return True
