"""How deeply a decoded body nests, checked without visiting every value.

Real Plex bodies nest fewer than 10 levels; `decode_document` refuses deeper ones. Walking
the decoded tree in Python visits every value (tens of thousands per 500-movie page, about as
long as decoding it); for JSON text the same bound is read off the raw bytes with a few
C-level passes instead: escapes and strings are dropped, leaving only the brackets, and
rounds of removing the innermost empty pairs take the levels off (one or two a round with
plain replaces, exactly one with a regex, used only where the quick rounds cannot decide).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["json_nesting_within", "nesting_within"]

# Every byte but the quote and the four brackets, deleted by one ``translate``.
_NOT_STRUCTURE: Final = bytes(b for b in range(256) if b not in b'"[]{}')
_INNERMOST: Final = re.compile(rb"\{\}|\[\]")


def json_nesting_within(body: bytes, limit: int) -> bool:
    """Whether valid JSON ``body`` nests at most ``limit`` objects/arrays inside each other."""
    if len(body) <= limit:
        return True
    # An escaped backslash first, so that ``\\"`` stays a closing quote; then escaped quotes.
    text = body.replace(b"\\\\", b"").replace(b'\\"', b"") if b"\\" in body else body
    shape = text.translate(None, _NOT_STRUCTURE)
    # Dropping adjacent quotes keeps the rest paired; what remains are strings that hold
    # brackets, whose insides go too.
    shape = shape.replace(b'""', b"")
    if b'"' in shape:
        shape = b"".join(shape.split(b'"')[::2])
    # Quick rounds first: two plain replaces take one or two levels off per round, so a shape
    # gone within ``rounds`` is at most ``2 * rounds`` deep (every real body, in a few rounds).
    quick = shape
    for rounds in range(1, limit // 2 + 1):
        quick = quick.replace(b"{}", b"").replace(b"[]", b"")
        if not quick:
            return 2 * rounds <= limit or _exact_within(shape, limit)
    return _exact_within(shape, limit)


def _exact_within(shape: bytes, limit: int) -> bool:
    """Brackets only: each regex round removes exactly the innermost level."""
    for _ in range(limit):
        if not shape:
            return True
        shape = _INNERMOST.sub(b"", shape)
    return not shape


def nesting_within(data: object, limit: int) -> bool:
    """Whether JSON-shaped ``data`` holds no value more than ``limit`` levels deep (the
    root is level 1), walked iteratively: for bodies that were not JSON text."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)
    return True
