"""Generated movies (the real franchise films first, then made-up ones) and shows, some
with gaps the fake TMDB/TVDB know about (`plexkit.testing.upstream`)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from plexkit.testing import catalog
from plexkit.testing.builders.base import VideoFile
from plexkit.testing.generation import values as v
from plexkit.testing.store import Node, Section
from plexkit.testing.upstream import LeftOutEpisode, Why, withheld_air_date

if TYPE_CHECKING:
    from plexkit.testing.library import FakeLibrary

TV_COLLECTION = "Prestige Dramas"
_FOREIGN = ("Le ", "La ", "Der ", "El ", "Il ")
_WITHHELD_SEASON_EPISODES = 8
"""Episodes the sources list for a season the library lacks entirely."""
_UPCOMING_EPISODES = 2
_UPCOMING_START = date(2024, 9, 1)
"""After BASE_TIME: the announced seasons of the sources have not aired by then."""

_Identity = tuple[str, int, dict[str, object], list[str], list[str]]
"""title, year, guids, collections, genres"""


def movies(library: FakeLibrary, rng: random.Random, section: Section, count: int) -> list[Node]:
    """``count`` movies: the catalog's franchise films present, then made-up ones."""
    known = [
        (franchise, movie)
        for franchise in catalog.FRANCHISES
        for movie in franchise.movies
        if not movie.missing
    ]
    root = section.locations[0]
    nodes: list[Node] = []
    for position in range(count):
        title, year, guids, collections, genres = _identity(rng, known, position)
        added = v.added_time(rng, position, count)
        duration = rng.randint(85, 170) * 60_000 + rng.randrange(60_000)
        name = f"{title.replace(':', ' -')} ({year})"
        files = [v.video_file(rng, f"{root}/{name}/{name}")]
        if rng.random() < 0.03:
            files.append(VideoFile(f"{root}/{name}/{name} - 4K.mkv", "4k", "mkv", "hevc"))
        fields = _movie_fields(rng, year, added, duration)
        tags = _movie_tags(rng, genres, collections)
        roles = [(v.person(rng), rng.choice(catalog.CHARACTER_NAMES)) for _ in range(4)]
        movie = library.add_movie(
            section,
            title,
            year,
            files=files,
            guids=guids,
            tags=tags,
            roles=roles,
            duration=duration,
            added_at=added,
            **fields,
        )
        nodes.append(movie)
    return nodes


def _identity(
    rng: random.Random, known: list[tuple[catalog.Franchise, catalog.FranchiseMovie]], position: int
) -> _Identity:
    """A franchise film while any are left, else a made-up movie."""
    if position < len(known):
        franchise, movie = known[position]
        kind = "Fantasy" if "Potter" in movie.title or "Rings" in movie.title else "Science Fiction"
        guids: dict[str, object] = {"imdb": movie.imdb_id, "tmdb": movie.tmdb_id}
        return movie.title, movie.year, guids, [franchise.title], ["Adventure", kind]
    title, year = v.title(rng), rng.randint(1960, 2024)
    guids = {
        "imdb": f"tt{rng.randrange(1_000_000, 9_999_999)}",
        "tmdb": rng.randrange(10_000, 999_999),
        "tvdb": rng.randrange(1_000, 399_999),
    }
    return title, year, guids, [], rng.sample(catalog.MOVIE_GENRES, rng.randint(1, 3))


def _movie_fields(rng: random.Random, year: int, added: int, duration: int) -> dict[str, Any]:
    """Studio, ratings, summary and the owner's played state of a movie."""
    fields: dict[str, Any] = {
        "studio": rng.choice(catalog.STUDIOS),
        "contentRating": rng.choice(catalog.MOVIE_RATINGS),
        "summary": f"{v.a(rng.choice(catalog.ADJECTIVES).lower()).capitalize()} tale of "
        f"{v.a(rng.choice(catalog.NOUNS).lower())} and the people caught up in it.",
        "rating": round(rng.uniform(3.5, 9.8), 1),
        "audienceRating": round(rng.uniform(3.5, 9.8), 1),
        "tagline": f"Every {rng.choice(catalog.NOUNS).lower()} has a price.",
        "ratingImage": "rottentomatoes://image.rating.ripe",
        "audienceRatingImage": "rottentomatoes://image.rating.upright",
        "originallyAvailableAt": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }
    if rng.random() < 0.1:
        fields["originalTitle"] = f"{rng.choice(_FOREIGN)}{rng.choice(catalog.NOUNS)}"
    roll = rng.random()
    if roll < 0.35:
        fields["viewCount"] = rng.randint(1, 3)
        fields["lastViewedAt"] = added + rng.randrange(86400, 90 * 86400)
    elif roll < 0.39:
        fields["viewOffset"] = int(duration * rng.uniform(0.1, 0.8))
        fields["lastViewedAt"] = added + rng.randrange(86400, 30 * 86400)
    return fields


def _movie_tags(
    rng: random.Random, genres: list[str], collections: list[str]
) -> dict[str, list[str]]:
    return {
        "Genre": genres,
        "Director": [v.person(rng)],
        "Writer": [v.person(rng) for _ in range(rng.randint(1, 2))],
        "Producer": [v.person(rng) for _ in range(rng.randint(1, 2))],
        "Country": [rng.choice(catalog.COUNTRIES)],
        "Collection": collections,
        "Label": [rng.choice(catalog.LABELS)] if rng.random() < 0.1 else [],
        "Similar": [v.title(rng) for _ in range(2)],
    }


def shows(library: FakeLibrary, rng: random.Random, section: Section, count: int) -> list[Node]:
    """``count`` shows with 1-5 seasons; some have holes, specials or upcoming seasons."""
    nodes: list[Node] = []
    for position in range(count):
        show = _show(library, rng, section, position, count)
        _seasons(library, rng, show, position)
        nodes.append(show)
    return nodes


def _show(
    library: FakeLibrary, rng: random.Random, section: Section, position: int, count: int
) -> Node:
    title, year = v.title(rng, sequels=False), rng.randint(1995, 2022)
    added = v.added_time(rng, position, count)
    runtime = rng.choice((22, 30, 45, 55)) * 60_000
    return library.add_show(
        section,
        title,
        year,
        guids={
            "imdb": f"tt{rng.randrange(1_000_000, 9_999_999)}",
            "tmdb": rng.randrange(1_000, 250_000),
            "tvdb": rng.randrange(70_000, 450_000),
        },
        tags={
            "Genre": rng.sample(catalog.SHOW_GENRES, rng.randint(1, 2)),
            "Country": [rng.choice(catalog.COUNTRIES)],
            "Collection": [TV_COLLECTION] if position % 4 == 2 else [],
            "Similar": [v.title(rng, sequels=False) for _ in range(2)],
        },
        roles=[(v.person(rng), rng.choice(catalog.CHARACTER_NAMES)) for _ in range(3)],
        added_at=added,
        studio=rng.choice(catalog.NETWORKS),
        contentRating=rng.choice(catalog.TV_RATINGS),
        summary=f"{v.a(rng.choice(catalog.ADJECTIVES).lower()).capitalize()} drama set "
        f"around {v.a(rng.choice(catalog.NOUNS).lower())}.",
        rating=round(rng.uniform(5.0, 9.5), 1),
        audienceRating=round(rng.uniform(5.0, 9.5), 1),
        audienceRatingImage="themoviedb://image.rating",
        tagline=f"Nothing stays {rng.choice(catalog.ADJECTIVES).lower()} forever.",
        duration=runtime,
    )


def _seasons(library: FakeLibrary, rng: random.Random, show: Node, position: int) -> None:
    """A show's seasons and episodes; the owner watched the first seasons and started the
    next. What the library leaves out is recorded for the fake TMDB/TVDB."""
    year, show_key = int(show.data["year"]), str(show.data["ratingKey"])
    season_count = rng.randint(1, 5)
    season_indexes = list(range(1, season_count + 1))
    if position % 7 == 3 and season_count >= 3:
        season_indexes.remove(2)
        for number in range(1, _WITHHELD_SEASON_EPISODES + 1):
            _withhold(library, show_key, year, 2, number, "hole")
    if position % 6 == 0:
        season_indexes.insert(0, 0)
        _withhold(library, show_key, year, 0, 3, "special")
    if position % 4 == 0:
        for number in range(1, _UPCOMING_EPISODES + 1):
            _withhold(library, show_key, year, season_count + 1, number, "upcoming")
    watched_seasons = rng.randint(0, season_count)
    for season_index in season_indexes:
        season = library.add_season(show, season_index)
        episode_count = 2 if season_index == 0 else rng.randint(6, 10)
        indexes = list(range(1, episode_count + 1))
        if position % 5 == 1 and season_index == 1:
            indexes = [i for i in indexes if i not in (2, 3)]
            for number in (2, 3):
                _withhold(library, show_key, year, 1, number, "hole")
        for episode_index in indexes:
            _episode(library, rng, season, episode_index, watched_seasons)


def _episode(
    library: FakeLibrary, rng: random.Random, season: Node, index: int, watched_seasons: int
) -> None:
    """One episode: watched in the first ``watched_seasons``, started just after them."""
    show = season.parent
    assert show is not None, "a season always has a show"
    added, runtime = int(show.data["addedAt"]), int(show.data["duration"])
    season_index = int(season.data["index"])
    fields: dict[str, Any] = {}
    if 0 < season_index <= watched_seasons:
        fields["viewCount"] = 1
        fields["lastViewedAt"] = added + season_index * 86400 + index * 3600
    elif season_index == watched_seasons + 1 and index == 1:
        fields["viewOffset"] = runtime // 3
        fields["lastViewedAt"] = added + season_index * 86400
    library.add_episode(
        season,
        index,
        f"{rng.choice(catalog.ADJECTIVES)} {rng.choice(catalog.NOUNS)}",
        guids={"tvdb": rng.randrange(1_000_000, 9_999_999)},
        tags={"Director": [v.person(rng)], "Writer": [v.person(rng)]},
        duration=runtime + rng.randrange(-120_000, 120_000),
        added_at=added + season_index * 604800 + index * 60,
        rating=round(rng.uniform(5.0, 9.5), 1),
        audienceRating=round(rng.uniform(5.0, 9.5), 1),
        audienceRatingImage="themoviedb://image.rating",
        chapterSource="media",
        **fields,
    )


def _withhold(
    library: FakeLibrary, show_key: str, year: int, season: int, number: int, why: Why
) -> None:
    """Record an episode the sources list and the library leaves out (no random draws, so
    the library itself is unchanged by the record)."""
    if why == "upcoming":
        aired = _UPCOMING_START + timedelta(weeks=number - 1)
    elif why == "special":
        aired = date(year, 12, 24)
    else:
        aired = withheld_air_date(year, season, number)
    title = "Special" if season == 0 else f"Episode {number}"
    library.upstream.withhold(show_key, LeftOutEpisode(season, number, title, aired, why))
