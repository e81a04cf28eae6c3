"""Gap reports: the movies of a franchise and the episodes of a show a library lacks, found
with ``plexkit.gaps`` against TMDB and TVDB (``plexkit missing movies|episodes``).

The flags and service clients are in `plexkit.cli.services`, the printing in
`plexkit.cli.gap_output`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from plexkit.cli.connection import open_client
from plexkit.cli.gap_output import episode_tables, movie_tables, print_records, streamed
from plexkit.cli.output import JsonFlag, JsonlFlag, Output
from plexkit.cli.services import (
    Concurrency,
    EpisodeSource,
    EpisodeSourceFlag,
    IncludeUncollected,
    MovieSection,
    SeasonType,
    SeasonTypeFlag,
    ShowOrSection,
    SkipFutureSeasons,
    Specials,
    TMDBKey,
    TMDBToken,
    TMDBUrl,
    Today,
    TVDBKey,
    TVDBPin,
    TVDBUrl,
    Unaired,
    episode_source,
    remember,
    tmdb_client,
    today,
)
from plexkit.errors import ConfigurationError

if TYPE_CHECKING:
    from plexkit import PlexClient
    from plexkit.models import Section, Show

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


@group.command()
def movies(
    ctx: typer.Context,
    section: MovieSection,
    include_uncollected: IncludeUncollected = False,
    today_text: Today = None,
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
    when = today(today_text)
    secrets = remember(ctx, tmdb_key, tmdb_token).secrets()
    from plexkit.gaps import missing_movies

    with tmdb_client(tmdb_key, tmdb_token, tmdb_url) as tmdb, open_client(ctx) as plex:
        found = missing_movies(
            plex,
            section,
            tmdb,
            include_uncollected=include_uncollected,
            concurrency=concurrency,
            today=when,
        )
        kept = print_records(streamed(found, out, f"checking {section}"), out, secrets)
    if not out.structured:
        movie_tables(kept, out, secrets)


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
    show_or_section: ShowOrSection,
    source: EpisodeSourceFlag = EpisodeSource.TVDB,
    season_type: SeasonTypeFlag = SeasonType.DEFAULT,
    specials: Specials = False,
    unaired: Unaired = False,
    skip_future_seasons: SkipFutureSeasons = False,
    today_text: Today = None,
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
    when = today(today_text)
    secrets = remember(ctx, tvdb_key, tvdb_pin, tmdb_key, tmdb_token).secrets()
    from plexkit.gaps import missing_episodes

    client = episode_source(
        source, (tvdb_key, tvdb_pin, tvdb_url), (tmdb_key, tmdb_token, tmdb_url)
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
        kept = print_records(streamed(found, out, f"checking {target.title}"), out, secrets)
    if not out.structured:
        episode_tables(kept, out, secrets)
