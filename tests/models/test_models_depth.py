"""The nesting limit read off JSON bytes agrees with walking the decoded document."""

from __future__ import annotations

import json

import pytest

from plexkit.errors import ParseError
from plexkit.models import decode_document
from plexkit.models._depth import json_nesting_within, nesting_within

TRICKY = ['a"b', "[[[{{", "\\", '\\"', "]]}}", "x\\\\", '\\\\"[', "é{"]


def _nested(levels: int, text: str) -> object:
    value: object = text
    for n in range(levels):
        value = [value] if n % 2 else {text: value}
    return value


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("levels", [0, 1, 2, 5, 46, 47, 48, 60])
def test_bytes_and_walk_agree_whatever_the_strings_hold(levels: int, text: str) -> None:
    body = json.dumps(_nested(levels, text)).encode()
    for limit in range(max(levels - 1, 0), levels + 2):
        assert json_nesting_within(body, limit) is (levels <= limit)
    assert nesting_within(json.loads(body), levels + 1)
    assert not nesting_within(json.loads(body), levels)


@pytest.mark.parametrize("as_text", [False, True])
def test_documents_deeper_than_plex_bodies_are_refused(as_text: bool) -> None:
    ok = json.dumps(_nested(47, "[x]"))
    deep = json.dumps(_nested(49, "[x]"))
    assert decode_document(ok if as_text else ok.encode())
    with pytest.raises(ParseError, match="nested more than 48 levels"):
        decode_document(deep if as_text else deep.encode())
