"""Generated music (artists, albums, tracks) and photos (albums of photos)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from plexkit.testing import catalog
from plexkit.testing.generation import values as v
from plexkit.testing.store import Node, Section

if TYPE_CHECKING:
    from plexkit.testing.library import FakeLibrary

_TRACK_WORDS = ("Song", "Blues", "Dance", "Reprise")


def music(library: FakeLibrary, rng: random.Random, section: Section, count: int) -> list[Node]:
    """``count`` artists with 1-3 albums of 8-12 tracks; a quarter of the tracks played."""
    tracks: list[Node] = []
    for position in range(count):
        name = f"The {rng.choice(catalog.NOUNS)}s" if rng.random() < 0.5 else v.person(rng)
        artist = library.add_artist(
            section,
            name,
            tags={
                "Genre": [rng.choice(catalog.MUSIC_GENRES)],
                "Country": [rng.choice(catalog.COUNTRIES)],
                "Style": [rng.choice(catalog.MUSIC_STYLES)],
            },
            added_at=v.added_time(rng, position, count),
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
                        **v.plays(rng, int(album.data["addedAt"]), 0.25),
                    )
                )
    return tracks


def photos(library: FakeLibrary, rng: random.Random, section: Section, count: int) -> list[Node]:
    """``count`` albums of 6-12 photos, one a year from 2016, from the catalog's places."""
    photos: list[Node] = []
    for position in range(count):
        year = 2016 + position % 8
        place = catalog.PHOTO_PLACES[position % len(catalog.PHOTO_PLACES)]
        album = library.add_photo_album(
            section, f"{place} {year}", added_at=v.added_time(rng, position, count)
        )
        start = v.BASE_TIME - (2024 - year) * 365 * 86400
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
