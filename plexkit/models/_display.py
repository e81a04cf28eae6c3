"""How models show themselves in a REPL or notebook, and turn into JSON-safe dicts.

A model's ``repr`` lists only the fields the server sent (or that differ from their default),
with long text cut and child lists summarised, so a movie fits on a line or two instead of
pages of ``=None``. IPython's pretty printer gets every set field, one per line, children
included; rich gets every field through ``__rich_repr__``. All three show text with secrets
redacted (a release's ``downloadURL`` carries the caller's token), the fields keep them.
``to_dict()`` gives every field as JSON-safe values: datetimes and dates as ISO 8601 text,
tuples as lists, nested models as dicts.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, Final, Protocol

import attrs

from plexkit._redact import redact_text
from plexkit.models._wire import wire_name

__all__ = ["Display", "set_fields", "short_repr", "to_dict"]

#: Text longer than this is cut in a short repr.
TEXT_LIMIT: Final = 40
#: How many entries of a child list a short repr names.
CHILD_LIMIT: Final = 3
#: A short repr stops adding fields once it is this long (and says how many it left out).
REPR_BUDGET: Final = 300
# Fields a short repr leaves to the pretty printer and to_dict: paths, ids and long text.
_NOISE: Final = frozenset(
    {"key", "guid", "slug", "thumb", "art", "title_sort", "summary", "tagline", "theme"}
)
_NOISE_SUFFIXES: Final = ("_thumb", "_art", "_theme", "_image", "_guid", "_key", "_at")


class _Pretty(Protocol):
    """The part of IPython's ``RepresentationPrinter`` that ``_repr_pretty_`` uses."""

    def text(self, text: str) -> None: ...
    def breakable(self, sep: str = " ") -> None: ...
    def pretty(self, obj: object) -> None: ...
    def indent(self, indentation: int) -> Any: ...
    def group(self, indent: int = 0, open: str = "", close: str = "") -> Any: ...


def set_fields(model: Any) -> list[tuple[str, Any]]:
    """The ``(name, value)`` of each field that differs from its default (or has none)."""
    found = []
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        default = field.default
        if default is attrs.NOTHING or value != default:
            found.append((field.name, value))
    return found


def _scrub(value: Any) -> Any:
    """``value`` as shown: its text, and the text in its lists and dicts, with secrets
    redacted (nested models redact their own when shown); unchanged when it holds none."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, tuple):
        cleaned: Any = tuple(_scrub(v) for v in value)
    elif isinstance(value, list):
        cleaned = [_scrub(v) for v in value]
    elif isinstance(value, Mapping):
        cleaned = {k: _scrub(v) for k, v in value.items()}
    else:
        return value
    return value if cleaned == value else cleaned


def _short_value(value: Any) -> str:
    if isinstance(value, str):
        cut = value if len(value) <= TEXT_LIMIT else value[: TEXT_LIMIT - 1] + "…"
        return repr(cut)
    if isinstance(value, datetime):
        return repr(value.isoformat(timespec="seconds"))
    if isinstance(value, date):
        return repr(value.isoformat())
    if isinstance(value, tuple):
        return _short_children(value)
    if attrs.has(type(value)):
        return f"{type(value).__name__}(…)"
    if isinstance(value, Mapping):
        return f"{{…{len(value)} keys}}"
    return repr(value)


def _short_children(values: tuple[Any, ...]) -> str:
    """Tags by name (``['Drama', 'Action']``), other children by count (``[2 Media]``)."""
    if values and all(isinstance(getattr(v, "tag", None), str) for v in values):
        names = [redact_text(v.tag) for v in values[:CHILD_LIMIT]]
        more = ", …" if len(values) > CHILD_LIMIT else ""
        return "[" + ", ".join(repr(n) for n in names) + more + "]"
    if values and attrs.has(type(values[0])):
        kinds = sorted({type(v).__name__ for v in values})
        return f"[{len(values)} {'/'.join(kinds)}]"
    return repr(list(values))


def _noise(name: str) -> bool:
    if name == "rating_key":
        return False
    return name in _NOISE or name.endswith(_NOISE_SUFFIXES)


def short_repr(model: object) -> str:
    """``Movie(rating_key='7', title='Heat', year=1995, media=[1 Media], genres=['Crime'])``.

    Set fields only, paths, ids and long text left out (the pretty printer and `to_dict`
    have them), at most about `REPR_BUDGET` characters.
    """
    present = set_fields(model)
    parts: list[str] = []
    length = 0
    left = 0
    for name, value in present:
        if _noise(name):
            continue
        if length > REPR_BUDGET:
            left += 1
            continue
        part = f"{name}={_short_value(_scrub(value))}"
        parts.append(part)
        length += len(part) + 2
    if left:
        parts.append(f"…{left} more")
    return f"{type(model).__name__}({', '.join(parts)})"


def _json(value: Any, camel: bool) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_json(v, camel) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _json(v, camel) for k, v in value.items()}
    if attrs.has(type(value)):
        return to_dict(value, camel=camel)
    return value


def to_dict(model: Any, *, camel: bool = False) -> dict[str, Any]:
    """Every field of an attrs model as JSON-safe values (``camel=True``: Plex's names)."""
    return {
        (wire_name(field) if camel else field.name): _json(getattr(model, field.name), camel)
        for field in attrs.fields(type(model))
    }


def _pretty(model: object, printer: _Pretty, cycle: bool) -> None:
    name = type(model).__name__
    if cycle:
        printer.text(f"{name}(...)")
        return
    with printer.group(4, f"{name}(", ")"):
        for index, (field, value) in enumerate(set_fields(model)):
            if index:
                printer.text(",")
            printer.breakable("")
            printer.text(f"{field}=")
            printer.pretty(_scrub(value))


def _compared(cls: type) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """Getters of the fields ``cls`` compares and hashes (those attrs would: ``eq=True``,
    ``hash`` unset or true), as one tuple each."""
    found = _COMPARED.get(cls)
    if found is None:
        fields = attrs.fields(cls)
        eq = [f.name for f in fields if f.eq]
        hashed = [f.name for f in fields if f.hash or (f.hash is None and f.eq)]
        found = _COMPARED[cls] = (_getter(eq), _getter(hashed))
    return found


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) == 1:
        (name,) = names
        return lambda model: (getattr(model, name),)
    if not names:
        return lambda model: ()
    return operator.attrgetter(*names)


_COMPARED: dict[type, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {}


class Display:
    """What every plexkit model shares: the short repr, IPython's pretty printing,
    `to_dict`, and equality and hashing by field values.

    Models are declared ``repr=False, eq=False``, so attrs compiles no ``__repr__``,
    ``__eq__`` or ``__hash__`` per class (a quarter of building the item classes) and these
    shared ones apply: IPython uses the inherited ``_repr_pretty_``; two models are equal when
    they are of the same class and their fields are (as attrs compares them), and equal models
    hash alike."""

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _compared(self.__class__)[0]
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        return hash((self.__class__.__qualname__, _compared(self.__class__)[1](self)))

    def __repr__(self) -> str:
        return short_repr(self)

    def __getstate__(self) -> dict[str, Any]:
        """The fields, for pickling and copying: a reader-built model hands over its values,
        built now if they were not, rather than the wire dict it builds them from."""
        model: Any = self
        return {field.name: getattr(model, field.name) for field in attrs.fields(type(model))}

    def _repr_pretty_(self, printer: _Pretty, cycle: bool) -> None:
        """Every set field, one per line (IPython and Jupyter call this)."""
        _pretty(self, printer, cycle)

    def __rich_repr__(self) -> Iterator[tuple[str, Any]]:
        """Every field, secrets redacted from its text (rich's pretty printer calls this)."""
        model: Any = self
        for field in attrs.fields(type(model)):
            yield field.name, _scrub(getattr(model, field.name))

    def to_dict(self, *, camel: bool = False) -> dict[str, Any]:
        """Every field as JSON-safe values: datetimes and dates as ISO 8601 text, tuples as
        lists, nested models as dicts; ``camel=True`` uses Plex's camelCase names."""
        return to_dict(self, camel=camel)
