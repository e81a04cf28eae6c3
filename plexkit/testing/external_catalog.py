"""The listings the fake TMDB and TVDB serve, derived from a fake library (no I/O).

Movies: every movie of the library's movie sections by its ``tmdb://`` guid, plus the parts of
`FRANCHISES` the library leaves out; franchises are TMDB
collections. Shows: every show by its ``tmdb://`` and ``tvdb://`` guids, with the library's
episodes plus the ones ``library.upstream`` records as withheld.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from plexkit.testing import catalog
from plexkit.testing.library import FakeLibrary
from plexkit.testing.store import Node

__all__ = ["ListedEpisode", "ListedMovie", "ListedShow", "Listings", "listings_for"]

_TYPE_MOVIE = 1
_TYPE_SHOW = 2


@dataclass(frozen=True)
class ListedMovie:
    """A movie as the fake TMDB knows it."""

    tmdb_id: int
    title: str
    release_date: date | None
    imdb_id: str | None
    collection_id: int | None


@dataclass(frozen=True)
class ListedEpisode:
    """An episode as the fake sources list it; ``tvdb_id`` is its TVDB episode id."""

    season: int
    episode: int
    title: str
    aired: date | None
    tvdb_id: int


@dataclass
class ListedShow:
    """A show and every episode the sources list for it."""

    title: str
    year: int
    tmdb_id: int | None
    tvdb_id: int | None
    episodes: list[ListedEpisode] = field(default_factory=list)

    def seasons(self) -> dict[int, list[ListedEpisode]]:
        """Episodes by season number, each season in episode order."""
        out: dict[int, list[ListedEpisode]] = defaultdict(list)
        for episode in sorted(self.episodes, key=lambda e: (e.season, e.episode)):
            out[episode.season].append(episode)
        return dict(sorted(out.items()))


@dataclass
class Listings:
    """Everything the fake TMDB and TVDB serve."""

    movies: dict[int, ListedMovie] = field(default_factory=dict)
    collections: dict[int, tuple[str, list[int]]] = field(default_factory=dict)
    """TMDB collection id -> (name, part TMDB ids in release order)."""
    shows: list[ListedShow] = field(default_factory=list)

    def show_by_tmdb(self, tmdb_id: int) -> ListedShow | None:
        """The show with this TMDB id."""
        return next((s for s in self.shows if s.tmdb_id == tmdb_id), None)

    def show_by_tvdb(self, tvdb_id: int) -> ListedShow | None:
        """The show with this TVDB id."""
        return next((s for s in self.shows if s.tvdb_id == tvdb_id), None)


def _guid_ids(node: Node) -> dict[str, str]:
    ids: dict[str, str] = {}
    for guid in node.data.get("Guid", ()):
        scheme, _, value = str(guid.get("id", "")).partition("://")
        ids.setdefault(scheme, value)
    return ids


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def listings_for(library: FakeLibrary) -> Listings:
    """The TMDB/TVDB view of ``library`` (a snapshot: later edits are not seen)."""
    listings = Listings()
    franchise_of = {
        movie.tmdb_id: franchise for franchise in catalog.FRANCHISES for movie in franchise.movies
    }
    for section in library.sections.values():
        for node in library.items(section, _TYPE_MOVIE) if section.kind == "movie" else ():
            ids = _guid_ids(node)
            tmdb_id = _number(ids.get("tmdb"))
            if tmdb_id is None:
                continue
            franchise = franchise_of.get(tmdb_id)
            listings.movies[tmdb_id] = ListedMovie(
                tmdb_id=tmdb_id,
                title=str(node.data.get("title", "")),
                release_date=_date(node.data.get("originallyAvailableAt")),
                imdb_id=ids.get("imdb"),
                collection_id=franchise.tmdb_collection_id if franchise else None,
            )
        for node in library.items(section, _TYPE_SHOW) if section.kind == "show" else ():
            listings.shows.append(_show(library, node))
    for franchise in catalog.FRANCHISES:
        for movie in franchise.movies:
            listings.movies.setdefault(
                movie.tmdb_id,
                ListedMovie(
                    tmdb_id=movie.tmdb_id,
                    title=movie.title,
                    release_date=date(movie.year, 12, 15),
                    imdb_id=movie.imdb_id,
                    collection_id=franchise.tmdb_collection_id,
                ),
            )
        listings.collections[franchise.tmdb_collection_id] = (
            franchise.title,
            [movie.tmdb_id for movie in franchise.movies],
        )
    return listings


def _show(library: FakeLibrary, node: Node) -> ListedShow:
    ids = _guid_ids(node)
    show = ListedShow(
        title=str(node.data.get("title", "")),
        year=int(node.data.get("year") or 2000),
        tmdb_id=_number(ids.get("tmdb")),
        tvdb_id=_number(ids.get("tvdb")),
    )
    for season in node.children:
        for episode in season.children:
            show.episodes.append(
                ListedEpisode(
                    season=int(season.data["index"]),
                    episode=int(episode.data["index"]),
                    title=str(episode.data.get("title", "")),
                    aired=_date(episode.data.get("originallyAvailableAt")),
                    tvdb_id=_number(_guid_ids(episode).get("tvdb")) or episode.rating_key,
                )
            )
    for left_out in library.upstream.for_show(str(node.data["ratingKey"])):
        show.episodes.append(
            ListedEpisode(
                season=left_out.season,
                episode=left_out.episode,
                title=left_out.title,
                aired=left_out.aired,
                tvdb_id=10_000_000
                + node.rating_key * 1000
                + left_out.season * 50
                + left_out.episode,
            )
        )
    return show
