"""A hub says how many items it shows (``size``), how many it has (``totalSize``) and whether
there are more (``more``): read from the spec's on-deck example and the Home Assistant hub
capture, in JSON and in XML alike."""

from __future__ import annotations

import json

from models_data import capture, json_to_xml, spec_example

from plexkit.models import decode_body, hubs_from


def test_on_deck_hub_has_its_total_size_in_json_and_xml() -> None:
    raw = spec_example("libraryMetadataGetRelated__200__onDeck.json")
    (hub,) = hubs_from(decode_body(raw))
    assert (hub.size, hub.total_size, hub.more) == (1, 8, True)
    assert hub.hub_identifier == "home.onDeck"
    as_xml = json_to_xml(json.loads(raw)["MediaContainer"])
    assert b'totalSize="8"' in as_xml
    assert hubs_from(decode_body(as_xml)) == (hub,)
    assert "total_size=8" in repr(hub)
    assert hub.to_dict(camel=True)["totalSize"] == 8


def test_a_hub_without_total_size_leaves_it_unset() -> None:
    hubs = hubs_from(decode_body(capture("home-assistant-core/hubs.xml")))
    assert hubs and all(hub.total_size is None for hub in hubs)
    assert any(hub.more for hub in hubs) and not all(hub.more for hub in hubs)
