"""The item-type numbers exist once and match Plex's spec; filter choices stay directories."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from plexkit._core import endpoints
from plexkit.models import ITEM_CLASSES, Directory, parse_container
from plexkit.models.item_types import (
    ITEM_TYPES,
    MODELLED_TYPES,
    PLAYLIST_TYPES,
    item_type_number,
)
from plexkit.testing import wire

SPEC = Path("/work/shared/plex-reference/spec/pms-openapi-1.2.2.json")


def spec_types() -> dict[str, int]:
    text = json.loads(SPEC.read_text())["info"]["description"]
    table = text.split("### List of Metadata Types", 1)[1].split("\n\n", 2)[1]
    return {name: int(number) for name, number in re.findall(r"\| `(\w+)` \| (\d+) \|", table)}


@pytest.mark.skipif(not SPEC.exists(), reason="Plex's OpenAPI spec is not on this machine")
def test_the_table_is_the_specs_list() -> None:
    assert dict(ITEM_TYPES) == spec_types()


def test_one_table_feeds_client_decoder_and_fake() -> None:
    assert endpoints.ITEM_TYPES is ITEM_TYPES
    assert dict(ITEM_TYPES) == wire.TYPE_NUMBERS
    assert set(ITEM_CLASSES) == MODELLED_TYPES <= set(ITEM_TYPES)
    assert set(PLAYLIST_TYPES) <= MODELLED_TYPES
    assert (item_type_number("clip"), item_type_number("photo")) == (12, 13)
    assert item_type_number("photoalbum") == 14
    spec = endpoints.library_items("3", type="photo")
    assert spec.params["type"] == "13"


def test_filter_choices_of_an_item_type_stay_directories() -> None:
    xml = (
        b'<MediaContainer size="2" title2="By collection">'
        b'<Directory fastKey="/library/sections/1/all?collection=1187" key="1187" '
        b'title="Back to the Future Collection" type="collection"/>'
        b'<Directory fastKey="/library/sections/1/all?genre=5" key="5" title="Drama" '
        b'type="genre"/></MediaContainer>'
    )
    container = parse_container(xml, "application/xml")
    assert container.metadata == ()
    assert [d.title for d in container.directories] == ["Back to the Future Collection", "Drama"]
    assert all(isinstance(d, Directory) for d in container.directories)
    as_json = json.dumps(
        {
            "MediaContainer": {
                "size": 1,
                "Directory": [{"fastKey": "/x?collection=1", "key": "1", "type": "collection"}],
            }
        }
    ).encode()
    assert parse_container(as_json, "application/json").directories[0].key == "1"
