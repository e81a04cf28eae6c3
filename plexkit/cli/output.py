"""How listings leave the command: a table that fits 80 columns, ``--json`` (one document)
or ``--jsonl`` (one item a line, written as each item arrives, so nothing is held)."""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Annotated, Any

import attrs
import typer
from rich.console import Console
from rich.table import Table

__all__ = ["Column", "Format", "JsonFlag", "JsonlFlag", "Output", "to_json"]

WIDTH = 80

JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
JsonlFlag = Annotated[
    bool, typer.Option("--jsonl", help="Print one JSON object a line, streamed as it arrives.")
]


class Format(enum.Enum):
    """The three ways to print."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"


@attrs.frozen
class Column:
    """One table column: its header and how to read the cell from a row object."""

    header: str
    value: Callable[[Any], object]
    max_width: int | None = None
    justify: str = "left"
    min_width: int | None = None


def to_json(value: Any) -> Any:
    """A JSON-ready copy of a model (attrs classes become objects, None fields are left out,
    datetimes become ISO 8601 text, sets sorted lists)."""
    if attrs.has(type(value)):
        return {
            field.name: to_json(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if getattr(value, field.name) is not None
        }
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (frozenset, set)):
        return sorted(to_json(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
    return str(value)


class Output:
    """Prints rows in the chosen `Format` on stdout; messages go to stderr."""

    def __init__(self, format: Format = Format.TABLE) -> None:
        self.format = format
        self.console = Console(width=WIDTH, soft_wrap=False, highlight=False)
        self.errors = Console(stderr=True, width=WIDTH, highlight=False)

    @classmethod
    def choose(cls, json_flag: bool, jsonl_flag: bool) -> Output:
        """The output for a command's ``--json``/``--jsonl`` flags (both is a usage error)."""
        if json_flag and jsonl_flag:
            raise typer.BadParameter("--json and --jsonl cannot be used together")
        fmt = Format.JSON if json_flag else Format.JSONL if jsonl_flag else Format.TABLE
        return cls(fmt)

    @property
    def structured(self) -> bool:
        """Whether the output is JSON (then progress and notes go to stderr only)."""
        return self.format is not Format.TABLE

    def rows(
        self,
        rows: Iterable[Any],
        columns: Sequence[Column],
        *,
        title: str | None = None,
        empty: str = "nothing to show",
    ) -> int:
        """Print ``rows`` (models) and return how many; ``--jsonl`` writes each as it comes."""
        if self.format is Format.JSONL:
            count = 0
            write = sys.stdout.write
            for row in rows:
                write(json.dumps(to_json(row), ensure_ascii=False) + "\n")
                count += 1
            sys.stdout.flush()
            return count
        kept = list(rows)
        if self.format is Format.JSON:
            self.document([to_json(row) for row in kept])
            return len(kept)
        if not kept:
            self.note(empty)
            return 0
        table = Table(title=title, expand=False, box=None, header_style="bold", pad_edge=False)
        for column in columns:
            table.add_column(
                column.header,
                max_width=column.max_width,
                min_width=column.min_width or len(column.header),
                overflow="ellipsis",
                no_wrap=True,
                justify=column.justify,  # type: ignore[arg-type]
            )
        for row in kept:
            table.add_row(*(_cell(column.value(row)) for column in columns))
        self.console.print(table)
        return len(kept)

    def detail(self, value: Any, fields: Sequence[tuple[str, object]]) -> None:
        """One object: ``field: value`` lines, or its full JSON with ``--json``/``--jsonl``."""
        if self.structured:
            self.document(to_json(value))
            return
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for name, field_value in fields:
            if field_value not in (None, "", ()):
                table.add_row(name, _cell(field_value))
        self.console.print(table)

    def document(self, value: Any) -> None:
        """Print a JSON document (one line with ``--jsonl``, indented otherwise)."""
        indent = None if self.format is Format.JSONL else 2
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=indent) + "\n")
        sys.stdout.flush()

    def done(self, message: str, data: Mapping[str, Any] | None = None) -> None:
        """Report a finished action: a line of text, or ``data`` as JSON."""
        if self.structured:
            self.document(to_json(data if data is not None else {"ok": True}))
        else:
            self.console.print(message)

    def note(self, message: str) -> None:
        """A message for the person at the terminal (stderr, so pipes stay clean)."""
        self.errors.print(message)
