"""The flags of the gap reports and what they build: TMDB and TVDB credentials (flags or the
environment) and clients, the report date, and the arguments of ``plexkit missing``."""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plexkit.cli.connection import Connection, options

if TYPE_CHECKING:
    from plexkit.tmdb import TMDBClient
    from plexkit.tvdb import TVDBClient

__all__ = [
    "Concurrency",
    "EpisodeSource",
    "EpisodeSourceFlag",
    "IncludeUncollected",
    "MovieSection",
    "SeasonType",
    "SeasonTypeFlag",
    "ShowOrSection",
    "SkipFutureSeasons",
    "Specials",
    "TMDBKey",
    "TMDBToken",
    "TMDBUrl",
    "TVDBKey",
    "TVDBPin",
    "TVDBUrl",
    "Today",
    "Unaired",
    "episode_source",
    "remember",
    "tmdb_client",
    "today",
    "tvdb_client",
]


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


def _from_env(flag: str, envvar: str, help: str, metavar: str) -> Any:
    """A text option that falls back to ``envvar`` (named in ``--help``)."""
    return typer.Option(flag, envvar=envvar, show_envvar=True, help=help, metavar=metavar)


TMDBKey = Annotated[str | None, _from_env("--tmdb-key", "TMDB_API_KEY", "TMDB v3 API key.", "KEY")]
TMDBToken = Annotated[
    str | None,
    _from_env(
        "--tmdb-token",
        "TMDB_READ_TOKEN",
        "TMDB v4 read access token (instead of the API key).",
        "TOKEN",
    ),
]
TMDBUrl = Annotated[
    str | None,
    _from_env(
        "--tmdb-url", "PLEXKIT_TMDB_URL", "TMDB API base URL (default: TMDB's v3 API).", "URL"
    ),
]
TVDBKey = Annotated[
    str | None, _from_env("--tvdb-key", "TVDB_API_KEY", "TVDB v4 project API key.", "KEY")
]
TVDBPin = Annotated[
    str | None,
    _from_env("--tvdb-pin", "TVDB_PIN", "TVDB subscriber PIN, if your key needs one.", "PIN"),
]
TVDBUrl = Annotated[
    str | None,
    _from_env(
        "--tvdb-url", "PLEXKIT_TVDB_URL", "TVDB API base URL (default: TVDB's v4 API).", "URL"
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


MovieSection = Annotated[
    str, typer.Argument(help="A movie section: key or title.", metavar="SECTION")
]
IncludeUncollected = Annotated[
    bool,
    typer.Option(
        "--include-uncollected",
        help="Also report TMDB collections of movies that are in no Plex collection.",
    ),
]
ShowOrSection = Annotated[
    str,
    typer.Argument(
        help="A TV section (key or title) or one show (rating key or title).",
        metavar="SHOW_OR_SECTION",
    ),
]
EpisodeSourceFlag = Annotated[
    EpisodeSource, typer.Option(help="Where the episode lists come from.")
]
SeasonTypeFlag = Annotated[SeasonType, typer.Option(help="TVDB's episode ordering.")]
Specials = Annotated[bool, typer.Option("--specials", help="Also report specials (season 0).")]
Unaired = Annotated[bool, typer.Option("--unaired", help="Also report episodes not aired yet.")]
SkipFutureSeasons = Annotated[
    bool,
    typer.Option(
        "--skip-future-seasons", help="Leave out seasons none of whose episodes has aired."
    ),
]


def remember(ctx: typer.Context, *secrets: str | None) -> Connection:
    """Add this run's service secrets to those every error message is scrubbed of."""
    connection = options(ctx)
    connection.extra_secrets.extend(s for s in secrets if s)
    return connection


def today(text: str | None) -> date | None:
    """The ``--today`` date; a usage error unless it reads as YYYY-MM-DD."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not a date like 2026-01-31", param_hint="--today"
        ) from None


def tmdb_client(key: str | None, token: str | None, url: str | None) -> TMDBClient:
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


def tvdb_client(key: str | None, pin: str | None, url: str | None) -> TVDBClient:
    """A TVDB client from the flags; refuses (usage error) before any request without a key."""
    if not key:
        raise typer.BadParameter(
            "a TVDB API key is needed: --tvdb-key or $TVDB_API_KEY (or use --source tmdb)",
            param_hint="--tvdb-key",
        )
    from plexkit.tvdb import TVDB_URL, TVDBClient

    return TVDBClient(key, pin=pin or None, base_url=url or TVDB_URL)


def episode_source(
    source: EpisodeSource,
    tvdb: tuple[str | None, str | None, str | None],
    tmdb: tuple[str | None, str | None, str | None],
) -> TVDBClient | TMDBClient:
    """The client of the chosen episode source, from its (key, pin or token, url) flags."""
    if source is EpisodeSource.TVDB:
        return tvdb_client(*tvdb)
    return tmdb_client(*tmdb)
