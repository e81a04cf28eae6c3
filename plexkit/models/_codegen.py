"""The generated structuring functions of sparse models: the hot path of a library walk.

Each `sparse` model gets a structuring function generated once,
as straight-line code: for every field, ``if "ratingKey" in o`` then coerce the value, with
the common case (a value already of the right type) checked inline instead of through a call.
The present fields go into one dict that becomes the instance's ``__dict__``; absent fields
cost one ``in`` test. This is about 2.5x faster than cattrs' ``make_dict_structure_fn`` + a
frozen slotted ``__init__`` (which pays a call per field, present or not) -- measured in
``benchmarks/bench_models.py``. A list of flat models (tags, guids, streams) gets one
generated loop, so a 10-tag list costs one call. With the readers' converter, a model
other than a flat one sets only its required fields and nested models at once and keeps its
wire dict for the rest (`plexkit.models._lazy_fields`). `plexkit.models._converter`
registers these as the converter's hooks.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from typing import Any, Final, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError

from plexkit.models._lazy_fields import WIRE_DICT, LazyField
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
from plexkit.models.items import OMIT, Item

__all__ = [
    "SESSION_ITEM_KEY",
    "Hook",
    "is_session",
    "is_sparse",
    "model_tuple_element",
    "optional_inner",
    "required_int",
    "required_str",
    "sparse_hook",
]

Hook = Callable[..., Any]

_ITEM_MEMBERS: Final = frozenset(get_args(Item))
#: The item that a Session wraps is the session entry itself; it is passed under this key.
SESSION_ITEM_KEY: Final = "plexkit:item"


def is_session(tp: Any) -> bool:
    """``tp`` is `Session` (without importing that module: a
    class from it can only exist once it is imported)."""
    status = sys.modules.get("plexkit.models.status")
    return status is not None and tp is getattr(status, "Session", None)


def required_str(value: Any, _: Any = None) -> str:
    text = to_str(value)
    if text is None:
        raise ValueError("a required text field is missing or not text")
    return text


def required_int(value: Any, _: Any = None) -> int:
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
    "required_str": required_str,
    "required_int": required_int,
    "text": _text,
}
# Expressions over ``v`` for scalar field types: the already-right type is checked inline.
_OPTIONAL_EXPR: Final[Mapping[Any, str]] = {
    str | None: "v if v.__class__ is str else to_str(v)",
    int | None: "v if v.__class__ is int else to_int(v)",
    # PMS's JSON sends some flags as the strings "1" and "0" (``hasThumbnail``).
    bool | None: "v if v.__class__ is bool else (v != 0 if v.__class__ is int else "
    "(True if v == '1' else False if v == '0' else to_bool(v)))",
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
    bool: "v if v.__class__ is bool else (v != 0 if v.__class__ is int else "
    "(True if v == '1' else False if v == '0' else to_flag(v)))",
    float: "v if v.__class__ is float and v - v == 0.0 else to_float(v)",
}


def _is_union(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType)


def optional_inner(tp: Any) -> Any:
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


def model_tuple_element(tp: Any) -> Any:
    """``X`` for ``tuple[X, ...]`` where X is a model class or the item union, else ``None``."""
    if get_origin(tp) is not tuple:
        return None
    args = get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis and (attrs.has(args[0]) or args[0] == Item):
        return args[0]
    return None


def is_sparse(tp: Any) -> bool:
    return isinstance(tp, type) and tp.__dict__.get(SPARSE) is True


def _key(cls: type, field: attrs.Attribute[Any]) -> str:
    if field.name == "item" and is_session(cls):
        return SESSION_ITEM_KEY
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
    element = model_tuple_element(tp)
    ns[f"h_{name}"] = conv.get_structure_hook(tp)
    if element is not None and _is_leaf(element) and not getattr(conv, "forbid_extra_keys", False):
        # A list of flat models (tags, guids, streams) is built in one call, not one per entry.
        ns[f"b_{name}"] = _list_builder(element, conv)
        return f"b_{name}(v) if v.__class__ is list else h_{name}(v)"
    if element is not None:
        # Inline the common case (a JSON array of objects); the tuple hook handles the rest.
        ns[f"e_{name}"] = conv.get_structure_hook(element)
        # Most movies have one media with one part: that list skips the comprehension.
        return (
            f"((e_{name}(v[0]),) if len(v) == 1 and v[0].__class__ is dict else "
            f"tuple([e_{name}(x) for x in v if isinstance(x, dict)])) "
            f"if v.__class__ is list else h_{name}(v)"
        )
    ns[f"t_{name}"] = tp
    return f"h_{name}(v, t_{name})"


def _is_leaf(tp: Any) -> bool:
    """A sparse model whose fields are all scalars (``Tag``, ``Guid``, ``Stream``, ...)."""
    if not is_sparse(tp) or is_session(tp):
        return False
    attrs.resolve_types(tp)
    scalars = (_OPTIONAL_EXPR, _REQUIRED_EXPR, _DEFAULTED_EXPR)
    return all(
        any(field.type in table for table in scalars) and not field.metadata.get(OMIT)
        for field in attrs.fields(tp)
    )


def _lazy(cls: type, conv: cattrs.Converter) -> bool:
    """Does ``conv`` build ``cls`` lazily (see `plexkit.models._lazy_fields`)? Only a lenient
    converter that asks for it, and not for flat models (tags, guids, streams): those are
    small, their lists are deferred whole, and building them at once is cheaper."""
    return (
        getattr(conv, "lazy_fields", False)
        and not getattr(conv, "forbid_extra_keys", False)
        and not _is_leaf(cls)
    )


def _deferred(field: attrs.Attribute[Any], lazy: bool) -> bool:
    """Is this field of a lazily built model converted on first access? Only values whose
    conversion cannot fail: lenient scalars with a default, and lists of flat models whose
    every field has a default. Nested models (media, parts) are built with the page, inside
    its GC pause, and a required field decides at once whether the item can be read."""
    if not lazy or field.default is attrs.NOTHING:
        return False
    if field.type in _OPTIONAL_EXPR or field.type in _DEFAULTED_EXPR:
        return True
    element = model_tuple_element(field.type)
    return (
        element is not None
        and _is_leaf(element)
        and all(entry.default is not attrs.NOTHING for entry in attrs.fields(element))
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
    """The generated lines making ``d`` and filling it from the wire dict ``o``, and the wire
    keys read; the deferred fields get a `LazyField` on the class instead of lines."""
    lines: list[str] = []
    known = []
    lazy = _lazy(cls, conv)
    deferred: list[tuple[attrs.Attribute[Any], str, str]] = []
    for field in attrs.fields(cls):
        if field.metadata.get(OMIT):
            continue
        key = _key(cls, field)
        known.append(key)
        if _deferred(field, lazy):
            deferred.append((field, key, _expression(field, conv, ns)))
            continue
        expr = _expression(field, conv, ns)
        if field.default is attrs.NOTHING:
            lines += [f"  v = o[{key!r}]", f"  d[{field.name!r}] = {expr}"]
        else:
            lines += [
                f"  if {key!r} in o:",
                f"    v = o[{key!r}]",
                f"    d[{field.name!r}] = {expr}",
            ]
    if deferred:
        _set_lazy_fields(cls, deferred, ns)
    lines.insert(0, f"  d = {{{WIRE_DICT!r}: o}}" if deferred else "  d = {}")
    return lines, known


def _set_lazy_fields(
    cls: type, deferred: list[tuple[attrs.Attribute[Any], str, str]], ns: dict[str, Any]
) -> None:
    """Generate the builders of ``cls``'s deferred fields (one compile for all) and put a
    `LazyField` for each on the class."""
    lines = []
    for field, _, expr in deferred:
        lines += [f"def build_{field.name}(v):", f"  return {expr}"]
    code = compile("\n".join(lines), f"<plexkit lazy fields of {cls.__qualname__}>", "exec")
    exec(code, ns)
    for field, key, _expr in deferred:
        setattr(
            cls, field.name, LazyField(field.name, key, field.default, ns[f"build_{field.name}"])
        )


def sparse_hook(cls: type, conv: cattrs.Converter) -> Hook:
    """Generate the structuring function of a `sparse` model."""
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
    lines += ["  x = _new(_cls)", "  _set(x, '__dict__', d)", "  return x"]
    code = compile("\n".join(lines), f"<plexkit structure {cls.__qualname__}>", "exec")
    exec(code, ns)
    hook: Hook = ns[f"structure_{cls.__name__}"]
    return hook
