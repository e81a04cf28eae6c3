"""How items and containers look in each kind of response (list rows vs. full detail).

Real servers send a trimmed row in lists (``/all``, ``/children``, hubs): tags reduced to
``{"tag": ...}``, no ``Stream``, ``Guid`` only with ``includeGuids=1``, no section fields
(the container carries them); detail (``/library/metadata/{id}``) sends everything,
including ``Field`` locks. List rows are cached per item until the item changes.
"""

from __future__ import annotations

from collections import Counter

from plexkit.testing.store import Node, Section, Selector, Store
from plexkit.testing.wire import MEDIA_TAG_PREFIX, MEDIA_TAG_VERSION, Wire

_ROW_TAGS: dict[str, int | None] = {
    "Genre": None,
    "Country": None,
    "Director": 2,
    "Writer": 2,
    "Role": 3,
    "Collection": None,
    "Label": None,
    "Mood": None,
    "Style": None,
}
_DETAIL_ONLY = frozenset({"Producer", "Similar", "Rating", "Field", "Location", "Guid"})
_SECTION_FIELDS = ("librarySectionTitle", "librarySectionID", "librarySectionKey")
_VIEW_GROUPS = {"movie": "movie", "show": "show", "artist": "artist", "photo": "photo"}
_VIEW_MODE = 131122
_ALL_TITLES = {"movie": "All Movies", "show": "All Shows", "artist": "All Artists"}


def row(store: Store, node: Node, *, guids: bool = False, section_fields: bool = False) -> Wire:
    """The item as a list row; ``section_fields`` keeps ``librarySectionID`` and friends."""
    key = (guids, section_fields)
    cached = node.summary_cache.get(key)
    if cached is not None and node.kind != "collection":
        return cached
    out: Wire = {}
    for name, value in node.data.items():
        if name in _ROW_TAGS:
            limit = _ROW_TAGS[name]
            out[name] = [{"tag": t["tag"]} for t in (value if limit is None else value[:limit])]
        elif name == "Media":
            out[name] = [_media_row(media) for media in value]
        elif name == "Guid" and guids:
            out[name] = value
        elif name in _DETAIL_ONLY or (name in _SECTION_FIELDS and not section_fields):
            continue
        else:
            out[name] = value
    if node.kind == "collection":
        out.update(collection_counts(store, node))
    else:
        node.summary_cache[key] = out
    return out


def detail(store: Store, node: Node) -> Wire:
    """The item as ``/library/metadata/{id}`` shows it."""
    if node.kind == "collection":
        return {**node.data, **collection_counts(store, node)}
    return node.data


def customise(item: Wire, exclude_fields: set[str], exclude_elements: set[str]) -> Wire:
    """Apply ``excludeFields``/``excludeElements`` (PMS response customisation)."""
    if not exclude_fields and not exclude_elements:
        return item
    return {
        k: v
        for k, v in item.items()
        if k not in exclude_fields and not (isinstance(v, (list, dict)) and k in exclude_elements)
    }


def library_attrs(section: Section) -> Wire:
    """Container attributes of a section listing (``/library/sections/{id}/all``)."""
    kind = section.kind
    return {
        "allowSync": True,
        "art": f"/:/resources/{kind}-fanart.jpg",
        "identifier": "com.plexapp.plugins.library",
        "librarySectionID": section.key,
        "librarySectionTitle": section.title,
        "librarySectionUUID": section.uuid,
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "thumb": f"/:/resources/{kind}.png",
        "title1": section.title,
        "title2": _ALL_TITLES.get(kind, "All Photos"),
        "viewGroup": _VIEW_GROUPS[kind],
        "viewMode": _VIEW_MODE,
        "content": "secondary",
        "nocache": True,
        "sortAsc": True,
    }


def secondary_attrs(section: Section) -> Wire:
    """Container attributes of a section's secondary lists (browse entry points, sorts,
    filters, filter choices), as ``home-assistant-core/library_movies_sort.xml``."""
    kind = section.kind
    return {
        "allowSync": False,
        "art": f"/:/resources/{kind}-fanart.jpg",
        "content": "secondary",
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "thumb": f"/:/resources/{kind}.png",
        "title1": section.title,
        "viewGroup": "secondary",
        "viewMode": 65592,
    }


def detail_attrs(section: Section | None) -> Wire:
    """Container attributes of ``/library/metadata/{id}``."""
    attrs: Wire = {
        "allowSync": True,
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
    }
    if section is not None:
        attrs["librarySectionID"] = section.key
        attrs["librarySectionTitle"] = section.title
        attrs["librarySectionUUID"] = section.uuid
    return attrs


def children_attrs(section: Section | None, parent: Node, child_kind: str) -> Wire:
    """Container attributes of ``/children`` and ``/allLeaves`` of ``parent``."""
    d = parent.data
    attrs = detail_attrs(section)
    attrs.update(
        {
            "art": d.get("art"),
            "banner": d.get("banner"),
            "key": d["ratingKey"],
            "nocache": True,
            "parentIndex": d.get("index"),
            "parentTitle": d.get("title"),
            "parentYear": d.get("year"),
            "summary": d.get("summary"),
            "theme": d.get("theme") or d.get("parentTheme"),
            "thumb": d.get("thumb"),
            "title1": section.title if section else d.get("title"),
            "title2": d.get("title"),
            "viewGroup": child_kind,
            "viewMode": _VIEW_MODE,
        }
    )
    grandparent = parent.parent.data if parent.parent is not None else None
    if grandparent is not None:
        attrs.update(
            {
                "banner": grandparent.get("banner"),
                "grandparentContentRating": grandparent.get("contentRating"),
                "grandparentRatingKey": grandparent["ratingKey"],
                "grandparentStudio": grandparent.get("studio"),
                "grandparentTheme": grandparent.get("theme"),
                "grandparentThumb": grandparent.get("thumb"),
                "grandparentTitle": grandparent.get("title"),
            }
        )
    return {k: v for k, v in attrs.items() if v is not None}


def _media_row(media: Wire) -> Wire:
    parts = media.get("Part")
    if not parts:
        return media
    return {
        **media,
        "Part": [{k: v for k, v in part.items() if k != "Stream"} for part in parts],
    }


def collection_counts(store: Store, node: Node, select: Selector | None = None) -> Wire:
    """Figures PMS derives from a collection's members (a smart one's as ``select`` finds
    them: the owner's view by default)."""
    members = store.collection_items(node, select)
    years = sorted(int(m.data["year"]) for m in members if "year" in m.data)
    ratings = Counter(str(m.data["contentRating"]) for m in members if "contentRating" in m.data)
    counts: Wire = {"childCount": len(members)}
    if ratings:
        counts["contentRating"] = ratings.most_common(1)[0][0]
    counts["ratingCount"] = sum(1 for m in members if "rating" in m.data)
    if years:
        counts["maxYear"] = years[-1]
        counts["minYear"] = years[0]
    return counts
