"""Helpers for the fake-server tests: normalising JSON and XML payloads, reading shapes."""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree

from plexkit.testing.render import xml_tag

Tree = tuple[str, dict[str, str], list[Any]]
"""``(element name, attributes as strings, children)``: what both formats have in common."""


def _text(value: Any) -> str:
    if value is True:
        return "1"
    if value is False:
        return "0"
    return str(value)


def json_tree(payload: Any, name: str = "MediaContainer") -> Tree:
    """A JSON ``MediaContainer`` as an element tree (``Metadata`` items named like XML)."""
    attrs: dict[str, str] = {}
    children: list[Any] = []
    for key, value in payload.items():
        if isinstance(value, dict):
            value = [value]
        if isinstance(value, list):
            for child in value:
                children.append(json_tree(child, xml_tag(child) if key == "Metadata" else key))
        elif value is not None:
            attrs[key] = _text(value)
    return (name, attrs, children)


def xml_tree(element: ElementTree.Element) -> Tree:
    """An XML element as an element tree."""
    return (element.tag, dict(element.attrib), [xml_tree(child) for child in element])


def parse_xml(body: bytes | str) -> ElementTree.Element:
    """Parse an XML body (the fake's own output, so plain ElementTree is fine)."""
    return ElementTree.fromstring(body)


def shape_json(
    payload: Any, name: str = "MediaContainer", out: dict[str, set[str]] | None = None
) -> dict[str, set[str]]:
    """Element name -> union of its scalar keys, over a whole JSON payload."""
    out = {} if out is None else out
    if isinstance(payload, list):
        for item in payload:
            shape_json(item, name, out)
    elif isinstance(payload, dict):
        keys = out.setdefault(name, set())
        for key, value in payload.items():
            if isinstance(value, (list, dict)):
                shape_json(value, key, out)
            else:
                keys.add(key)
    return out


def shape_xml(body: bytes | str) -> dict[str, set[str]]:
    """Element name -> union of its attributes, over a whole XML payload."""
    out: dict[str, set[str]] = {}
    for element in parse_xml(body).iter():
        out.setdefault(element.tag, set()).update(element.attrib)
    return out


def load_json(raw: bytes) -> Any:
    """The ``MediaContainer`` of a JSON body."""
    return json.loads(raw)["MediaContainer"]
