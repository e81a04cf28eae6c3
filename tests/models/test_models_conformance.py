"""Every recorded payload decodes: captures from public projects and Plex's own spec examples.

What "parses" means per kind of payload:

* PMS MediaContainers (JSON, XML, legacy ``_children`` JSON, "Video"-keyed JSON):
  `parse_container` returns a container whose items match the body's entries one to one.
* plex.tv / provider JSON objects (account, PIN, claim token, ...): `decode_body` returns
  the object unchanged (they are not MediaContainers; plexkit.auth reads them).
* plex.tv JSON arrays (resources, friends, features, webhooks) and the recorded websocket
  message list: `decode_document` returns the list; `parse_container` refuses them
  with a ParseError, since an array is not a container.
* ``fuzeman-plex.py/detail_malformed.xml``: ParseError.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

import pytest
from models_data import (
    MALFORMED,
    capture_files,
    read,
    relative,
    spec_example_files,
)

from plexkit.errors import ParseError
from plexkit.models import (
    ITEM_CLASSES,
    Item,
    MediaContainer,
    PhotoAlbum,
    UnknownItem,
    decode_body,
    decode_document,
    parse_container,
)

ALL_FILES = capture_files() + spec_example_files()
# Element names of items in PMS XML (a Directory is an item when it has a rating key).
ITEM_ELEMENTS = {"Video", "Track", "Photo", "Playlist"}


def test_the_corpus_is_complete() -> None:
    # INDEX.md's tables list 193 files (its "198" predates the removal of scrubbed files).
    assert len(capture_files()) == 193
    assert len(spec_example_files()) == 166


@pytest.mark.parametrize("path", ALL_FILES, ids=relative)
def test_every_payload_parses(path: Path) -> None:
    raw = read(path)
    if relative(path).endswith(MALFORMED):
        with pytest.raises(ParseError, match="malformed XML"):
            parse_container(raw)
        return
    if path.suffix == ".json" and isinstance(json.loads(raw), list):
        document = decode_document(raw, "application/json")
        assert document == json.loads(raw)
        with pytest.raises(ParseError, match="JSON array"):
            parse_container(raw)
        return
    container = parse_container(raw)
    assert isinstance(container, MediaContainer)
    if path.suffix == ".json":
        _check_json_items(raw, container)
    else:
        _check_xml_items(raw, container)


def _check_json_items(raw: bytes, container: MediaContainer) -> None:
    document = json.loads(raw)
    body = document.get("MediaContainer", document)
    found = body.get("Metadata", body.get("Video", [])) if isinstance(body, dict) else []
    entries: list[dict[str, object]] = [found] if isinstance(found, dict) else list(found or [])
    assert len(container.metadata) >= len(entries)
    for entry, item in zip(entries, container.metadata[: len(entries)], strict=True):
        _check_item(entry, item)


def _check_xml_items(raw: bytes, container: MediaContainer) -> None:
    root = ET.fromstring(raw)
    if root.tag != "MediaContainer":
        assert container.metadata == ()
        return
    entries = [child.attrib for child in root if _is_item_element(child)]
    for entry, item in zip(entries, container.metadata, strict=True):
        _check_item(entry, item)


def _is_item_element(element: ET.Element) -> bool:
    """The documented rule: item elements, and Directories that are items, not sections."""
    if element.tag in ITEM_ELEMENTS:
        return True
    attrib = element.attrib
    return element.tag == "Directory" and (
        "ratingKey" in attrib
        or (attrib.get("type") in ITEM_CLASSES and not {"agent", "scanner"} & attrib.keys())
    )


def _check_item(entry: Mapping[str, object], item: Item) -> None:
    """The item's class follows the entry's type; its key and title are the entry's."""
    kind = entry.get("type")
    if "ratingKey" in entry and isinstance(kind, str) and kind in ITEM_CLASSES:
        expected = ITEM_CLASSES[kind]
        if kind == "photo" and str(entry.get("key", "")).endswith("/children"):
            expected = PhotoAlbum
        assert type(item) is expected
        assert item.rating_key == str(entry["ratingKey"])
    else:
        assert isinstance(item, UnknownItem)
        assert {k: v for k, v in item.raw.items() if k in entry} == entry
    assert item.title == (str(entry["title"]) if "title" in entry else "")


PLEXTV_OBJECTS = [
    "plex-api.rs/myplex/api/v2/user/user_info_free.json",
    "plex-api.rs/myplex/api/v2/pins_new.json",
    "plex-api.rs/myplex/api/claim/token.json",
    "plex-api-spec/users/post-sign-in.spec.ts.response1.json",
]


@pytest.mark.parametrize("name", PLEXTV_OBJECTS)
def test_plextv_objects_decode_unchanged(name: str) -> None:
    raw = read(Path(__file__).resolve().parent.parent / "data" / "captures" / name)
    assert decode_body(raw, "application/json") == json.loads(raw)


def test_plextv_xml_elements_keep_their_text() -> None:
    raw = read(
        Path(__file__).resolve().parent.parent / "data/captures/node-plex-api/users/sign_in.xml"
    )
    data = decode_body(raw)
    assert data["username"] == "foo"  # the attribute wins over the <username> element
    assert data["entitlements"] == [{"all": "0"}]
    assert data["joined-at"] == [{"type": "datetime", "text": "2010-01-01 22:51:56 UTC"}]
    assert data["email"] == "user@example.com"
    assert data["authentication-token"] == [{"text": "abc-pretend-to-be-token"}]


def test_legacy_children_json_becomes_the_modern_shape() -> None:
    raw = read(Path(__file__).resolve().parent.parent / "data/captures/node-plex-api/root.json")
    data = decode_body(raw)
    assert "_children" not in data and "_elementType" not in data
    assert data["friendlyName"] == "iMac"
    assert [d["key"] for d in data["Directory"]][:3] == ["butler", "channels", "clients"]
