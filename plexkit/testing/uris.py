"""The ``uri=`` of playlist and collection requests, resolved against the fake's data.

Clients name what to add as ``server://MACHINE/com.plexapp.plugins.library/library/metadata/1,2``
(items) or ``server://MACHINE/com.plexapp.plugins.library/library/sections/1/all?type=1&...``
(a smart filter), as python-plexapi's ``_uriRoot()`` and the PMS spec's ``uri`` parameter say;
``library://SECTION-UUID/item/...`` and ``library://SECTION-UUID/directory/...`` (what PMS
itself writes into ``content``) are accepted too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from plexkit.testing.store import Node, Section, Store

_PROVIDER = "/com.plexapp.plugins.library"
_ITEMS = re.compile(r"^/library/metadata/([\d,]+)$")
_SECTION_QUERY = re.compile(r"^/library/sections/(\d+)/all$")
_COLLECTION = re.compile(r"^/library/collections/(\d+)(?:/children|/items)?$")


class UriError(ValueError):
    """A ``uri`` PMS would refuse (400) or whose items do not exist (404)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Target:
    """What a ``uri`` names: items, or a section query (``path?query``) for smart lists."""

    items: list[Node]
    section: Section | None = None
    query: str | None = None


def resolve(store: Store, uri: str) -> Target:
    """Parse ``uri`` into items or a smart query; raises `UriError`."""
    path = _path(store, uri)
    items = _ITEMS.match(path)
    if items:
        nodes = [store.node(part) for part in items.group(1).split(",") if part]
        if not nodes or any(node is None for node in nodes):
            raise UriError(404, "no such item in uri")
        return Target([node for node in nodes if node is not None])
    base = path.partition("?")[0]
    collection = _COLLECTION.match(base)
    if collection:  # python-plexapi's play queue of a collection names its key
        node = store.node(collection.group(1))
        if node is None or node.kind != "collection":
            raise UriError(404, "no such collection in uri")
        return Target([node])
    section_match = _SECTION_QUERY.match(base)
    if section_match:
        section = store.section(section_match.group(1))
        if section is None:
            raise UriError(404, "no such library section in uri")
        return Target([], section, path)
    raise UriError(400, f"unsupported uri {uri!r}")


def content(section: Section, query: str) -> str:
    """The ``content`` PMS writes for a smart playlist (``library://UUID/directory/...``)."""
    return f"library://{section.uuid}/directory/{quote(query, safe='')}"


def _path(store: Store, uri: str) -> str:
    uri = uri.strip()
    if uri.startswith("server://"):
        rest = uri[len("server://") :]
        machine, _, path = rest.partition("/")
        if machine != store.server["machineIdentifier"]:
            raise UriError(400, "uri names another server")
        if path.startswith(_PROVIDER[1:]):
            path = path[len(_PROVIDER) - 1 :]
        return "/" + path.lstrip("/") if not path.startswith("/") else path
    if uri.startswith("library://"):
        rest = uri[len("library://") :]
        _, _, tail = rest.partition("/")
        kind, _, value = tail.partition("/")
        if kind in ("item", "directory"):  # python-plexapi's addItem sends ``item`` + key
            return "/" + unquote(value).lstrip("/")
    if uri.startswith("/library/"):
        return uri
    raise UriError(400, f"unsupported uri {uri!r}")
