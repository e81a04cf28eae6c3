"""Bad bodies: every failure is a ParseError with a short, token-free excerpt; odd fields in an
otherwise sound body are read leniently (documented in docs/models.md)."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plexkit.errors import ParseError
from plexkit.models import (
    Movie,
    Section,
    Tag,
    UnknownItem,
    activities_from,
    decode_body,
    decode_document,
    history_from,
    hubs_from,
    identity_from,
    items_from,
    paging_from,
    parse_container,
    sections_from,
    server_info_from,
    sessions_from,
    structure,
)

TOKEN = "abcdef123456"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<MediaContainer size="1" title1="&lol9;"/>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE MediaContainer [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<MediaContainer size="1" title1="&secret;"/>"""

HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n"
    b"<!-- /library/sections?X-Plex-Token=" + TOKEN.encode() + b" -->\r\n"
    b"<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)

BAD_BODIES: dict[str, tuple[bytes | str, str]] = {
    "empty": (b"", "empty body"),
    "whitespace": (b"  \r\n\t ", "empty body"),
    "empty str": ("", "empty body"),
    "malformed JSON": (
        b'{"MediaContainer": {"authToken": "' + TOKEN.encode() + b'", "size": 1,,}}',
        "malformed JSON",
    ),
    "truncated JSON": (
        b'{"MediaContainer": {"size": 1, "Metadata": [{"ratingKey": "1", "title": "X-Plex-Token='
        + TOKEN.encode(),
        "malformed JSON",
    ),
    "truncated XML": (
        b'<MediaContainer size="1"><Video ratingKey="1" key="/x?X-Plex-Token=' + TOKEN.encode(),
        "malformed XML",
    ),
    "XML with a token attribute, truncated": (
        b'<MediaContainer size="1" authenticationToken="' + TOKEN.encode() + b'"><Video',
        "malformed XML",
    ),
    "billion laughs": (BILLION_LAUGHS, "unsafe XML refused"),
    "external entity": (EXTERNAL_ENTITY, "unsafe XML refused"),
    "HTML 502 page": (HTML_502, "HTML page"),
    "HTML doctype": (b"<!DOCTYPE html><html><body>Plex</body></html>", "HTML page"),
    "plain text": (b"Bad Gateway X-Plex-Token=" + TOKEN.encode(), "neither JSON nor XML"),
    "JSON array": (b"[1, 2, 3]", "JSON array"),
    "JSON number": (b"42", "neither JSON nor XML"),
    "JSON string": (b'"hello"', "neither JSON nor XML"),
    "JSON null": (b"null", "neither JSON nor XML"),
    "MediaContainer not an object": (b'{"MediaContainer": "oops"}', "not an object"),
    "not UTF-8": (b'{"MediaContainer": {"title1": "\xff\xfe\xfa"}}', "malformed JSON"),
}


@pytest.mark.parametrize("case", list(BAD_BODIES))
def test_bad_bodies_raise_parse_error_without_the_token(case: str) -> None:
    raw, message = BAD_BODIES[case]
    for reader in (decode_body, parse_container):
        with pytest.raises(ParseError, match=message) as caught:
            reader(raw, "application/json")
        assert TOKEN not in str(caught.value)
        assert TOKEN not in caught.value.excerpt
        assert len(caught.value.excerpt) <= 160


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        b"<a>" * 50_000 + b"</a>" * 50_000,
        b"<MediaContainer>"
        + b"<Directory>" * 5_000
        + b"</Directory>" * 5_000
        + b"</MediaContainer>",
    ],
    ids=["deep JSON array", "deep JSON object", "deep XML", "deep XML container"],
)
def test_deep_nesting_never_escapes_as_another_error(raw: bytes) -> None:
    with contextlib.suppress(ParseError):
        parse_container(raw)


def test_a_registered_secret_is_scrubbed_even_without_a_name() -> None:
    from plexkit._redact import register_secret

    bare = "zyxw98765token"
    register_secret(bare)
    with pytest.raises(ParseError) as caught:
        decode_body(f'"{bare}"')
    assert bare not in str(caught.value)


def test_excerpt_shows_the_start_of_the_body_redacted() -> None:
    with pytest.raises(ParseError) as caught:
        decode_body(HTML_502, "text/html")
    assert "502 Bad Gateway" in caught.value.excerpt
    assert "(declared text/html)" in str(caught.value)


def test_a_secret_cut_by_the_excerpt_does_not_leak() -> None:
    """The body is redacted before it is shortened: a cut cannot free half a token."""
    padding = "x" * 140
    raw = '{"MediaContainer": {"a": "' + padding + '", "authToken": "' + TOKEN + '"'
    with pytest.raises(ParseError) as caught:
        decode_body(raw)
    assert TOKEN[:4] not in caught.value.excerpt.replace(padding, "")


def test_content_type_is_only_a_hint() -> None:
    xml = b'<MediaContainer size="1" title1="Movies"/>'
    js = b'{"MediaContainer": {"size": 1, "title1": "Movies"}}'
    assert decode_body(xml, "application/json") == {"size": "1", "title1": "Movies"}
    assert decode_body(js, "text/xml") == {"size": 1, "title1": "Movies"}
    assert parse_container(xml).title1 == parse_container(js, None).title1 == "Movies"


def test_byte_order_marks_and_str_bodies_are_fine() -> None:
    assert decode_body(b"\xef\xbb\xbf" + b'{"MediaContainer": {"size": 2}}') == {"size": 2}
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer size="2" title1="Télé"/>'
    assert decode_body(xml) == {"size": "2", "title1": "Télé"}
    assert decode_body(xml.encode("utf-8")) == {"size": "2", "title1": "Télé"}
    latin1 = '<?xml version="1.0" encoding="ISO-8859-1"?><MediaContainer title1="Télé"/>'
    assert decode_body(latin1.encode("latin-1")) == {"title1": "Télé"}


def test_plextv_arrays_are_documents_not_containers() -> None:
    assert decode_document(b'[{"name": "Box"}]') == [{"name": "Box"}]
    with pytest.raises(ParseError):
        decode_document(b"3.5")


def _movie(**fields: Any) -> dict[str, Any]:
    return {
        "ratingKey": "7",
        "key": "/library/metadata/7",
        "type": "movie",
        "title": "Seven",
        **fields,
    }


def _one(entry: Any) -> Any:
    (item,) = items_from({"Metadata": [entry]})
    return item


def test_unreadable_scalars_become_none() -> None:
    movie = _one(
        _movie(
            year="abc",
            addedAt="garbage",
            updatedAt=10**30,
            lastViewedAt=float("nan"),
            rating="9,5",
            originallyAvailableAt="someday",
            viewCount=[1],
            summary={"oops": 1},
        )
    )
    assert isinstance(movie, Movie)
    assert movie.year is None
    assert movie.added_at is None
    assert movie.updated_at is None
    assert movie.last_viewed_at is None
    assert movie.rating is None
    assert movie.originally_available_at is None
    assert movie.view_count is None
    assert movie.summary is None


def test_plex_spellings_of_numbers_booleans_and_times() -> None:
    movie = _one(
        _movie(
            ratingKey=7,
            year="1999",
            duration="120000.0",
            rating="7.5",
            addedAt="1377829261",
            updatedAt=1377829261.5,
            lastViewedAt="2013-08-30T02:21:01Z",
            originallyAvailableAt="1999-03-31 00:00:00",
            Media=[
                {
                    "optimizedForStreaming": "0",
                    "selected": "true",
                    "has64bitOffsets": 1,
                    "Part": [{"exists": "False", "accessible": 0}],
                }
            ],
        )
    )
    assert isinstance(movie, Movie)
    assert movie.rating_key == "7"
    assert (movie.year, movie.duration, movie.rating) == (1999, 120000, 7.5)
    moment = datetime(2013, 8, 30, 2, 21, 1, tzinfo=timezone.utc)
    assert movie.added_at == moment
    assert movie.last_viewed_at == moment
    assert movie.updated_at is not None and movie.updated_at.microsecond == 500000
    assert movie.originally_available_at is not None
    assert movie.originally_available_at.isoformat() == "1999-03-31"
    media = movie.media[0]
    assert (media.optimized_for_streaming, media.selected, media.has_64bit_offsets) == (
        False,
        True,
        True,
    )
    assert (media.parts[0].exists, media.parts[0].accessible) == (False, False)


def test_odd_child_lists_are_read_leniently() -> None:
    movie = _one(
        _movie(
            Media="oops",
            Genre={"tag": "Solo"},
            Role=[1, "x", None, {"tag": "Real Actor"}, ["nested"]],
            Guid=None,
        )
    )
    assert isinstance(movie, Movie)
    assert movie.media == ()
    assert movie.genres == (Tag(tag="Solo"),)
    assert movie.roles == (Tag(tag="Real Actor"),)
    assert movie.guids == ()


def test_items_that_cannot_be_typed_become_unknown_items() -> None:
    entries = [
        {"ratingKey": "1", "type": "podcastEpisode", "title": "New kind"},
        {"type": "movie", "title": "No rating key"},
        {"ratingKey": "3", "title": "No type"},
        {"ratingKey": "4", "type": ["movie"], "title": "Odd type"},
        {"ratingKey": "5", "type": "movie", "title": "No key"},
        {"ratingKey": "6", "type": "movie", "key": "/library/metadata/6"},
        "not an object",
        _movie(),
    ]
    items = items_from({"Metadata": entries})
    # rating key, key, title and type are always sent on real items: without one, unknown
    assert [type(i) for i in items] == [UnknownItem] * 6 + [Movie]
    first = items[0]
    assert isinstance(first, UnknownItem)
    assert (first.type, first.rating_key, first.title) == ("podcastEpisode", "1", "New kind")
    assert first.raw == entries[0]


@pytest.mark.parametrize(
    "reader",
    [
        items_from,
        sections_from,
        hubs_from,
        sessions_from,
        history_from,
        activities_from,
        server_info_from,
        identity_from,
        paging_from,
    ],
)
@pytest.mark.parametrize("data", [None, [], "MediaContainer", 3])
def test_readers_refuse_non_objects(reader: Any, data: Any) -> None:
    with pytest.raises(ParseError):
        reader(data)


@pytest.mark.parametrize(
    ("reader", "key"),
    [
        (items_from, "Metadata"),
        (sections_from, "Directory"),
        (hubs_from, "Hub"),
        (sessions_from, "Metadata"),
        (history_from, "Metadata"),
        (activities_from, "Activity"),
    ],
)
def test_readers_refuse_a_child_list_that_is_not_a_list(reader: Any, key: str) -> None:
    with pytest.raises(ParseError, match=f"{key} is not a list"):
        reader({key: "oops"})
    with pytest.raises(ParseError, match=f"{key} is not a list"):
        reader(decode_body(json.dumps({"MediaContainer": {key: 5}})))
    if key != "Activity":  # a MediaContainer has no activity children
        with pytest.raises(ParseError, match=f"{key} is not a list"):
            parse_container(json.dumps({"MediaContainer": {key: 5}}))


def test_structurally_broken_entries_are_parse_errors_not_key_errors() -> None:
    with pytest.raises(ParseError, match="section list"):
        sections_from({"Directory": [{"title": "No key", "X-Plex-Token": TOKEN}]})
    with pytest.raises(ParseError, match="activity list"):
        activities_from({"Activity": [{"title": "no uuid"}]})
    with pytest.raises(ParseError, match="Section"):
        structure({"title": "No key"}, Section)
    with pytest.raises(ParseError):
        structure("not a mapping", Movie)  # type: ignore[arg-type]


def test_paging_is_lenient_about_types() -> None:
    assert paging_from({"offset": "50", "totalSize": "1234"}) == (50, 1234)
    assert paging_from({"size": 0}) == (None, None)
    assert paging_from({"offset": "x", "totalSize": None}) == (None, None)


# --- property tests: whatever the bytes, only ParseError escapes ------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=25,
)
WIRE_KEYS = st.sampled_from(
    ["type", "ratingKey", "title", "year", "addedAt", "Media", "Part", "Stream", "Genre",
     "Directory", "Metadata", "Hub", "Location", "key", "User", "Player", "refreshing", "uuid"]
)  # fmt: skip
wire_dicts = st.recursive(
    st.dictionaries(WIRE_KEYS, json_values, max_size=6),
    lambda inner: st.dictionaries(WIRE_KEYS, inner | st.lists(inner, max_size=3), max_size=6),
    max_leaves=20,
)


@settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_random_bytes_only_ever_raise_parse_error(raw: bytes | str) -> None:
    with contextlib.suppress(ParseError):
        parse_container(raw)


@settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(wire_dicts)
def test_random_container_contents_only_ever_raise_parse_error(container: dict[str, Any]) -> None:
    body = json.dumps({"MediaContainer": container})
    with contextlib.suppress(ParseError):
        parse_container(body)
    data = decode_body(body)
    for reader in (items_from, sections_from, hubs_from, sessions_from, history_from,
                   activities_from, server_info_from, identity_from, paging_from):  # fmt: skip
        with contextlib.suppress(ParseError):
            reader(data)
