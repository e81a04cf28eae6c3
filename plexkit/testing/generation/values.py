"""Seeded random values the generator draws: titles, people, dates, plays and video files.

Every function draws from the ``random.Random`` it is given, in a fixed order, so the same
seed always builds the same library.
"""

from __future__ import annotations

import random
from typing import Any

from plexkit.testing import catalog
from plexkit.testing.builders.base import VideoFile

BASE_TIME = 1_717_200_000
"""Generated ``addedAt``/``viewedAt`` values lie before this instant (2024-06-01)."""
_SPAN = 6 * 365 * 86400


def weighted(**weights: int) -> tuple[str, ...]:
    """A tuple to ``rng.choice`` from, each value repeated by its weight (faster than choices)."""
    return tuple(value for value, weight in weights.items() for _ in range(weight))


_RESOLUTION = weighted(**{"4k": 15, "1080": 55, "720": 22, "sd": 8})
_CONTAINER = weighted(mkv=70, mp4=27, avi=3)
_CODEC = weighted(h264=80, hevc=20)
_PEOPLE = tuple(f"{first} {last}" for last in catalog.LAST_NAMES for first in catalog.FIRST_NAMES)


def person(rng: random.Random) -> str:
    """A made-up person's name."""
    return _PEOPLE[rng.randrange(len(_PEOPLE))]


def title(rng: random.Random, *, sequels: bool = True) -> str:
    """A made-up title such as "The Silent Harbor II"."""
    article = rng.choice(("The ", "", "", "A "))
    adjective = rng.choice(catalog.ADJECTIVES)
    if article == "A " and adjective[0] in "AEIOU":
        article = "An "
    suffix = rng.choice(catalog.SEQUEL_SUFFIXES) if sequels else ""
    return f"{article}{adjective} {rng.choice(catalog.NOUNS)}{suffix}"


def a(word: str) -> str:
    """``word`` with its indefinite article ("an iron", "a lucky")."""
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def plays(rng: random.Random, added_at: int, share: float) -> dict[str, Any]:
    """``viewCount``/``lastViewedAt`` for a ``share`` of items, nothing for the rest."""
    if rng.random() >= share:
        return {}
    return {
        "viewCount": rng.randint(1, 9),
        "lastViewedAt": added_at + rng.randrange(86400, 9_000_000),
    }


def added_time(rng: random.Random, position: int, count: int) -> int:
    """Later positions were added later; the last item is the most recently added."""
    return BASE_TIME - int((count - position) * _SPAN / max(count, 1)) - rng.randrange(3600)


def video_file(rng: random.Random, path_stem: str) -> VideoFile:
    """A file of a common resolution, container and codec, with one or two audio tracks."""
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
