"""Serialise a ``MediaContainer`` dict to PMS JSON or PMS XML.

The dict is in PMS JSON shape. XML follows the real server's mapping: scalar values become
attributes (booleans as ``1``/``0``), lists and objects become child elements named by their
key, and the items of a ``Metadata`` key take their element name from the item itself
(``Video`` for movies, episodes and clips, ``Track``, ``Photo``, ``Playlist``, else
``Directory``), so one dict gives both formats.
"""

from __future__ import annotations

import json
from typing import Any

from plexkit.testing.wire import Wire

JSON_TYPE = "application/json"
XML_TYPE = "text/xml;charset=utf-8"
_VIDEO_TYPES = frozenset({"movie", "episode", "clip", "trailer"})
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;"}
)


def xml_tag(item: Wire) -> str:
    """The XML element PMS uses for a metadata item."""
    kind = item.get("type")
    if kind in _VIDEO_TYPES:
        return "Video"
    if kind == "track":
        return "Track"
    if kind == "playlist":
        return "Playlist"
    if kind == "photo" and not str(item.get("key", "")).endswith("/children"):
        return "Photo"
    return "Directory"


def to_json(container: Wire, root: str = "MediaContainer") -> bytes:
    """``{root: container}`` as compact UTF-8 JSON (PMS wraps nearly every answer in a
    ``MediaContainer``; ``/butler`` in ``ButlerTasks``)."""
    return json.dumps({root: container}, ensure_ascii=False, separators=(",", ":")).encode()


def to_xml(container: Wire, root: str = "MediaContainer") -> bytes:
    """The container as a PMS XML document whose root element is ``root``."""
    out: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    _element(root, container, out)
    out.append("\n")
    return "".join(out).encode()


def _attr(value: Any) -> str:
    if value is True:
        return "1"
    if value is False:
        return "0"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    return str(value)


def _element(tag: str, obj: Wire, out: list[str]) -> None:
    out.append("<")
    out.append(tag)
    children: list[tuple[str, Any]] = []
    for key, value in obj.items():
        if isinstance(value, list):
            children.append((key, value))
        elif isinstance(value, dict):
            children.append((key, [value]))
        elif value is not None:
            out.append(f' {key}="{_attr(value)}"')
    if not children:
        out.append(" />")
        return
    out.append(">")
    for key, values in children:
        for child in values:
            _element(xml_tag(child) if key == "Metadata" else key, child, out)
    out.append(f"</{tag}>")
