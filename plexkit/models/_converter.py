"""The cattrs converter that builds every plexkit model, with Plex's leniency rules.

Structuring is the hot path of a library walk, so each plexkit model gets a structuring
function generated once, as straight-line code: for every field, ``if "ratingKey" in o`` then
coerce the value, with the common case (a value already of the right type) checked inline
instead of through a call. The present fields go into one dict that becomes the instance's
``__dict__`` (see :func:`~plexkit.models._wire.sparse`); absent fields cost one ``in`` test.
This is about 2.5x faster than cattrs' ``make_dict_structure_fn`` + a frozen slotted
``__init__`` (which pays a call per field, present or not) -- measured in
``benchmarks/bench_models.py``. Other attrs classes (other modules' models) get cattrs'
generated functions with the same camelCase renames.

The rules:

* attrs classes read camelCase keys (``rating_key`` ← ``ratingKey``; explicit names via field
  metadata) and ignore unknown keys;
* scalars go through the lenient coercions of :mod:`plexkit.models._wire` (``"1"`` → 1,
  ``"0"`` → False, epoch → aware UTC datetime); unreadable values become ``None``;
* child arrays become tuples; a lone object counts as a one-element array, anything else
  (``"Media": "oops"``) as an empty one, and non-object entries are dropped;
* a single child (``Player``, ``Context``) may come as an object or a one-element array;
* items dispatch on ``type`` through a dict; an unknown type, or an item that cannot be read,
  becomes :class:`~plexkit.models.items.UnknownItem` instead of failing its page.

A converter made with ``forbid_extra_keys=True`` (``converter.copy(forbid_extra_keys=True)``)
raises on unknown keys and does not fall back to ``UnknownItem``: tests use it to find fields
worth modelling.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from typing import Any, Final, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, override

from plexkit.models._wire import (
    SPARSE,
    to_bool,
    to_date,
    to_datetime,
    to_flag,
    to_float,
    to_int,
    to_str,
    wire_name,
)
from plexkit.models.items import ITEM_CLASSES, OMIT, Item, PhotoAlbum, UnknownItem
from plexkit.models.status import Session

__all__ = ["configure_converter", "converter"]

Hook = Callable[..., Any]

_ITEM_MEMBERS: Final = frozenset(get_args(Item))
# The item that a Session wraps is the session entry itself; it is passed under this key.
_SESSION_ITEM_KEY: Final = "plexkit:item"


def _required_str(value: Any, _: Any = None) -> str:
    text = to_str(value)
    if text is None:
        raise ValueError("a required text field is missing or not text")
    return text


def _required_int(value: Any, _: Any = None) -> int:
    number = to_int(value)
    if number is None:
        raise ValueError("a required integer field is missing or not a number")
    return number


def _text(value: Any, _: Any = None) -> str:
    return to_str(value) or ""


_HELPERS: Final[Mapping[str, Hook]] = {
    "to_str": to_str,
    "to_int": to_int,
    "to_float": to_float,
    "to_bool": to_bool,
    "to_flag": to_flag,
    "to_datetime": to_datetime,
    "to_date": to_date,
    "required_str": _required_str,
    "required_int": _required_int,
    "text": _text,
}
# Expressions over ``v`` for scalar field types: the already-right type is checked inline.
_OPTIONAL_EXPR: Final[Mapping[Any, str]] = {
    str | None: "v if v.__class__ is str else to_str(v)",
    int | None: "v if v.__class__ is int else to_int(v)",
    bool | None: "v if v.__class__ is bool else (v != 0 if v.__class__ is int else to_bool(v))",
    # ``v - v == 0.0`` is the finiteness test without a call (inf - inf and nan are nan).
    float | None: "v if v.__class__ is float and v - v == 0.0 else to_float(v)",
    # Epoch seconds between 1970 and 3000 (every real timestamp) skip the call.
    datetime | None: "_fromts(v, _utc) if v.__class__ is int and 0 <= v < 32503680000 "
    "else to_datetime(v)",
    date | None: "to_date(v)",
}
_REQUIRED_EXPR: Final[Mapping[Any, str]] = {
    str: "v if v.__class__ is str else required_str(v)",
    int: "v if v.__class__ is int else required_int(v)",
}
_DEFAULTED_EXPR: Final[Mapping[Any, str]] = {
    str: "v if v.__class__ is str else text(v)",
    int: "v if v.__class__ is int else to_int(v)",
    bool: "v if v.__class__ is bool else (v != 0 if v.__class__ is int else to_flag(v))",
    float: "v if v.__class__ is float and v - v == 0.0 else to_float(v)",
}
_SCALAR_HOOKS: Final[Mapping[Any, Hook]] = {
    str | None: to_str,
    int | None: to_int,
    float | None: to_float,
    bool | None: to_bool,
    datetime | None: to_datetime,
    date | None: to_date,
}
_REQUIRED_SCALAR_HOOKS: Final[Mapping[type, Hook]] = {
    str: _required_str,
    int: _required_int,
    float: to_float,
    bool: to_flag,
}


def _is_union(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType)


def _optional_inner(tp: Any) -> Any:
    """``X`` for ``X | None`` where X is a model class or the item union, else ``None``."""
    if not _is_union(tp):
        return None
    args = get_args(tp)
    if type(None) not in args:
        return None
    rest = tuple(a for a in args if a is not type(None))
    if len(rest) == 1 and attrs.has(rest[0]):
        return rest[0]
    if frozenset(rest) == _ITEM_MEMBERS:
        return Item
    return None


def _model_tuple_element(tp: Any) -> Any:
    """``X`` for ``tuple[X, ...]`` where X is a model class or the item union, else ``None``."""
    if get_origin(tp) is not tuple:
        return None
    args = get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis and (attrs.has(args[0]) or args[0] == Item):
        return args[0]
    return None


def _is_sparse(tp: Any) -> bool:
    return isinstance(tp, type) and tp.__dict__.get(SPARSE) is True


def _key(cls: type, field: attrs.Attribute[Any]) -> str:
    if cls is Session and field.name == "item":
        return _SESSION_ITEM_KEY
    return wire_name(field)


def _expression(field: attrs.Attribute[Any], conv: cattrs.Converter, ns: dict[str, Any]) -> str:
    """Python source turning the wire value ``v`` into the value of ``field``."""
    tp = field.type
    if field.default is attrs.NOTHING:
        expr = _REQUIRED_EXPR.get(tp)
    elif tp in _OPTIONAL_EXPR:
        expr = _OPTIONAL_EXPR[tp]
    else:
        expr = _DEFAULTED_EXPR.get(tp)
    if expr is not None:
        return expr
    name = field.name
    element = _model_tuple_element(tp)
    ns[f"h_{name}"] = conv.get_structure_hook(tp)
    if element is not None and _is_leaf(element) and not getattr(conv, "forbid_extra_keys", False):
        # A list of flat models (tags, guids, streams) is built in one call, not one per entry.
        ns[f"b_{name}"] = _list_builder(element, conv)
        return f"b_{name}(v) if v.__class__ is list else h_{name}(v)"
    if element is not None:
        # Inline the common case (a JSON array of objects); the tuple hook handles the rest.
        ns[f"e_{name}"] = conv.get_structure_hook(element)
        return (
            f"tuple([e_{name}(x) for x in v if isinstance(x, dict)]) "
            f"if v.__class__ is list else h_{name}(v)"
        )
    ns[f"t_{name}"] = tp
    return f"h_{name}(v, t_{name})"


def _is_leaf(tp: Any) -> bool:
    """A sparse model whose fields are all scalars (``Tag``, ``Guid``, ``Stream``, ...)."""
    if not _is_sparse(tp) or tp is Session:
        return False
    attrs.resolve_types(tp)
    scalars = (_OPTIONAL_EXPR, _REQUIRED_EXPR, _DEFAULTED_EXPR)
    return all(
        any(field.type in table for table in scalars) and not field.metadata.get(OMIT)
        for field in attrs.fields(tp)
    )


_LIST_BUILDERS: Final[dict[tuple[int, type], Hook]] = {}


def _list_builder(cls: type, conv: cattrs.Converter) -> Hook:
    """Generate ``build(list) -> tuple`` for a leaf model: the element's structuring code
    inlined in the loop (non-object entries dropped), so a 10-tag list costs one call."""
    cached = _LIST_BUILDERS.get((id(conv), cls))
    if cached is not None:
        return cached
    ns = _namespace(cls)
    body, _known = _field_lines(cls, conv, ns)
    lines = [
        f"def build_{cls.__name__}s(v):",
        "  out = []",
        "  for o in v:",
        "    if o.__class__ is not dict and not isinstance(o, dict): continue",
        "    d = {}",
        *("  " + line for line in body),
        "    x = _new(_cls)",
        "    _set(x, '__dict__', d)",
        "    out.append(x)",
        "  return tuple(out)",
    ]
    code = compile("\n".join(lines), f"<plexkit list of {cls.__qualname__}>", "exec")
    exec(code, ns)
    builder: Hook = ns[f"build_{cls.__name__}s"]
    _LIST_BUILDERS[(id(conv), cls)] = builder
    return builder


def _namespace(cls: type) -> dict[str, Any]:
    ns: dict[str, Any] = {
        "_new": object.__new__,
        "_set": object.__setattr__,
        "_cls": cls,
        "_fromts": datetime.fromtimestamp,
        "_utc": timezone.utc,
    }
    ns.update(_HELPERS)
    return ns


def _field_lines(
    cls: type, conv: cattrs.Converter, ns: dict[str, Any]
) -> tuple[list[str], list[str]]:
    """The generated lines filling ``d`` from the wire dict ``o``, and the wire keys read."""
    lines: list[str] = []
    known = []
    for field in attrs.fields(cls):
        if field.metadata.get(OMIT):
            continue
        key = _key(cls, field)
        known.append(key)
        expr = _expression(field, conv, ns)
        if field.default is attrs.NOTHING:
            lines += [f"  v = o[{key!r}]", f"  d[{field.name!r}] = {expr}"]
        else:
            lines += [
                f"  if {key!r} in o:",
                f"    v = o[{key!r}]",
                f"    d[{field.name!r}] = {expr}",
            ]
    return lines, known


def _sparse_hook(cls: type, conv: cattrs.Converter) -> Hook:
    """Generate the structuring function of a :func:`~plexkit.models._wire.sparse` model."""
    attrs.resolve_types(cls)
    ns = _namespace(cls)
    body, known = _field_lines(cls, conv, ns)
    lines = [f"def structure_{cls.__name__}(o, _=None):", *body]
    if getattr(conv, "forbid_extra_keys", False):
        ns["_known"] = frozenset(known)
        ns["_extra_error"] = ForbiddenExtraKeysError
        lines[1:1] = [
            "  extra = o.keys() - _known",
            "  if extra: raise _extra_error('', _cls, extra)",
        ]
    lines[1:1] = ["  d = {}"]
    lines += ["  x = _new(_cls)", "  _set(x, '__dict__', d)", "  return x"]
    code = compile("\n".join(lines), f"<plexkit structure {cls.__qualname__}>", "exec")
    exec(code, ns)
    hook: Hook = ns[f"structure_{cls.__name__}"]
    return hook


def _model_hook(cls: type, conv: cattrs.Converter) -> Hook:
    """cattrs' generated function for other attrs classes, reading camelCase wire names."""
    overrides: dict[str, Any] = {
        field.name: override(omit=True)
        if field.metadata.get(OMIT)
        else override(rename=wire_name(field))
        for field in attrs.fields(cls)
    }
    return make_dict_structure_fn(cls, conv, _cattrs_detailed_validation=False, **overrides)


def _tuple_hook(tp: Any, conv: cattrs.Converter) -> Hook:
    element: Hook = conv.get_structure_hook(_model_tuple_element(tp))

    def structure_children(value: Any, _: Any = None) -> tuple[Any, ...]:
        if value.__class__ is list:
            return tuple([element(entry) for entry in value if isinstance(entry, dict)])
        if isinstance(value, dict):
            return (element(value),)
        return ()

    return structure_children


def _optional_child_hook(tp: Any, conv: cattrs.Converter) -> Hook:
    element: Hook = conv.get_structure_hook(_optional_inner(tp))

    def structure_child(value: Any, _: Any = None) -> Any:
        if isinstance(value, dict):
            return element(value)
        if isinstance(value, list):
            for entry in value:
                if isinstance(entry, dict):
                    return element(entry)
        return None

    return structure_child


def _structure_unknown(value: Any, _: Any = None) -> UnknownItem:
    data: Mapping[str, Any] = value if isinstance(value, Mapping) else {}
    return UnknownItem(
        type=to_str(data.get("type")),
        rating_key=to_str(data.get("ratingKey")),
        key=to_str(data.get("key")),
        title=to_str(data.get("title")) or "",
        raw=dict(data),
    )


def _item_hook(_: Any, conv: cattrs.Converter) -> Hook:
    """Dispatch on ``type`` through a dict; fall back to UnknownItem (unless strict).

    Each type's hook is generated when the first item of that type arrives: a movie library
    never pays for the track, episode or photo hooks.
    """
    table: dict[Any, Hook] = {}
    photo_hooks: dict[bool, Hook] = {}

    def structure_photo(value: Any, _: Any = None) -> Any:
        key = value.get("key")
        album = key.__class__ is str and key.endswith("/children")
        hook: Hook | None = photo_hooks.get(album)
        if hook is None:
            cls = PhotoAlbum if album else ITEM_CLASSES["photo"]
            hook = photo_hooks[album] = conv.get_structure_hook(cls)
        return hook(value, None)

    def hook_for(kind: Any) -> Hook:
        if kind == "photo":
            hook: Hook = structure_photo
        else:
            cls = ITEM_CLASSES.get(kind) if kind.__class__ is str else None
            hook = _structure_unknown if cls is None else conv.get_structure_hook(cls)
        if kind.__class__ is str:
            table[kind] = hook
        return hook

    lookup: Callable[[Any], Hook | None] = table.get

    if getattr(conv, "forbid_extra_keys", False):

        def structure_item_strict(value: Any, _: Any = None) -> Any:
            kind = value.get("type")
            return (lookup(kind) or hook_for(kind))(value)

        return structure_item_strict

    def structure_item(value: Any, _: Any = None) -> Any:
        try:
            kind = value["type"]
            return (lookup(kind) or hook_for(kind))(value)
        except Exception:
            return _structure_unknown(value)

    return structure_item


def _session_hook(_: Any, conv: cattrs.Converter) -> Hook:
    generated = _sparse_hook(Session, conv)

    def structure_session(value: Any, _: Any = None) -> Session:
        source = dict(value)
        source[_SESSION_ITEM_KEY] = value
        if "TranscodeSession" not in source:  # Live TV puts it on the media
            media = value.get("Media")
            first = media[0] if isinstance(media, list) and media else media
            if isinstance(first, dict) and "TranscodeSession" in first:
                source["TranscodeSession"] = first["TranscodeSession"]
        session: Session = generated(source)
        return session

    return structure_session


def _equal_to(expected: Any) -> Callable[[Any], bool]:
    def matches(tp: Any) -> bool:
        return bool(tp == expected)

    return matches


def configure_converter(conv: cattrs.Converter) -> cattrs.Converter:
    """Teach ``conv`` plexkit's wire rules (lenient scalars, renames, children, item union)."""
    conv.register_structure_hook_factory(attrs.has, _model_hook)
    conv.register_structure_hook_factory(_is_sparse, _sparse_hook)
    for scalar, hook in _SCALAR_HOOKS.items():
        conv.register_structure_hook_func(_equal_to(scalar), hook)
    for required, hook in _REQUIRED_SCALAR_HOOKS.items():
        conv.register_structure_hook(required, hook)
    conv.register_structure_hook_factory(
        lambda tp: _model_tuple_element(tp) is not None, _tuple_hook
    )
    conv.register_structure_hook_factory(
        lambda tp: _optional_inner(tp) is not None, _optional_child_hook
    )
    conv.register_structure_hook_factory(lambda tp: tp == Item, _item_hook)
    conv.register_structure_hook(UnknownItem, _structure_unknown)
    conv.register_structure_hook_factory(lambda tp: tp is Session, _session_hook)
    return conv


#: The one converter plexkit's readers use (lenient, no detailed validation).
converter: Final = configure_converter(
    cattrs.Converter(detailed_validation=False, forbid_extra_keys=False)
)
