"""Seeded generation of a realistic library (one ``random.Random(seed)``, no wall clock).

Layout: 1 Movies, 2 TV Shows, 3 Music, 4 Photos. The first movies are the real franchise
films of :mod:`plexkit.testing.catalog` (some parts deliberately missing) collected into
their collections; one smart collection lists recent science fiction. Some shows have
gaps: every fifth show misses episodes 2-3 of its first season, and every seventh show with
three or more seasons has no season 2; ``library.upstream`` records what the fake TMDB and
TVDB list beyond that (:mod:`plexkit.testing.upstream`). History spans four accounts; three
sessions play.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from plexkit.testing import catalog
from plexkit.testing.library import VideoFile
from plexkit.testing.store import Node, Section
from plexkit.testing.upstream import LeftOutEpisode, Why, withheld_air_date

if TYPE_CHECKING:
    from plexkit.testing.library import FakeLibrary

BASE_TIME = 1_717_200_000
"""Generated ``addedAt``/``viewedAt`` values lie before this instant (2024-06-01)."""
_SPAN = 6 * 365 * 86400
_TV_COLLECTION = "Prestige Dramas"
_TRACK_WORDS = ("Song", "Blues", "Dance", "Reprise")
_FOREIGN = ("Le ", "La ", "Der ", "El ", "Il ")
_WITHHELD_SEASON_EPISODES = 8
"""Episodes the sources list for a season the library lacks entirely."""
_UPCOMING_EPISODES = 2
_UPCOMING_START = date(2024, 9, 1)
"""After BASE_TIME: the announced seasons of the sources have not aired by then."""
_ACCOUNTS = ((1, "plexadmin"), (4201337, "alice"), (5123456, "bob"), (7654321, "carol"))
_PLAYERS = (
    {
        "address": "192.168.1.23",
        "device": "SHIELD Android TV",
        "machineIdentifier": "9a3c1f2e7b6d4c58-com-plexapp-android",
        "model": "darcy",
        "platform": "Android",
        "platformVersion": "11",
        "product": "Plex for Android (TV)",
        "deviceClass": "stb",
        "profile": "Android",
        "remotePublicAddress": "203.0.113.7",
        "title": "Living Room",
        "vendor": "NVIDIA",
        "version": "10.12.0.1234",
    },
    {
        "address": "192.168.1.40",
        "device": "Linux",
        "machineIdentifier": "k3j8x2m9q4w7e1r5t6y0u2i8",
        "model": "bundled",
        "platform": "Chrome",
        "platformVersion": "126.0",
        "product": "Plex Web",
        "profile": "Web",
        "remotePublicAddress": "203.0.113.7",
        "title": "Chrome",
        "vendor": "",
        "version": "4.128.1",
    },
    {
        "address": "192.168.1.77",
        "device": "iPhone",
        "machineIdentifier": "5B1E9F0C-4A2D-4E7B-9C3A-1D2E3F4A5B6C",
        "model": "iPhone15,2",
        "platform": "iOS",
        "platformVersion": "17.5",
        "product": "Plexamp",
        "profile": "iOS",
        "remotePublicAddress": "198.51.100.20",
        "title": "Carol's iPhone",
        "vendor": "Apple",
        "version": "4.11.0",
    },
)


def populate(
    library: FakeLibrary,
    seed: int,
    *,
    movies: int,
    shows: int,
    artists: int,
    photo_albums: int,
    history: int,
) -> None:
    """Fill an empty library deterministically from ``seed``."""
    rng = random.Random(seed)
    for account_id, name in _ACCOUNTS:
        library.add_account(account_id, name)
    movie_section = library.add_section("movie", "Movies", ["/data/media/movies"])
    tv_section = library.add_section("show", "TV Shows", ["/data/media/tv"])
    music_section = library.add_section("artist", "Music", ["/data/media/music"])
    photo_section = library.add_section("photo", "Photos", ["/data/media/photos"])
    movie_nodes = _movies(library, rng, movie_section, movies)
    show_nodes = _shows(library, rng, tv_section, shows)
    track_nodes = _music(library, rng, music_section, artists)
    photo_nodes = _photos(library, rng, photo_section, photo_albums)
    _collections(library, movie_section, tv_section, movie_nodes, show_nodes)
    episodes = [e for show in show_nodes for season in show.children for e in season.children]
    _playlists(library, rng, movie_nodes, episodes, track_nodes, photo_nodes)
    _history(library, rng, movie_nodes + episodes + track_nodes, history)
    _sessions(library, movie_nodes, episodes, track_nodes)


def _weighted(**weights: int) -> tuple[str, ...]:
    """A tuple to ``rng.choice`` from, each value repeated by its weight (faster than choices)."""
    return tuple(value for value, weight in weights.items() for _ in range(weight))


_RESOLUTION = _weighted(**{"4k": 15, "1080": 55, "720": 22, "sd": 8})
_CONTAINER = _weighted(mkv=70, mp4=27, avi=3)
_CODEC = _weighted(h264=80, hevc=20)
_PEOPLE = tuple(f"{first} {last}" for last in catalog.LAST_NAMES for first in catalog.FIRST_NAMES)


def _person(rng: random.Random) -> str:
    return _PEOPLE[rng.randrange(len(_PEOPLE))]


def _title(rng: random.Random, *, sequels: bool = True) -> str:
    article = rng.choice(("The ", "", "", "A "))
    adjective = rng.choice(catalog.ADJECTIVES)
    if article == "A " and adjective[0] in "AEIOU":
        article = "An "
    suffix = rng.choice(catalog.SEQUEL_SUFFIXES) if sequels else ""
    return f"{article}{adjective} {rng.choice(catalog.NOUNS)}{suffix}"


def _a(word: str) -> str:
    """``word`` with its indefinite article ("an iron", "a lucky")."""
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _plays(rng: random.Random, added_at: int, share: float) -> dict[str, Any]:
    """``viewCount``/``lastViewedAt`` for a ``share`` of items, nothing for the rest."""
    if rng.random() >= share:
        return {}
    return {
        "viewCount": rng.randint(1, 9),
        "lastViewedAt": added_at + rng.randrange(86400, 9_000_000),
    }


def _added_at(rng: random.Random, position: int, count: int) -> int:
    """Later positions were added later; the last item is the most recently added."""
    return BASE_TIME - int((count - position) * _SPAN / max(count, 1)) - rng.randrange(3600)


def _video_file(rng: random.Random, path_stem: str) -> VideoFile:
    resolution = rng.choice(_RESOLUTION)
    container = "mkv" if resolution == "4k" else rng.choice(_CONTAINER)
    codec = "hevc" if resolution == "4k" else rng.choice(_CODEC)
    audio = [(rng.choice(("eac3", "ac3", "dca", "truehd", "aac")), "eng", rng.choice((2, 6, 6, 8)))]
    if rng.random() < 0.3:
        audio.append(("ac3", rng.choice(("fra", "deu", "spa", "ita")), 6))
    subtitles = ["eng"] + (["spa"] if rng.random() < 0.4 else [])
    return VideoFile(
        f"{path_stem}.{container}", resolution, container, codec, tuple(audio), tuple(subtitles)
    )


def _movies(library: FakeLibrary, rng: random.Random, section: Section, count: int) -> list[Node]:
    known = [
        (franchise, movie)
        for franchise in catalog.FRANCHISES
        for movie in franchise.movies
        if not movie.missing
    ]
    nodes: list[Node] = []
    root = section.locations[0]
    for position in range(count):
        collections: list[str] = []
        if position < len(known):
            franchise, known_movie = known[position]
            title, year = known_movie.title, known_movie.year
            guids: dict[str, object] = {"imdb": known_movie.imdb_id, "tmdb": known_movie.tmdb_id}
            collections = [franchise.title]
            genres = [
                "Adventure",
                "Fantasy" if "Potter" in title or "Rings" in title else "Science Fiction",
            ]
        else:
            title, year = _title(rng), rng.randint(1960, 2024)
            guids = {
                "imdb": f"tt{rng.randrange(1_000_000, 9_999_999)}",
                "tmdb": rng.randrange(10_000, 999_999),
                "tvdb": rng.randrange(1_000, 399_999),
            }
            genres = rng.sample(catalog.MOVIE_GENRES, rng.randint(1, 3))
        added = _added_at(rng, position, count)
        duration = rng.randint(85, 170) * 60_000 + rng.randrange(60_000)
        name = f"{title.replace(':', ' -')} ({year})"
        files = [_video_file(rng, f"{root}/{name}/{name}")]
        if rng.random() < 0.03:
            files.append(VideoFile(f"{root}/{name}/{name} - 4K.mkv", "4k", "mkv", "hevc"))
        fields: dict[str, object] = {
            "studio": rng.choice(catalog.STUDIOS),
            "contentRating": rng.choice(catalog.MOVIE_RATINGS),
            "summary": f"{_a(rng.choice(catalog.ADJECTIVES).lower()).capitalize()} tale of "
            f"{_a(rng.choice(catalog.NOUNS).lower())} and the people caught up in it.",
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
        tags: dict[str, list[str]] = {
            "Genre": genres,
            "Director": [_person(rng)],
            "Writer": [_person(rng) for _ in range(rng.randint(1, 2))],
            "Producer": [_person(rng) for _ in range(rng.randint(1, 2))],
            "Country": [rng.choice(catalog.COUNTRIES)],
            "Collection": collections,
            "Label": [rng.choice(catalog.LABELS)] if rng.random() < 0.1 else [],
            "Similar": [_title(rng) for _ in range(2)],
        }
        roles = [(_person(rng), rng.choice(catalog.CHARACTER_NAMES)) for _ in range(4)]
        nodes.append(
            library.add_movie(
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
        )
    return nodes


def _shows(library: FakeLibrary, rng: random.Random, section: Section, count: int) -> list[Node]:
    nodes: list[Node] = []
    for position in range(count):
        title, year = _title(rng, sequels=False), rng.randint(1995, 2022)
        added = _added_at(rng, position, count)
        runtime = rng.choice((22, 30, 45, 55)) * 60_000
        show = library.add_show(
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
                "Collection": [_TV_COLLECTION] if position % 4 == 2 else [],
                "Similar": [_title(rng, sequels=False) for _ in range(2)],
            },
            roles=[(_person(rng), rng.choice(catalog.CHARACTER_NAMES)) for _ in range(3)],
            added_at=added,
            studio=rng.choice(catalog.NETWORKS),
            contentRating=rng.choice(catalog.TV_RATINGS),
            summary=f"{_a(rng.choice(catalog.ADJECTIVES).lower()).capitalize()} drama set "
            f"around {_a(rng.choice(catalog.NOUNS).lower())}.",
            rating=round(rng.uniform(5.0, 9.5), 1),
            audienceRating=round(rng.uniform(5.0, 9.5), 1),
            audienceRatingImage="themoviedb://image.rating",
            tagline=f"Nothing stays {rng.choice(catalog.ADJECTIVES).lower()} forever.",
            duration=runtime,
        )
        season_count = rng.randint(1, 5)
        season_indexes = list(range(1, season_count + 1))
        show_key = str(show.data["ratingKey"])
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
                fields: dict[str, Any] = {}
                if 0 < season_index <= watched_seasons:
                    fields["viewCount"] = 1
                    fields["lastViewedAt"] = added + season_index * 86400 + episode_index * 3600
                elif season_index == watched_seasons + 1 and episode_index == 1:
                    fields["viewOffset"] = runtime // 3
                    fields["lastViewedAt"] = added + season_index * 86400
                library.add_episode(
                    season,
                    episode_index,
                    f"{rng.choice(catalog.ADJECTIVES)} {rng.choice(catalog.NOUNS)}",
                    guids={"tvdb": rng.randrange(1_000_000, 9_999_999)},
                    tags={"Director": [_person(rng)], "Writer": [_person(rng)]},
                    duration=runtime + rng.randrange(-120_000, 120_000),
                    added_at=added + season_index * 604800 + episode_index * 60,
                    rating=round(rng.uniform(5.0, 9.5), 1),
                    audienceRating=round(rng.uniform(5.0, 9.5), 1),
                    audienceRatingImage="themoviedb://image.rating",
                    chapterSource="media",
                    **fields,
                )
        nodes.append(show)
    return nodes


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


def _music(library: FakeLibrary, rng: random.Random, section: Section, count: int) -> list[Node]:
    tracks: list[Node] = []
    for position in range(count):
        name = f"The {rng.choice(catalog.NOUNS)}s" if rng.random() < 0.5 else _person(rng)
        artist = library.add_artist(
            section,
            name,
            tags={
                "Genre": [rng.choice(catalog.MUSIC_GENRES)],
                "Country": [rng.choice(catalog.COUNTRIES)],
                "Style": [rng.choice(catalog.MUSIC_STYLES)],
            },
            added_at=_added_at(rng, position, count),
            summary=f"{name} make {rng.choice(catalog.ADJECTIVES).lower()} records.",
        )
        for _ in range(rng.randint(1, 3)):
            album = library.add_album(
                artist,
                f"{rng.choice(catalog.ADJECTIVES)} {rng.choice(catalog.NOUNS)}",
                rng.randint(1975, 2024),
                tags={
                    "Genre": [rng.choice(catalog.MUSIC_GENRES)],
                    "Mood": [rng.choice(catalog.MOODS)],
                },
                studio=rng.choice(catalog.LABELS_MUSIC),
            )
            codec = rng.choice(("flac", "flac", "mp3"))
            for index in range(1, rng.randint(8, 12) + 1):
                tracks.append(
                    library.add_track(
                        album,
                        index,
                        f"{rng.choice(catalog.NOUNS)} {rng.choice(_TRACK_WORDS)}",
                        duration=rng.randint(150, 420) * 1000,
                        codec=codec,
                        **_plays(rng, int(album.data["addedAt"]), 0.25),
                    )
                )
    return tracks


def _photos(library: FakeLibrary, rng: random.Random, section: Section, count: int) -> list[Node]:
    photos: list[Node] = []
    for position in range(count):
        year = 2016 + position % 8
        place = catalog.PHOTO_PLACES[position % len(catalog.PHOTO_PLACES)]
        album = library.add_photo_album(
            section, f"{place} {year}", added_at=_added_at(rng, position, count)
        )
        start = BASE_TIME - (2024 - year) * 365 * 86400
        for index in range(1, rng.randint(6, 12) + 1):
            wide = rng.random() < 0.7
            photos.append(
                library.add_photo(
                    album,
                    f"IMG_{rng.randrange(1000, 9999):04d}",
                    taken_at=start + index * 3600,
                    width=4032 if wide else 3024,
                    height=3024 if wide else 4032,
                )
            )
    return photos


def _collections(
    library: FakeLibrary,
    movies: Section,
    tv: Section,
    movie_nodes: list[Node],
    show_nodes: list[Node],
) -> None:
    present = {tag["tag"] for node in movie_nodes for tag in node.data.get("Collection", ())}
    for franchise in catalog.FRANCHISES:
        if franchise.title in present:
            library.add_collection(
                movies,
                franchise.title,
                summary=f"The {franchise.title.removesuffix(' Collection')} films.",
                added_at=BASE_TIME - 400 * 86400,
            )
    if movie_nodes:
        library.add_collection(
            movies,
            "Recently Added Sci-Fi",
            smart_query=f"/library/sections/{movies.key}/all?type=1&genre=Science%20Fiction"
            "&sort=addedAt:desc&limit=25",
            added_at=BASE_TIME - 200 * 86400,
        )
    if any(node.data.get("Collection") for node in show_nodes):
        library.add_collection(tv, _TV_COLLECTION, added_at=BASE_TIME - 100 * 86400)


def _playlists(
    library: FakeLibrary,
    rng: random.Random,
    movies: list[Node],
    episodes: list[Node],
    tracks: list[Node],
    photos: list[Node],
) -> None:
    added = BASE_TIME - 30 * 86400
    if movies:
        library.add_playlist(
            "Movie Night",
            rng.sample(movies, min(8, len(movies))),
            added_at=added,
            viewCount=2,
            lastViewedAt=added + 86400,
        )
    if episodes:
        library.add_playlist("Binge List", episodes[:12], added_at=added + 60)
    if tracks:
        library.add_playlist(
            "Road Trip",
            rng.sample(tracks, min(15, len(tracks))),
            playlist_type="audio",
            added_at=added + 120,
        )
    if photos:
        library.add_playlist(
            "Holiday Photos", photos[:10], playlist_type="photo", added_at=added + 180
        )


def _history(library: FakeLibrary, rng: random.Random, items: list[Node], count: int) -> None:
    if not items:
        return
    account_ids = [a for a, _ in _ACCOUNTS]
    for position in range(count):
        item = rng.choice(items)
        account = rng.choices(account_ids, (50, 20, 20, 10))[0]
        viewed_at = BASE_TIME - int(position * 365 * 86400 / max(count, 1)) - rng.randrange(600)
        library.add_history(item, account, viewed_at, device_id=1 + account_ids.index(account))


def _sessions(
    library: FakeLibrary, movies: list[Node], episodes: list[Node], tracks: list[Node]
) -> None:
    if movies:
        movie = movies[-1]
        library.add_session(
            movie,
            4201337,
            _PLAYERS[0],
            view_offset=int(movie.data["duration"]) // 4,
            transcode=True,
        )
    if episodes:
        episode = episodes[len(episodes) // 2]
        library.add_session(episode, 1, _PLAYERS[1], view_offset=int(episode.data["duration"]) // 2)
    if tracks:
        library.add_session(tracks[0], 7654321, _PLAYERS[2], view_offset=60_000)
