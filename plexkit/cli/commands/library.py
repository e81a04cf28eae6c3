"""Browsing: sections, items, search, one item in detail, recently added, collections."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from plexkit.cli.commands.describe import ITEM_COLUMNS, item_label
from plexkit.cli.connection import open_client
from plexkit.cli.output import Column, JsonFlag, JsonlFlag, Output

__all__ = ["app"]

app = typer.Typer()
PANEL = "Browse"

SectionArg = Annotated[str, typer.Argument(help="Section key or title.", metavar="SECTION")]
LimitOpt = Annotated[int | None, typer.Option(help="At most this many items.", min=1, metavar="N")]


@app.command(rich_help_panel=PANEL)
def sections(ctx: typer.Context, json: JsonFlag = False, jsonl: JsonlFlag = False) -> None:
    """List the library sections.

    Examples: plexkit sections; plexkit sections --json | jq '.[].title'
    """
    out = Output.choose(json, jsonl)
    with open_client(ctx) as plex:
        found = plex.library.sections()
    out.rows(
        found,
        (
            Column("KEY", lambda s: s.key, justify="right"),
            Column("TITLE", lambda s: s.title, max_width=30),
            Column("TYPE", lambda s: s.type),
            Column("AGENT", lambda s: s.agent, max_width=24),
            Column("SCANNING", lambda s: s.refreshing),
        ),
        empty="no library sections",
    )


def _filters(pairs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{pair!r} is not key=value", param_hint="--filter")
        found[key.strip()] = value
    return found


@app.command(rich_help_panel=PANEL)
def items(
    ctx: typer.Context,
    section: SectionArg,
    type: Annotated[
        str | None, typer.Option("--type", help="Item type: movie, show, season, episode, ...")
    ] = None,
    sort: Annotated[
        str | None, typer.Option(help="Sort field, e.g. titleSort, addedAt:desc.")
    ] = None,
    filter: Annotated[
        list[str] | None,
        typer.Option(
            "--filter", help="A filter key=value (repeatable), e.g. year=1999.", metavar="KEY=VALUE"
        ),
    ] = None,
    limit: LimitOpt = None,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """List a section's items, page by page (--jsonl streams any size in flat memory).

    Examples: plexkit items Movies --sort titleSort --limit 10;
    plexkit items 2 --type episode --filter year=2019 --jsonl
    """
    out = Output.choose(json, jsonl)
    filters = _filters(filter or [])
    with open_client(ctx) as plex:
        key = plex.library.section(section).key
        walk: Iterator[Any] = plex.library.iter_items(
            key, type=type, sort=sort, filters=filters or None, limit=limit
        )
        out.rows(walk, ITEM_COLUMNS, empty="no items")


@app.command(rich_help_panel=PANEL)
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="What to look for.")],
    section: Annotated[
        str | None, typer.Option(help="Only this section (key or title).", metavar="SECTION")
    ] = None,
    limit: LimitOpt = None,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """Search every library (or one section) for titles, people and tags.

    Examples: plexkit search matrix; plexkit search "the office" --section TV --json
    """
    out = Output.choose(json, jsonl)
    with open_client(ctx) as plex:
        key = plex.library.section(section).key if section else None
        hubs = plex.library.search(query, limit=limit, section=key)
    found = [item for hub in hubs for item in hub.items]
    out.rows(found, ITEM_COLUMNS, empty=f"nothing matches {query!r}")


@app.command(rich_help_panel=PANEL)
def show(
    ctx: typer.Context,
    rating_key: Annotated[str, typer.Argument(help="The item's rating key.")],
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """Show one item in detail: fields, tags, media and files.

    Examples: plexkit show 1042; plexkit show 1042 --json | jq .media
    """
    out = Output.choose(json, jsonl)
    with open_client(ctx) as plex:
        item = plex.metadata.get(rating_key)
    media = getattr(item, "media", ())
    files = [part.file for medium in media for part in medium.parts if part.file]
    out.detail(
        item,
        (
            ("title", item_label(item)),
            ("type", item.type),
            ("year", getattr(item, "year", None)),
            ("rating key", item.rating_key),
            ("guid", getattr(item, "guid", None)),
            ("section", getattr(item, "library_section_title", None)),
            ("added", getattr(item, "added_at", None)),
            ("studio", getattr(item, "studio", None)),
            ("rating", getattr(item, "content_rating", None)),
            ("genres", ", ".join(t.tag for t in getattr(item, "genres", ()))),
            ("directors", ", ".join(t.tag for t in getattr(item, "directors", ()))),
            ("summary", getattr(item, "summary", None)),
            ("files", "\n".join(files)),
        ),
    )


@app.command(rich_help_panel=PANEL)
def recent(
    ctx: typer.Context,
    section: Annotated[
        str | None, typer.Option(help="Only this section (key or title).", metavar="SECTION")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many.", min=1, metavar="N")] = 20,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """List the newest items, across libraries or in one section.

    Examples: plexkit recent; plexkit recent --section Movies --limit 5 --json
    """
    out = Output.choose(json, jsonl)
    with open_client(ctx) as plex:
        key = plex.library.section(section).key if section else None
        found = plex.library.recently_added(limit=limit, section=key)
    columns = (*ITEM_COLUMNS, Column("ADDED", lambda i: i.added_at))
    out.rows(found, columns, empty="nothing added recently")


@app.command(rich_help_panel=PANEL)
def collections(
    ctx: typer.Context, section: SectionArg, json: JsonFlag = False, jsonl: JsonlFlag = False
) -> None:
    """List a section's collections.

    Examples: plexkit collections Movies; plexkit collections 1 --jsonl
    """
    out = Output.choose(json, jsonl)
    with open_client(ctx) as plex:
        key = plex.library.section(section).key
        found = plex.library.collections(key)
    out.rows(
        found,
        (
            Column("KEY", lambda c: c.rating_key, justify="right"),
            Column("TITLE", lambda c: c.title, max_width=50),
            Column("ITEMS", lambda c: getattr(c, "child_count", None), justify="right"),
        ),
        empty="no collections",
    )
