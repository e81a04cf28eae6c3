"""Bytes to dicts: JSON and XML bodies decoded into one JSON-shaped dict, safely.

PMS answers in JSON or XML (and, before ~2016, a ``_children`` JSON dialect); plex.tv adds
bare JSON objects and arrays. Everything here produces the modern JSON shape so that one set of
models reads all of them:

* XML attributes become string values (the converter coerces them) and child elements become
  lists under their element name (``"Media": [...]``, ``"Genre": [...]``). The text of a
  childless element (plex.tv's ``<email>x</email>``) is kept under ``"text"``; where an
  attribute and a child element share a name, the attribute is kept.
* Item elements (``Video``, ``Track``, ``Photo``, ``Playlist``, and a ``Directory`` that is a
  show/season/album/... rather than a section or a navigation entry) are listed under
  ``"Metadata"``, as in PMS's JSON.
* XML goes through `defusedxml` with DTDs forbidden: entity expansion ("billion laughs"),
  external entities and DTD tricks are refused with `ParseError`.

Any failure is a ``ParseError`` whose excerpt is short and token-free.
"""

from __future__ import annotations

import importlib
import itertools
import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from plexkit._gc_pause import gc_paused
from plexkit._redact import redact_text
from plexkit.errors import ParseError
from plexkit.models._depth import json_nesting_within, nesting_within
from plexkit.models.item_types import MODELLED_TYPES

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = [
    "ENTRY_LEVEL",
    "decode_body",
    "decode_document",
    "decode_page",
    "excerpt",
    "normalise_container",
    "refuse_deep_part",
]

_EXCERPT_CHARS: Final = 160
# Redact a generous window before cutting, so a cut can never split a secret out of reach.
_REDACT_WINDOW: Final = 4096
_BOM: Final = "\ufeff"
# Real Plex bodies nest fewer than 10 levels; deeper input is refused before models see it.
_MAX_DEPTH: Final = 48
#: The level of a listing's entry in its body: the root, ``MediaContainer``, ``Metadata``, it.
ENTRY_LEVEL: Final = 4
_ORJSON_SAFE_FROM: Final = (3, 9, 15)

#: Element names of library items; PMS's JSON lists all of them under ``Metadata``.
_ITEM_ELEMENTS: Final = frozenset({"Video", "Track", "Photo", "Playlist", "Metadata"})
# Elements whose ``Directory`` children can be items (elsewhere a Directory is navigation).
_ITEM_PARENTS: Final = frozenset({"MediaContainer", "Hub", "OnDeck"})
# Keys that only appear in bodies that need normalising (XML-named JSON, hub directories).
_RENAMED_KEYS: Final = frozenset({"Video", "Track", "Photo", "Playlist", "Directory"})


def _json_loader() -> Callable[[bytes | str], Any]:
    """orjson when a safe version is installed (about twice as fast), else the standard library.

    orjson before 3.9.15 crashes the interpreter on deeply nested input (CVE-2024-27454), so
    older versions are not used: a hostile body must end in a ParseError, not a segfault.
    """
    try:
        module = importlib.import_module("orjson")
    except ImportError:
        return json.loads
    if _version(getattr(module, "__version__", "0")) < _ORJSON_SAFE_FROM:
        return json.loads
    fast: Callable[[bytes | str], Any] = module.loads
    return fast


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split(".")[:3]:
        digits = "".join(itertools.takewhile(str.isdigit, part))
        parts.append(int(digits or 0))
    return tuple(parts)


_fast_json_loads: Final = _json_loader()


def excerpt(raw: bytes | str | object) -> str:
    """A short, single-line, redacted start of a body (or of any value) for error messages."""
    if isinstance(raw, bytes):
        text = raw[:_REDACT_WINDOW].decode("utf-8", errors="replace")
    elif isinstance(raw, str):
        text = raw[:_REDACT_WINDOW]
    else:
        try:
            text = json.dumps(raw, default=str)[:_REDACT_WINDOW]
        except (TypeError, ValueError, RecursionError):
            text = type(raw).__name__
    text = " ".join(redact_text(text).split())
    return text if len(text) <= _EXCERPT_CHARS else text[: _EXCERPT_CHARS - 1] + "…"


def decode_document(
    raw: bytes | str, content_type: str | None = None
) -> dict[str, Any] | list[Any]:
    """Decode any Plex or plex.tv body (JSON object/array or XML) into JSON-shaped data.

    The format is sniffed from the body itself, so a wrong or missing ``Content-Type`` does
    not matter; ``content_type`` only makes error messages clearer. An XML document becomes
    the dict of its root element; a JSON document is returned as decoded (legacy
    ``_children`` JSON is rewritten into the modern shape). Whatever the input, the only
    error is `ParseError`; documents nested deeper than real Plex bodies are refused.
    """
    data: dict[str, Any] | list[Any] = _guarded(_decode_document, raw, content_type)
    return data


def _guarded(decode: Callable[..., Any], raw: object, *args: Any) -> Any:
    """Run a decoding step so that only ParseError leaves it, whatever the input."""
    try:
        return decode(raw, *args)
    except ParseError:
        raise
    except Exception as exc:
        reason = redact_text(str(exc))[:200]
        raise ParseError(
            f"unreadable body: {type(exc).__name__}: {reason}", excerpt=excerpt(raw)
        ) from None


def _refuse_deep(deep: bool, raw: object, what: str = "") -> None:
    """Refuse a document nested deeper than ``_MAX_DEPTH`` levels (the root is level 1)."""
    if deep:
        raise ParseError(
            f"{what}nested more than {_MAX_DEPTH} levels deep; not a Plex body",
            excerpt=excerpt(raw),
        )


def refuse_deep_part(value: object, level: int, what: str) -> None:
    """Refuse ``value``, found at ``level`` of a body, if it nests past ``_MAX_DEPTH`` there:
    the check `decode_page` leaves to the readers, for the parts they keep or build deeply."""
    _refuse_deep(not nesting_within(value, _MAX_DEPTH - level + 1), value, f"{what} ")


def _decode_document(
    raw: bytes | str, content_type: str | None = None, check_json_depth: bool = True
) -> dict[str, Any] | list[Any]:
    if not isinstance(raw, (bytes, bytearray, memoryview, str)):
        raise ParseError(f"expected bytes or str, got {type(raw).__name__}")
    body: bytes | str = bytes(raw) if isinstance(raw, (bytearray, memoryview)) else raw
    first = _first_char(body)
    declared = f" (declared {content_type.split(';')[0].strip()})" if content_type else ""
    if first == "":
        raise ParseError(f"empty body{declared}")
    if first in "{[":
        with gc_paused():
            data = _decode_json(body, declared)
        # JSON text: read the depth off the bytes (values at level N sit in N - 1 brackets).
        if not check_json_depth:
            return data
        if isinstance(body, bytes):
            _refuse_deep(not json_nesting_within(body, _MAX_DEPTH - 1), body)
        else:
            _refuse_deep(not nesting_within(data, _MAX_DEPTH), body)
        return data
    if first == "<":
        if _looks_like_html(body):
            raise ParseError(f"an HTML page, not a Plex body{declared}", excerpt=excerpt(body))
        with gc_paused():
            document = _decode_xml(body, declared)
        _refuse_deep(not nesting_within(document, _MAX_DEPTH), body)
        return document
    raise ParseError(f"neither JSON nor XML{declared}", excerpt=excerpt(body))


def decode_body(raw: bytes | str, content_type: str | None = None) -> dict[str, Any]:
    """Decode a PMS body into its MediaContainer dict, in JSON shape also for XML.

    ``{"MediaContainer": {...}}`` gives the inner dict; so does any other single-key wrapper
    such as ``{"NotificationContainer": {...}}``. A plex.tv JSON object without a wrapper is
    returned as is, an XML document as the dict of its root element. JSON arrays (plex.tv
    lists such as resources or friends) are not containers: use `decode_document`.
    """
    return _container(decode_document(raw, content_type), raw)


def decode_page(raw: bytes | str, content_type: str | None = None) -> dict[str, Any]:
    """`decode_body` for a page that only plexkit's model readers read (items, history),
    without the depth check of JSON as a whole: a third of decoding a 500-movie page
    (18M of 55M instructions).

    Those readers take known keys through converters that never recurse, and check the only
    parts they keep or build deeply themselves (an unknown item's ``raw``, an item's
    ``Extras``: `refuse_deep_part`), so a deep value elsewhere never reaches a caller. A
    separate entry, not a flag of `decode_body`, so that a dict handed to callers or shared
    (``plex.raw``, the cache's memo) cannot skip the check by a passed argument. XML keeps
    its check: rare, and small beside parsing XML.
    """
    data: dict[str, Any] | list[Any] = _guarded(_decode_document, raw, content_type, False)
    return _container(data, raw)


def _container(data: dict[str, Any] | list[Any], raw: bytes | str) -> dict[str, Any]:
    """The MediaContainer dict of a decoded body (see `decode_body`)."""
    if not isinstance(data, dict):
        raise ParseError("a JSON array, not a MediaContainer object", excerpt=excerpt(raw))
    if len(data) == 1:
        ((name, inner),) = data.items()
        if isinstance(inner, dict) and name[:1].isupper():
            data = inner
        elif name == "MediaContainer":
            raise ParseError("MediaContainer is not an object", excerpt=excerpt(raw))
    normalised: dict[str, Any] = _guarded(normalise_container, data)
    return normalised


def normalise_container(data: dict[str, Any]) -> dict[str, Any]:
    """Move item entries of XML-named JSON (``"Video"``, ``"Directory"`` shows) to ``Metadata``.

    Modern JSON needs nothing and is returned untouched after a quick key check; hubs are
    normalised too, since search hubs list shows under ``Directory``.
    """
    if not _RENAMED_KEYS.isdisjoint(data):
        data = _regroup(data)
    hubs = data.get("Hub")
    if isinstance(hubs, list) and any(
        isinstance(hub, dict) and not _RENAMED_KEYS.isdisjoint(hub) for hub in hubs
    ):
        data = dict(data)
        data["Hub"] = [
            _regroup(hub) if isinstance(hub, dict) and not _RENAMED_KEYS.isdisjoint(hub) else hub
            for hub in hubs
        ]
    return data


def _regroup(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    items: list[Any] = []
    for name, value in data.items():
        if not isinstance(value, (list, dict)):
            out[name] = value  # not children at all: leave it for the readers to refuse
        elif name in _ITEM_ELEMENTS:
            items.extend(_as_list(value))
        elif name == "Directory":
            kept: list[Any] = []
            for entry in _as_list(value):
                (items if isinstance(entry, dict) and _is_item(entry) else kept).append(entry)
            if kept:
                out["Directory"] = kept
        else:
            out[name] = value
    if items:
        out["Metadata"] = items
    return out


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _is_item(attrs: Mapping[str, Any]) -> bool:
    """A Directory that is a library item (show, season, album, ...), not a section or link."""
    if "ratingKey" in attrs:
        return True
    if "fastKey" in attrs:
        return False  # a filter choice (``/library/sections/1/collection``), typed or not
    kind = attrs.get("type")
    return (
        isinstance(kind, str)
        and kind in MODELLED_TYPES
        and "agent" not in attrs
        and "scanner" not in attrs
    )


def _first_char(body: bytes | str) -> str:
    """The first character that is not whitespace or a byte-order mark ("" if none)."""
    if isinstance(body, bytes):
        stripped = body.lstrip()
        if stripped.startswith(b"\xef\xbb\xbf"):
            stripped = stripped[3:].lstrip()
        return stripped[:1].decode("latin-1")
    return body.lstrip().lstrip(_BOM).lstrip()[:1]


def _looks_like_html(body: bytes | str) -> bool:
    head = body[:512]
    text = head.decode("latin-1") if isinstance(head, bytes) else head
    lowered = text.lower()
    return "<!doctype html" in lowered or "<html" in lowered


def _decode_json(body: bytes | str, declared: str) -> dict[str, Any] | list[Any]:
    try:
        data = _fast_json_loads(body)
    except (ValueError, TypeError, RecursionError):
        # orjson is stricter than the standard library (NaN, huge integers): ask it too.
        try:
            data = json.loads(body)
        except (ValueError, TypeError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
            raise ParseError(f"malformed JSON{declared}: {reason}", excerpt=excerpt(body)) from None
    if isinstance(data, dict):
        if "_elementType" in data:
            return _legacy_node(data)
        return data
    if isinstance(data, list):
        return data
    raise ParseError(
        f"JSON {type(data).__name__} is not an object{declared}", excerpt=excerpt(body)
    )


def _decode_xml(body: bytes | str, declared: str) -> dict[str, Any]:
    """An XML body through defusedxml (imported here: most clients only ever read JSON)."""
    from xml.etree.ElementTree import ParseError as XMLSyntaxError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring as _xml_fromstring

    try:
        root = _xml_fromstring(body, forbid_dtd=True)
        return _element(root, None)
    except DefusedXmlException as exc:
        reason = type(exc).__name__
        raise ParseError(f"unsafe XML refused{declared}: {reason}", excerpt=excerpt(body)) from None
    except XMLSyntaxError as exc:
        raise ParseError(f"malformed XML{declared}: {exc}", excerpt=excerpt(body)) from None
    except (ValueError, LookupError, RecursionError) as exc:
        reason = type(exc).__name__
        raise ParseError(f"unreadable XML{declared}: {reason}", excerpt=excerpt(body)) from None


def _element(element: Element, parent: str | None) -> dict[str, Any]:
    """An XML element as a JSON-shaped dict: attributes, then children grouped by name."""
    out: dict[str, Any] = dict(element.attrib)
    tag = element.tag
    for node in element:
        name = _child_name(node.tag, node.attrib, tag)
        child = _element(node, tag)
        bucket = out.get(name)
        if isinstance(bucket, list):
            bucket.append(child)
        elif bucket is None:
            out[name] = [child]
        # else: an attribute of that name was there first; attributes win
    text = element.text
    if text and len(element) == 0 and text.strip():  # plex.tv's <username>foo</username>
        out.setdefault("text", text.strip())
    return out


def _child_name(tag: str, attrs: Mapping[str, Any], parent: str | None) -> str:
    if tag in _ITEM_ELEMENTS:
        return "Metadata"
    if tag == "Directory" and isinstance(parent, str) and parent in _ITEM_PARENTS:
        return "Metadata" if _is_item(attrs) else tag
    return tag


def _legacy_node(node: Mapping[str, Any]) -> dict[str, Any]:
    """Rewrite pre-2016 ``{"_elementType": ..., "_children": [...]}`` JSON into the modern shape."""
    out = {k: v for k, v in node.items() if k not in ("_elementType", "_children")}
    parent = node.get("_elementType")
    children = node.get("_children")
    if isinstance(children, list):
        for entry in children:
            if not isinstance(entry, dict):
                continue
            tag = entry.get("_elementType")
            name = _child_name(tag, entry, parent) if isinstance(tag, str) else "Metadata"
            converted = _legacy_node(entry)
            bucket = out.get(name)
            if isinstance(bucket, list):
                bucket.append(converted)
            else:
                out[name] = [converted]
    return out
