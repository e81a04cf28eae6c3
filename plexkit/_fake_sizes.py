"""How big the fake server's generated library is: one table of sizes, defaults and help.

`FakePlexServer`, `FakeLibrary.generate` and both fake-server command lines take these as
keywords (typed by `LibrarySizes`) and pass them on as one mapping, so a new size is added
here and nowhere else along the way. It lives outside `plexkit.testing` so the CLI can
build its `fake-server` options without importing the fake (or needing its extra).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict

__all__ = ["SIZES", "LibrarySizes", "library_sizes"]


class LibrarySizes(TypedDict, total=False):
    """The size keywords of `FakeLibrary.generate` (and `FakePlexServer`); see `SIZES`."""

    movies: int
    shows: int
    artists: int
    photo_albums: int
    history: int


SIZES: Mapping[str, tuple[int, str]] = {
    "movies": (200, "Movies in the library."),
    "shows": (20, "TV shows in the library."),
    "artists": (10, "Music artists in the library."),
    "photo_albums": (3, "Photo albums in the library."),
    "history": (200, "Watch history entries."),
}
"""Each size's default and its help on the command line."""


def library_sizes(given: Mapping[str, object]) -> dict[str, int]:
    """Every size: the ``given`` ones (checked) and the defaults of the rest.

    An unknown name or a value that is not an int >= 0 raises ``TypeError``/``ValueError``,
    as a misspelt keyword argument would.
    """
    unknown = sorted(set(given) - set(SIZES))
    if unknown:
        raise TypeError(f"unknown library size(s): {', '.join(unknown)}")
    sizes = {name: default for name, (default, _) in SIZES.items()}
    for name, value in given.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {value!r}")
        if value < 0:
            raise ValueError(f"{name} must be >= 0, not {value!r}")
        sizes[name] = value
    return sizes
