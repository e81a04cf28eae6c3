"""How the gap reports print: records as they arrive (JSON lines, one JSON document or
tables with a progress bar on a terminal), secrets scrubbed from every problem's text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from plexkit.cli.errors import scrub
from plexkit.cli.output import Column, Format, Output

if TYPE_CHECKING:
    from plexkit.gaps import EpisodeGap, GapProblem, MovieGap

__all__ = ["episode_tables", "movie_tables", "print_records", "streamed"]

R = TypeVar("R")


def streamed(records: Iterable[R], out: Output, label: str) -> Iterator[R]:
    """``records`` as they come, with a progress bar on a terminal for table output (JSON
    never gets one, so stdout stays clean)."""
    if out.structured or not out.errors.is_terminal:
        yield from records
        return
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} found"),
        TimeElapsedColumn(),
        console=out.errors,
        transient=True,
    )
    with progress:
        task = progress.add_task(label, total=None)
        for record in records:
            progress.advance(task)
            yield record


def print_records(
    records: Iterable[MovieGap | EpisodeGap], out: Output, secrets: list[str]
) -> list[MovieGap | EpisodeGap]:
    """JSON lines as records arrive; otherwise every record, for a document or tables."""
    kept: list[MovieGap | EpisodeGap] = []
    for record in records:
        if out.format is Format.JSONL:
            out.document(_scrubbed(record.to_dict(), secrets))
        else:
            kept.append(record)
    if out.format is Format.JSON:
        out.document([_scrubbed(r.to_dict(), secrets) for r in kept])
    return kept


def _scrubbed(data: dict[str, object], secrets: list[str]) -> dict[str, object]:
    """A problem's text with any secret in it replaced (the library already keeps them out)."""
    if data.get("kind") == "problem" and isinstance(data.get("reason"), str):
        return {**data, "reason": scrub(str(data["reason"]), secrets)}
    return data


def _summary(
    kept: list[MovieGap | EpisodeGap],
    out: Output,
    secrets: list[str],
    missing: int,
    groups: int,
    noun: str,
) -> None:
    """What could not be checked, then ``N missing in M <noun>s[, K could not be checked]``."""
    from plexkit.gaps import GapProblem

    problems = [r for r in kept if isinstance(r, GapProblem)]
    _problems(problems, out, secrets)
    out.note(
        f"{missing} missing in {groups} {noun}{'s' * (groups != 1)}"
        + (f", {len(problems)} could not be checked" if problems else "")
    )


def _problems(problems: list[GapProblem], out: Output, secrets: list[str]) -> None:
    """The problems table (COULD NOT CHECK), when there are any."""
    if not problems:
        return
    out.console.print()
    out.rows(
        problems,
        (
            Column("COULD NOT CHECK", lambda p: p.title, max_width=30),
            Column("KEY", lambda p: p.rating_key, justify="right"),
            Column("REASON", lambda p: scrub(p.reason, secrets), max_width=38),
        ),
    )


def movie_tables(kept: list[MovieGap | EpisodeGap], out: Output, secrets: list[str]) -> None:
    """The missing movies by collection, what could not be checked, and a count."""
    from plexkit.gaps import MissingMovie

    gaps = [r for r in kept if isinstance(r, MissingMovie)]
    out.rows(
        gaps,
        (
            Column("COLLECTION", lambda m: m.collection, max_width=24),
            Column("YEAR", lambda m: m.year, justify="right"),
            Column("TMDB", lambda m: m.tmdb_id, justify="right"),
            Column("TITLE", lambda m: m.title, max_width=28),
            Column("RELEASED", lambda m: m.released),
        ),
        empty="no movie is missing",
    )
    _summary(kept, out, secrets, len(gaps), len({m.collection for m in gaps}), "collection")


def episode_tables(kept: list[MovieGap | EpisodeGap], out: Output, secrets: list[str]) -> None:
    """The missing episodes by show, what could not be checked, and a count."""
    from plexkit.gaps import MissingEpisode

    gaps = [r for r in kept if isinstance(r, MissingEpisode)]
    out.rows(
        gaps,
        (
            Column("SHOW", lambda e: e.show, max_width=26),
            Column("EPISODE", lambda e: f"S{e.season:02d}E{e.episode:02d}"),
            Column("TITLE", lambda e: e.title, max_width=26),
            Column("AIRED", lambda e: e.air_date.isoformat() if e.air_date else None),
        ),
        empty="no episode is missing",
    )
    _summary(kept, out, secrets, len(gaps), len({e.show_rating_key for e in gaps}), "show")
