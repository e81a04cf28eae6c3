"""Changing the library: scans (with a progress bar), edits and matches."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from plexkit.cli.connection import open_client
from plexkit.cli.output import Column, JsonFlag, JsonlFlag, Output

if TYPE_CHECKING:
    from plexkit import PlexClient
    from plexkit.models import Activity, MatchCandidate, ScanResult, Section

__all__ = ["app"]

app = typer.Typer()
PANEL = "Change"


@app.command(rich_help_panel=PANEL)
def scan(
    ctx: typer.Context,
    section: Annotated[str, typer.Argument(help="Section key or title.", metavar="SECTION")],
    path: Annotated[
        list[str] | None,
        typer.Option(help="Scan only this folder of the section (repeatable).", metavar="PATH"),
    ] = None,
    wait: Annotated[
        bool, typer.Option("--wait", help="Show the scan's progress and return when it ends.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Re-read unchanged files too.")] = False,
    timeout: Annotated[
        float, typer.Option(help="With --wait: give up after this many seconds.", min=1)
    ] = 3600.0,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """Scan a section for new and changed files (the whole section, or only --path folders).

    Examples: plexkit scan Movies; plexkit scan Movies --path /data/movies/New --wait
    """
    out = Output.choose(json, jsonl)
    targets: list[str | None] = list(path) if path else [None]
    with open_client(ctx) as plex:
        chosen = plex.library.section(section)
        if not wait:
            for target in targets:
                plex.library.refresh(chosen.key, path=target, force=force)
            where = ", ".join(t for t in targets if t) or "the whole section"
            out.done(
                f"scan of {chosen.title} ({where}) requested",
                {"section": chosen.key, "paths": [t for t in targets if t], "started": True},
            )
            return
        results = _scans_followed(plex, chosen, targets, force, timeout, out)
    if out.structured:
        out.document(
            [_scan_json(r) for r in results] if len(results) > 1 else _scan_json(results[0])
        )
    else:
        for result in results:
            out.done(f"scan of {chosen.title} finished ({result.via})")


def _scans_followed(
    plex: PlexClient,
    chosen: Section,
    targets: list[str | None],
    force: bool,
    timeout: float,
    out: Output,
) -> list[ScanResult]:
    """Scan each target in turn and wait for its end, a progress bar each on stderr."""
    results: list[ScanResult] = []
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=out.structured,
    )
    with progress:
        for target in targets:
            label = f"scanning {chosen.title}" + (f" {target}" if target else "")
            task = progress.add_task(label, total=100)

            def advance(activity: Activity, task: Any = task, label: str = label) -> None:
                if activity.progress is not None and activity.progress >= 0:
                    progress.update(task, completed=activity.progress)
                if activity.subtitle:
                    progress.update(task, description=f"{label}: {activity.subtitle}"[:40])

            result = plex.library.refresh_and_wait(
                chosen, path=target, force=force, timeout=timeout, on_progress=advance
            )
            progress.update(task, completed=100, description=label)
            results.append(result)
    return results


def _scan_json(result: ScanResult) -> dict[str, Any]:
    return {
        "section": result.section_key,
        "path": result.path,
        "finished": True,
        "via": result.via,
        "activities": list(result.activities),
    }


@app.command(rich_help_panel=PANEL)
def edit(
    ctx: typer.Context,
    rating_key: Annotated[str, typer.Argument(help="The item's rating key.")],
    title: Annotated[str | None, typer.Option(help="New title.")] = None,
    title_sort: Annotated[str | None, typer.Option(help="New sort title.")] = None,
    summary: Annotated[str | None, typer.Option(help="New summary.")] = None,
    year: Annotated[int | None, typer.Option(help="New year.")] = None,
    studio: Annotated[str | None, typer.Option(help="New studio.")] = None,
    genre: Annotated[
        list[str] | None, typer.Option(help="Genres: the new list (repeatable).", metavar="GENRE")
    ] = None,
    lock: Annotated[
        bool,
        typer.Option(help="Lock the edited fields so agents keep them (--no-lock unlocks)."),
    ] = True,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """Change an item's fields and lock them against agent updates.

    Examples: plexkit edit 1042 --title "Alien (Director's Cut)";
    plexkit edit 1042 --genre Horror --genre Sci-Fi --no-lock
    """
    out = Output.choose(json, jsonl)
    fields: dict[str, Any] = {
        name: value
        for name, value in (
            ("title", title),
            ("title_sort", title_sort),
            ("summary", summary),
            ("year", year),
            ("studio", studio),
            ("genres", genre),
        )
        if value is not None
    }
    if not fields:
        raise typer.BadParameter("give at least one field to change, e.g. --title")
    with open_client(ctx) as plex:
        plex.metadata.edit(rating_key, lock=lock, **fields)
        locked = sorted(plex.metadata.locked_fields(rating_key))
    out.done(
        f"edited {rating_key}: {', '.join(sorted(fields))}"
        + (f" (locked: {', '.join(locked)})" if locked else ""),
        {"rating_key": rating_key, "changed": fields, "locked": locked},
    )


@app.command(rich_help_panel=PANEL)
def match(
    ctx: typer.Context,
    rating_key: Annotated[str, typer.Argument(help="The item's rating key.")],
    title: Annotated[str | None, typer.Option(help="Search by this title instead.")] = None,
    year: Annotated[int | None, typer.Option(help="Search by this year instead.")] = None,
    agent: Annotated[str | None, typer.Option(help="Ask this agent instead.")] = None,
    guid: Annotated[
        str | None, typer.Option(help="Match the item to this guid.", metavar="GUID")
    ] = None,
    best: Annotated[
        bool, typer.Option("--best", help="Match the item to the best candidate.")
    ] = False,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """List an item's match candidates, or fix its match with --guid or --best.

    Examples: plexkit match 1042; plexkit match 1042 --title Alien --year 1979 --best
    """
    out = Output.choose(json, jsonl)
    if guid and best:
        raise typer.BadParameter("give --guid or --best, not both")
    with open_client(ctx) as plex:
        if guid:
            plex.metadata.match(rating_key, guid)
            out.done(f"matched {rating_key} to {guid}", {"rating_key": rating_key, "guid": guid})
            return
        found = plex.metadata.matches(rating_key, title=title, year=year, agent=agent)
        if best:
            if not found:
                raise typer.BadParameter(f"the agent has no candidates for {rating_key}")
            chosen: MatchCandidate = found[0]
            plex.metadata.match(rating_key, chosen)
            out.done(
                f"matched {rating_key} to {chosen.name} ({chosen.year}) {chosen.guid}",
                {"rating_key": rating_key, "guid": chosen.guid, "name": chosen.name},
            )
            return
    out.rows(
        found,
        (
            Column("SCORE", lambda c: c.score, justify="right"),
            Column("NAME", lambda c: c.name, max_width=34),
            Column("YEAR", lambda c: c.year, justify="right"),
            Column("GUID", lambda c: c.guid, max_width=34),
        ),
        empty="no match candidates",
    )
