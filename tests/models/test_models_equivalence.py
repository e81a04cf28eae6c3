"""JSON and XML bodies of the same data decode to equal models.

No capture exists in both dialects with the same content, so each side is produced from the
other by the test helpers' own converters (standard-library ElementTree, PMS's element names),
and a hand-written pair checks the typed JSON PMS sends against its XML.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from models_data import (
    DATA,
    capture,
    capture_files,
    json_to_xml,
    read,
    relative,
    spec_example_files,
    xml_to_json,
)

from plexkit.errors import ParseError
from plexkit.models import (
    Movie,
    Section,
    decode_body,
    hubs_from,
    parse_container,
    sections_from,
    sessions_from,
)


def _json_containers() -> list[Path]:
    found = []
    for path in capture_files() + spec_example_files():
        if path.suffix != ".json":
            continue
        document = json.loads(path.read_bytes())
        if isinstance(document, dict) and isinstance(document.get("MediaContainer"), dict):
            found.append(path)
    return found


def _xml_containers() -> list[Path]:
    found = []
    for path in capture_files():
        if path.suffix != ".xml":
            continue
        try:
            document = xml_to_json(read(path))
        except Exception:  # the malformed capture
            continue
        if "MediaContainer" in document:
            found.append(path)
    return found


JSON_CONTAINERS = _json_containers()
XML_CONTAINERS = _xml_containers()


def test_the_equivalence_corpus_is_large() -> None:
    assert len(JSON_CONTAINERS) > 200
    assert len(XML_CONTAINERS) > 50


@pytest.mark.parametrize("path", JSON_CONTAINERS, ids=relative)
def test_json_capture_and_its_xml_rendering_give_equal_models(path: Path) -> None:
    raw = read(path)
    as_xml = json_to_xml(decode_body(raw))
    assert parse_container(as_xml, "text/xml") == parse_container(raw, "application/json")


@pytest.mark.parametrize("path", XML_CONTAINERS, ids=relative)
def test_xml_capture_and_its_typed_json_give_equal_models(path: Path) -> None:
    raw = read(path)
    as_json = json.dumps(xml_to_json(raw)).encode()
    assert parse_container(as_json, "application/json") == parse_container(raw, "text/xml")


def test_models_really_differ_when_the_data_differs() -> None:
    """Guard against a vacuous equality: one changed attribute makes the models unequal."""
    raw = capture("home-assistant-core/media_1.xml")
    changed = raw.replace(b'year="2000"', b'year="2001"')
    assert parse_container(raw) != parse_container(changed)


def test_hand_written_json_sections_equal_their_xml() -> None:
    """library_sections.json is node-plex-api's library_sections.xml typed by hand as PMS does."""
    from_xml = sections_from(decode_body(capture("node-plex-api/library_sections.xml")))
    from_json = sections_from(decode_body((DATA / "pairs/library_sections.json").read_bytes()))
    assert from_json == from_xml
    assert [s.title for s in from_json] == ["Movies", "TV Shows", "Awesome Movies"]
    assert all(isinstance(s, Section) for s in from_json)


def test_hand_written_json_session_equals_its_xml() -> None:
    """session_base.json is Home Assistant's session_base.xml (user_id=1) typed by hand."""
    from_xml = sessions_from(decode_body(capture("home-assistant-core/session_base.xml")))
    from_json = sessions_from(decode_body((DATA / "pairs/session_base.json").read_bytes()))
    assert from_json == from_xml
    assert isinstance(from_json[0].item, Movie)
    assert from_json[0].player is not None and from_json[0].player.local is True


def test_search_hubs_json_directory_shows_are_items_like_xml_directories() -> None:
    """PMS's JSON lists a show hit under Directory, its XML as a <Directory>: both are items."""
    body = {
        "MediaContainer": {
            "size": 1,
            "Hub": [
                {
                    "type": "show",
                    "hubIdentifier": "show",
                    "size": 1,
                    "Directory": [{"ratingKey": "1389", "type": "show", "title": "The Simpsons"}],
                }
            ],
        }
    }
    xml = (
        b'<MediaContainer size="1"><Hub type="show" hubIdentifier="show" size="1">'
        b'<Directory ratingKey="1389" type="show" title="The Simpsons"/></Hub></MediaContainer>'
    )
    from_json = hubs_from(decode_body(json.dumps(body)))
    assert from_json == hubs_from(decode_body(xml))
    assert from_json[0].items[0].title == "The Simpsons"
    assert from_json[0].directories == ()


def test_an_xml_rendering_that_breaks_is_still_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_container(json_to_xml({"size": 1})[:-5])
