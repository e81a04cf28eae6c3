"""Gap reports: the movies of a franchise and the episodes of a show a library lacks, found
with ``plexkit.gaps`` against TMDB and TVDB (``plexkit missing movies|episodes``)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from plexkit.cli.connection import Connection, open_client, options
from plexkit.cli.errors import scrub
from plexkit.cli.output import Column, Format, JsonFlag, JsonlFlag, Output
from plexkit.errors import ConfigurationError

if TYPE_CHECKING:
    from plexkit import PlexClient
    from plexkit.gaps import EpisodeGap, GapProblem, MovieGap
    from plexkit.models import Section, Show
    from plexkit.tmdb import TMDBClient
    from plexkit.tvdb import TVDBClient

__all__ = ["app"]

app = typer.Typer()
group = typer.Typer(
    name="missing",
    help=(
        "Report what a library lacks: the movies of a collection's franchise (TMDB) and the "
        "episodes of a show (TVDB or TMDB).\n\n"
        "Credentials come from flags or the environment: TMDB_API_KEY or TMDB_READ_TOKEN, "
        "TVDB_API_KEY and TVDB_PIN."
    ),
    epilog=(
        "Examples: plexkit missing movies Movies; "
        "plexkit missing episodes 'TV Shows' --source tmdb --json"
    ),
    no_args_is_help=True,
)
app.add_typer(group, rich_help_panel="Missing media")

R = TypeVar("R")


class EpisodeSource(str, enum.Enum):
    """Where the episode lists come from."""

    TVDB = "tvdb"
    TMDB = "tmdb"


class SeasonType(str, enum.Enum):
    """TVDB's episode orderings."""

    DEFAULT = "default"
    OFFICIAL = "official"
    DVD = "dvd"
    ABSOLUTE = "absolute"


TMDBKey = Annotated[
    str | None,
    typer.Option(
        "--tmdb-key",
        envvar="TMDB_API_KEY",
        show_envvar=True,
        help="TMDB v3 API key.",
        metavar="KEY",
    ),
]
TMDBToken = Annotated[
    str | None,
    typer.Option(
        "--tmdb-token",
        envvar="TMDB_READ_TOKEN",
        show_envvar=True,
        help="TMDB v4 read access token (instead of the API key).",
        metavar="TOKEN",
    ),
]
TMDBUrl = Annotated[
    str | None,
    typer.Option(
        "--tmdb-url",
        envvar="PLEXKIT_TMDB_URL",
        show_envvar=True,
        help="TMDB API base URL (default: TMDB's v3 API).",
        metavar="URL",
    ),
]
TVDBKey = Annotated[
    str | None,
    typer.Option(
        "--tvdb-key",
        envvar="TVDB_API_KEY",
        show_envvar=True,
        help="TVDB v4 project API key.",
        metavar="KEY",
    ),
]
TVDBPin = Annotated[
    str | None,
    typer.Option(
        "--tvdb-pin",
        envvar="TVDB_PIN",
        show_envvar=True,
        help="TVDB subscriber PIN, if your key needs one.",
        metavar="PIN",
    ),
]
TVDBUrl = Annotated[
    str | None,
    typer.Option(
        "--tvdb-url",
        envvar="PLEXKIT_TVDB_URL",
        show_envvar=True,
        help="TVDB API base URL (default: TVDB's v4 API).",
        metavar="URL",
    ),
]
Today = Annotated[
    str | None,
    typer.Option(
        "--today",
        help="Judge released/aired as of this date (YYYY-MM-DD; default today).",
        metavar="DATE",
    ),
]
Concurrency = Annotated[
    int, typer.Option(help="Collections or shows checked at once.", min=1, metavar="N")
]


def _remember(ctx: typer.Context, *secrets: str | None) -> Connection:
    """Add this run's service secrets to those every error message is scrubbed of."""
    connection = options(ctx)
    connection.extra_secrets.extend(s for s in secrets if s)
    return connection


def _today(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not a date like 2026-01-31", param_hint="--today"
        ) from None


def _tmdb(key: str | None, token: str | None, url: str | None) -> TMDBClient:
    """A TMDB client from the flags; refuses (usage error) before any request without one
    credential."""
    if key and token:
        raise typer.BadParameter(
            "give a TMDB API key or a read token, not both", param_hint="--tmdb-key/--tmdb-token"
        )
    if not key and not token:
        raise typer.BadParameter(
            "a TMDB credential is needed: --tmdb-key or $TMDB_API_KEY, "
            "or --tmdb-token or $TMDB_READ_TOKEN",
            param_hint="--tmdb-key/--tmdb-token",
        )
    from plexkit.tmdb import TMDB_URL, TMDBClient

    if key:
        return TMDBClient(api_key=key, base_url=url or TMDB_URL)
    return TMDBClient(read_token=token, base_url=url or TMDB_URL)


def _tvdb(key: str | None, pin: str | None, url: str | None) -> TVDBClient:
    """A TVDB client from the flags; refuses (usage error) before any request without a key."""
    if not key:
        raise typer.BadParameter(
            "a TVDB API key is needed: --tvdb-key or $TVDB_API_KEY (or use --source tmdb)",
            param_hint="--tvdb-key",
        )
    from plexkit.tvdb import TVDB_URL, TVDBClient

    return TVDBClient(key, pin=pin or None, base_url=url or TVDB_URL)


def _streamed(records: Iterable[R], out: Output, label: str) -> Iterator[R]:
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


def _print(
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


def _problems(problems: list[GapProblem], out: Output, secrets: list[str]) -> None:
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


@group.command()
def movies(
    ctx: typer.Context,
    section: Annotated[
        str, typer.Argument(help="A movie section: key or title.", metavar="SECTION")
    ],
    include_uncollected: Annotated[
        bool,
        typer.Option(
            "--include-uncollected",
            help="Also report TMDB collections of movies that are in no Plex collection.",
        ),
    ] = False,
    today: Today = None,
    concurrency: Concurrency = 8,
    tmdb_key: TMDBKey = None,
    tmdb_token: TMDBToken = None,
    tmdb_url: TMDBUrl = None,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """List the movies of each collection's TMDB franchise that the section does not own.

    A collection TMDB cannot place is listed under COULD NOT CHECK; the run goes on.

    Examples: plexkit missing movies Movies; plexkit missing movies Movies --json;
    plexkit missing movies 1 --include-uncollected --jsonl | jq .title
    """
    out = Output.choose(json, jsonl)
    when = _today(today)
    connection = _remember(ctx, tmdb_key, tmdb_token)
    from plexkit.gaps import GapProblem, MissingMovie, missing_movies

    with _tmdb(tmdb_key, tmdb_token, tmdb_url) as tmdb, open_client(ctx) as plex:
        found = missing_movies(
            plex,
            section,
            tmdb,
            include_uncollected=include_uncollected,
            concurrency=concurrency,
            today=when,
        )
        kept = _print(_streamed(found, out, f"checking {section}"), out, connection.secrets())
    if out.structured:
        return
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
    problems = [r for r in kept if isinstance(r, GapProblem)]
    _problems(problems, out, connection.secrets())
    collections = len({m.collection for m in gaps})
    out.note(
        f"{len(gaps)} missing in {collections} collection{'s' * (collections != 1)}"
        + (f", {len(problems)} could not be checked" if problems else "")
    )


def _target(plex: PlexClient, wanted: str) -> Section | Show:
    """A TV section by key or title, else a show by rating key or exact title."""
    from plexkit.models import Show

    sections = plex.library.sections()
    for section in sections:
        if section.key == wanted or (section.title or "").casefold() == wanted.casefold():
            return section
    if wanted.isdigit():
        item = plex.metadata.get(wanted)
        if isinstance(item, Show):
            return item
        raise ConfigurationError(f"item {wanted} is a {item.type or 'item'}, not a show")
    for hub in plex.library.search(wanted):
        for item in hub.items:
            if isinstance(item, Show) and item.title.casefold() == wanted.casefold():
                full = plex.metadata.get(item.rating_key)  # search results carry no guids
                if isinstance(full, Show):
                    return full
    names = ", ".join(repr(s.title) for s in sections if s.type == "show") or "none"
    raise ConfigurationError(f"no TV section or show called {wanted!r} (TV sections: {names})")


@group.command()
def episodes(
    ctx: typer.Context,
    show_or_section: Annotated[
        str,
        typer.Argument(
            help="A TV section (key or title) or one show (rating key or title).",
            metavar="SHOW_OR_SECTION",
        ),
    ],
    source: Annotated[
        EpisodeSource, typer.Option(help="Where the episode lists come from.")
    ] = EpisodeSource.TVDB,
    season_type: Annotated[
        SeasonType, typer.Option(help="TVDB's episode ordering.")
    ] = SeasonType.DEFAULT,
    specials: Annotated[
        bool, typer.Option("--specials", help="Also report specials (season 0).")
    ] = False,
    unaired: Annotated[
        bool, typer.Option("--unaired", help="Also report episodes not aired yet.")
    ] = False,
    skip_future_seasons: Annotated[
        bool,
        typer.Option(
            "--skip-future-seasons", help="Leave out seasons none of whose episodes has aired."
        ),
    ] = False,
    today: Today = None,
    concurrency: Concurrency = 8,
    tvdb_key: TVDBKey = None,
    tvdb_pin: TVDBPin = None,
    tvdb_url: TVDBUrl = None,
    tmdb_key: TMDBKey = None,
    tmdb_token: TMDBToken = None,
    tmdb_url: TMDBUrl = None,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """List the episodes TVDB (or TMDB) has for each show that Plex lacks.

    Specials and unaired episodes are left out unless asked for; a show without the id
    the source needs is listed under COULD NOT CHECK and the run goes on.

    Examples: plexkit missing episodes 'TV Shows'; plexkit missing episodes 2 --source tmdb
    --jsonl; plexkit missing episodes 'The Wire' --season-type dvd --specials
    """
    out = Output.choose(json, jsonl)
    when = _today(today)
    connection = _remember(ctx, tvdb_key, tvdb_pin, tmdb_key, tmdb_token)
    from plexkit.gaps import GapProblem, MissingEpisode, missing_episodes

    client: TVDBClient | TMDBClient = (
        _tvdb(tvdb_key, tvdb_pin, tvdb_url)
        if source is EpisodeSource.TVDB
        else _tmdb(tmdb_key, tmdb_token, tmdb_url)
    )
    with client, open_client(ctx) as plex:
        target = _target(plex, show_or_section)
        found = missing_episodes(
            plex,
            target,
            client,
            season_type=season_type.value,
            skip_specials=not specials,
            skip_unaired=not unaired,
            skip_future_seasons=skip_future_seasons,
            concurrency=concurrency,
            today=when,
        )
        label = f"checking {target.title}"
        kept = _print(_streamed(found, out, label), out, connection.secrets())
    if out.structured:
        return
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
    problems = [r for r in kept if isinstance(r, GapProblem)]
    _problems(problems, out, connection.secrets())
    shows = len({e.show_rating_key for e in gaps})
    out.note(
        f"{len(gaps)} missing in {shows} show{'s' * (shows != 1)}"
        + (f", {len(problems)} could not be checked" if problems else "")
    )
