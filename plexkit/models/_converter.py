"""The cattrs converter that builds every plexkit model, with Plex's leniency rules.

Sparse models (every plexkit model) get the generated functions of
`plexkit.models._codegen`; other attrs classes (other modules' models) get cattrs'
generated functions with the same camelCase renames.

The rules:

* attrs classes read camelCase keys (``rating_key`` ← ``ratingKey``; explicit names via field
  metadata) and ignore unknown keys;
* scalars go through the lenient coercions of `plexkit.models._wire` (``"1"`` → 1,
  ``"0"`` → False, epoch → aware UTC datetime); unreadable values become ``None``;
* child arrays become tuples; a lone object counts as a one-element array, anything else
  (``"Media": "oops"``) as an empty one, and non-object entries are dropped;
* a single child (``Player``, ``Context``) may come as an object or a one-element array;
* items dispatch on ``type`` through a dict; an unknown type, or an item that cannot be read,
  becomes `UnknownItem` instead of failing its page.

A converter made with ``forbid_extra_keys=True`` (``converter.copy(forbid_extra_keys=True)``)
raises on unknown keys and does not fall back to ``UnknownItem``: tests use it to find fields
worth modelling.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override

from plexkit.models._codegen import (
    SESSION_ITEM_KEY,
    Hook,
    is_session,
    is_sparse,
    model_tuple_element,
    optional_inner,
    required_int,
    required_str,
    sparse_hook,
)
from plexkit.models._decode import ENTRY_LEVEL, refuse_deep_part
from plexkit.models._wire import (
    to_bool,
    to_date,
    to_datetime,
    to_flag,
    to_float,
    to_int,
    to_str,
    wire_name,
)
from plexkit.models.items import ITEM_CLASSES, OMIT, Extras, Item, PhotoAlbum, UnknownItem

__all__ = ["configure_converter", "converter", "reader_converter"]

_SCALAR_HOOKS: Final[Mapping[Any, Hook]] = {
    str | None: to_str,
    int | None: to_int,
    float | None: to_float,
    bool | None: to_bool,
    datetime | None: to_datetime,
    date | None: to_date,
}
_REQUIRED_SCALAR_HOOKS: Final[Mapping[type, Hook]] = {
    str: required_str,
    int: required_int,
    float: to_float,
    bool: to_flag,
}


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
    element: Hook = conv.get_structure_hook(model_tuple_element(tp))

    def structure_children(value: Any, _: Any = None) -> tuple[Any, ...]:
        if value.__class__ is list:
            return tuple([element(entry) for entry in value if isinstance(entry, dict)])
        if isinstance(value, dict):
            return (element(value),)
        return ()

    return structure_children


def _optional_child_hook(tp: Any, conv: cattrs.Converter) -> Hook:
    element: Hook = conv.get_structure_hook(optional_inner(tp))

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
    """An `UnknownItem`, refused if nested too deeply: its ``raw`` keeps every value, and
    pages read with `decode_page` leave that check to the parts kept like this."""
    data: Mapping[str, Any] = value if isinstance(value, Mapping) else {}
    refuse_deep_part(data, ENTRY_LEVEL, "an item")
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


def _extras_hook(cls: Any, conv: cattrs.Converter) -> Hook:
    """An item's ``Extras``, refused if nested too deeply: their items hold Extras in turn, the
    one way models nest as deeply as their body does (a depth `decode_page` does not check)."""
    build = sparse_hook(cls, conv)

    def structure_extras(value: Any, _: Any = None) -> Any:
        refuse_deep_part(value, ENTRY_LEVEL + 1, "an item's Extras")
        return build(value)

    return structure_extras


def _session_hook(session: Any, conv: cattrs.Converter) -> Hook:
    generated = sparse_hook(session, conv)

    def structure_session(value: Any, _: Any = None) -> Any:
        source = dict(value)
        source[SESSION_ITEM_KEY] = value
        if "TranscodeSession" not in source:  # Live TV puts it on the media
            media = value.get("Media")
            first = media[0] if isinstance(media, list) and media else media
            if isinstance(first, dict) and "TranscodeSession" in first:
                source["TranscodeSession"] = first["TranscodeSession"]
        return generated(source)

    return structure_session


def _equal_to(expected: Any) -> Callable[[Any], bool]:
    def matches(tp: Any) -> bool:
        return bool(tp == expected)

    return matches


def configure_converter(conv: cattrs.Converter) -> cattrs.Converter:
    """Teach ``conv`` plexkit's wire rules (lenient scalars, renames, children, item union)."""
    conv.register_structure_hook_factory(attrs.has, _model_hook)
    conv.register_structure_hook_factory(is_sparse, sparse_hook)
    conv.register_structure_hook_factory(lambda tp: tp is Extras, _extras_hook)
    for scalar, hook in _SCALAR_HOOKS.items():
        conv.register_structure_hook_func(_equal_to(scalar), hook)
    for required, hook in _REQUIRED_SCALAR_HOOKS.items():
        conv.register_structure_hook(required, hook)
    conv.register_structure_hook_factory(
        lambda tp: model_tuple_element(tp) is not None, _tuple_hook
    )
    conv.register_structure_hook_factory(
        lambda tp: optional_inner(tp) is not None, _optional_child_hook
    )
    conv.register_structure_hook_factory(lambda tp: tp == Item, _item_hook)
    conv.register_structure_hook(UnknownItem, _structure_unknown)
    conv.register_structure_hook_factory(is_session, _session_hook)
    return conv


#: plexkit's converter (lenient, no detailed validation): what `structure` uses.
converter: Final = configure_converter(
    cattrs.Converter(detailed_validation=False, forbid_extra_keys=False)
)


class _ReaderConverter(cattrs.Converter):
    """`converter`'s rules, with fields built on first access: the readers hand it
    bodies that plexkit decoded itself, which nothing changes afterwards."""

    lazy_fields = True


#: The converter plexkit's readers use (see `plexkit.models._lazy_fields`).
reader_converter: Final = configure_converter(
    _ReaderConverter(detailed_validation=False, forbid_extra_keys=False)
)
