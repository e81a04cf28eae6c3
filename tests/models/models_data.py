"""Test helpers: where the recorded payloads live, and dialect converters written for the tests.

The converters are deliberately independent of plexkit's decoder (they use the standard
library's ElementTree and simple rules) so that "JSON and XML give the same models" is checked
against a second implementation, not against plexkit's own output.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"
CAPTURES = DATA / "captures"
SPEC_EXAMPLES = DATA / "spec-examples"

#: The one capture that is not well-formed on purpose.
MALFORMED = "fuzeman-plex.py/detail_malformed.xml"

# Home Assistant keeps three fixtures as str.format templates; these are its own values.
_HA_TEMPLATE_VALUES = {
    "{name}": "Plex Server 1",
    "{machine_identifier}": "unique_id_123",
    "{user_id}": "1",
    "{first_server_enabled}": "1",
    "{second_server_enabled}": "1",
}


def capture(relative: str) -> bytes:
    """A capture's bytes, with Home Assistant's template placeholders filled in."""
    return read(CAPTURES / relative)


def spec_example(name: str) -> bytes:
    return (SPEC_EXAMPLES / name).read_bytes()


def read(path: Path) -> bytes:
    raw = path.read_bytes()
    if path.parent.name == "home-assistant-core":
        for placeholder, value in _HA_TEMPLATE_VALUES.items():
            raw = raw.replace(placeholder.encode(), value.encode())
    return raw


def capture_files() -> list[Path]:
    return sorted(p for p in CAPTURES.rglob("*") if p.is_file() and p.name != "INDEX.md")


def spec_example_files() -> list[Path]:
    return sorted(p for p in SPEC_EXAMPLES.glob("*.json") if p.name != "INDEX.json")


def relative(path: Path) -> str:
    return path.relative_to(DATA).as_posix()


# --- JSON → XML, the way PMS names its elements -----------------------------------------------

_DIRECTORY_TYPES = {"show", "season", "artist", "album", "photo", "photoalbum", "collection"}
_XML_NAME = re.compile(r"^[A-Za-z_][\w.\-]*$")


def json_to_xml(container: dict[str, Any]) -> bytes:
    """Render a MediaContainer dict (modern JSON shape) as PMS-style XML text."""
    root = ET.Element("MediaContainer")
    _fill(root, container)
    text: bytes = ET.tostring(root, encoding="utf-8")
    return text


def _element_name(list_key: str, entry: dict[str, Any]) -> str:
    if list_key != "Metadata":
        return list_key
    kind = entry.get("type")
    if kind == "track":
        return "Track"
    if kind == "playlist":
        return "Playlist"
    if kind == "photo" and not str(entry.get("key", "")).endswith("/children"):
        return "Photo"
    if kind in _DIRECTORY_TYPES:
        return "Directory"
    return "Video"  # what PMS uses for anything else it lists as metadata


def _fill(element: ET.Element, data: dict[str, Any]) -> None:
    for key, value in data.items():
        if not _XML_NAME.match(key) or value is None:
            continue
        if isinstance(value, list):
            for entry in value:
                if isinstance(entry, dict):
                    child = ET.SubElement(element, _element_name(key, entry))
                    _fill(child, entry)
        elif isinstance(value, dict):
            _fill(ET.SubElement(element, key), value)
        elif isinstance(value, bool):
            element.set(key, "1" if value else "0")
        else:
            element.set(key, str(value))


# --- XML → JSON with typed values, children keyed by element name ------------------------------


def xml_to_json(raw: bytes) -> dict[str, Any]:
    """An XML body as the JSON a server would send, in the "Video"-keyed dialect.

    Attribute values become ints/floats when they print back identically, like PMS's JSON.
    """
    root = ET.fromstring(raw)
    return {root.tag: _typed(root)}


def _typed(element: ET.Element) -> dict[str, Any]:
    out: dict[str, Any] = {name: _scalar(value) for name, value in element.attrib.items()}
    for child in element:
        out.setdefault(child.tag, []).append(_typed(child))
    return out


def _scalar(text: str) -> Any:
    try:
        number: Any = int(text)
        if str(number) == text:
            return number
    except ValueError:
        pass
    try:
        number = float(text)
        if repr(number) == text:
            return number
    except ValueError:
        pass
    return text
