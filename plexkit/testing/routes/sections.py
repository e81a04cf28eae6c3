"""Library entry points and sections: ``/library``, ``/library/sections``, a section's browse
entry points (``/library/sections/{key}``) and the values a filter can take
(``/library/sections/{key}/{filter}``: genre, year...). The ``{filter}`` route is a
catch-all: it is registered after every other ``/library/sections/{key}/...`` route.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.respond import HTTPError, container, context, path_section
from plexkit.testing.store import Node
from plexkit.testing.views import secondary_attrs
from plexkit.testing.wire import MEDIA_TAG_PREFIX, MEDIA_TAG_VERSION, TAG_FILTERS, Wire

_TAG_ELEMENTS = {name: element for element, name in TAG_FILTERS.items()}
_FIELD_CHOICES = ("year", "decade", "contentRating", "studio", "resolution")
_SECONDARY = (
    ("all", "All {plural}", False),
    ("unwatched", "Unwatched", False),
    ("newest", "Recently Released", False),
    ("recentlyAdded", "Recently Added", False),
    ("recentlyViewed", "Recently Viewed", False),
    ("onDeck", "On Deck", False),
    ("collection", "By Collection", True),
    ("genre", "By Genre", True),
    ("year", "By Year", True),
    ("decade", "By Decade", True),
    ("contentRating", "By Content Rating", True),
    ("firstCharacter", "By First Letter", True),
    ("folder", "By Folder", False),
)
_PLURALS = {"movie": "Movies", "show": "Shows", "artist": "Artists", "photo": "Photos"}


async def library_root(request: Request) -> Response:
    """``GET /library``: the library's entry points."""
    mc: Wire = {
        "size": 3,
        "allowSync": False,
        "art": "/:/resources/library-art.png",
        "content": "",
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "title1": "Plex Library",
        "title2": "",
        "Directory": [
            {"key": "sections", "title": "Library Sections"},
            {"key": "recentlyAdded", "title": "Recently Added Content"},
            {"key": "onDeck", "title": "On Deck Content"},
        ],
    }
    return container(request, mc)


async def sections(request: Request) -> Response:
    """``GET /library/sections``: every section with its ``Location`` folders."""
    items = [section.data for section in context(request).library.sections.values()]
    mc: Wire = {
        "size": len(items),
        "allowSync": False,
        "identifier": "com.plexapp.plugins.library",
        "mediaTagPrefix": MEDIA_TAG_PREFIX,
        "mediaTagVersion": MEDIA_TAG_VERSION,
        "title1": "Plex Library",
    }
    if items:
        mc["Directory"] = items
    return container(request, mc)


async def section_detail(request: Request) -> Response:
    """``GET /library/sections/{key}``: the section's browse entry points."""
    section = path_section(request)
    plural = _PLURALS[section.kind]
    directories: list[Wire] = []
    for key, title, secondary in _SECONDARY:
        entry: Wire = {"key": key, "title": title.format(plural=plural)}
        if secondary:
            entry["secondary"] = True
        directories.append(entry)
    directories.append(
        {
            "key": f"search?type={section.root_type}",
            "prompt": f"Search {plural}",
            "search": True,
            "title": "Search...",
        }
    )
    mc: Wire = {"size": len(directories), **secondary_attrs(section)}
    mc.update({"librarySectionID": section.key, "sortAsc": True, "Directory": directories})
    return container(request, mc)


async def filter_choices(request: Request) -> Response:
    """``GET /library/sections/{key}/{filter}``: the values a filter can take (genre, year…)."""
    section = path_section(request)
    name = str(request.path_params["filter"])
    choices = _choices(context(request).library.items(section, section.root_type), name)
    entries = [
        {
            "fastKey": f"/library/sections/{section.key}/all?{name}={key}",
            "key": key,
            "title": title,
            "type": name if name in _TAG_ELEMENTS else "filter",
        }
        for key, title in sorted(choices.items(), key=lambda kv: kv[1].casefold())
    ]
    mc: Wire = {"size": len(entries), **secondary_attrs(section)}
    mc.update({"nocache": True, "title2": f"By {name}"})
    if entries:
        mc["Directory"] = entries
    return container(request, mc)


def _choices(items: list[Node], name: str) -> dict[str, str]:
    """Key -> title of each value of filter ``name`` among ``items`` (a tag's id, or the
    field's value)."""
    choices: dict[str, str] = {}
    if name in _TAG_ELEMENTS:
        element = _TAG_ELEMENTS[name]
        for node in items:
            for tag in node.data.get(element, ()):
                choices[str(tag["id"])] = str(tag["tag"])
    elif name in _FIELD_CHOICES:
        for node in items:
            value = _field_value(node, name)
            if value is not None:
                choices[value] = value
    else:
        raise HTTPError(404, f"unknown filter {name}")
    return choices


def _field_value(node: Node, name: str) -> str | None:
    data = node.data
    if name == "decade":
        return str(int(data["year"]) // 10 * 10) if "year" in data else None
    if name == "resolution":
        media = data.get("Media") or [{}]
        resolution = media[0].get("videoResolution")
        return str(resolution) if resolution else None
    value = data.get(name)
    return str(value) if value is not None else None


routes: list[BaseRoute] = [
    Route("/library", library_root),
    Route("/library/sections", sections),
    Route("/library/sections/{key}", section_detail),
    Route("/library/sections/{key}/{filter}", filter_choices),
]
