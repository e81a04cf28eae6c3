"""The fake server's disk: media files that exist but are not in the library until a scan.

>>> disk = server.disk  # or server.library.disk
>>> disk.add_movie("/data/media/movies/Heat (1995)/Heat (1995).mkv", "Heat", 1995)
>>> disk.add_episode("/data/media/tv/Dark (2017)/Season 01/Dark - S01E01 - Secrets.mkv",
...                  show="Dark", year=2017, season=1, episode=1, title="Secrets")

When a section refresh ends (by the library's clock, see `plexkit.testing.scans`) the
files under the scanned folder (``?path=``) or, for a full scan, every file in the section's
locations are imported; other files stay on the disk, and a cancelled scan imports nothing.
The new items appear after the scan's ``ended`` notification, each announced with
``timeline`` entries, and before the section stops ``refreshing``: a client that waits for
the scan to end (by notification or by polling ``/activities``) then finds them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from plexkit.testing.library import VideoFile
from plexkit.testing.scans import Scan
from plexkit.testing.store import Node, Section

if TYPE_CHECKING:
    from plexkit.testing.library import FakeLibrary

__all__ = ["DiskFile", "FakeDisk", "disk_of"]


@dataclass(frozen=True)
class DiskFile:
    """A file waiting on the disk; ``show``/``season``/``episode`` are set for episodes."""

    path: str
    title: str
    year: int
    show: str | None = None
    season: int | None = None
    episode: int | None = None


def inside(path: str, folder: str) -> bool:
    """True when ``path`` is ``folder`` or below it."""
    child, parent = PurePosixPath(path).parts, PurePosixPath(folder).parts
    return len(child) >= len(parent) and child[: len(parent)] == parent


class FakeDisk:
    """Files on the fake server's disk that a scan will find (get it as ``library.disk``).

    A disk imports at the end of each of its library's scans from when it is created.
    """

    def __init__(self, library: FakeLibrary) -> None:
        self.library = library
        self._pending: list[DiskFile] = []
        self._lock = threading.Lock()
        library.scans.on_complete(self._scanned)

    @property
    def pending(self) -> tuple[DiskFile, ...]:
        """Files not imported yet."""
        with self._lock:
            return tuple(self._pending)

    def add_movie(self, path: str, title: str, year: int) -> DiskFile:
        """Put a movie file on the disk (inside a movie section's location)."""
        return self._add(DiskFile(path, title, year), "movie")

    def add_episode(
        self, path: str, *, show: str, year: int, season: int, episode: int, title: str
    ) -> DiskFile:
        """Put an episode file on the disk (inside a show section's location)."""
        return self._add(DiskFile(path, title, year, show, season, episode), "show")

    def _add(self, file: DiskFile, kind: str) -> DiskFile:
        if not file.path.startswith("/"):
            raise ValueError(f"a disk path must be absolute: {file.path!r}")
        sections = [
            s
            for s in self.library.sections.values()
            if s.kind == kind and any(inside(file.path, loc) for loc in s.locations)
        ]
        if not sections:
            raise ValueError(f"{file.path!r} is not inside any {kind} section's location")
        with self._lock:
            self._pending.append(file)
        return file

    def _scanned(self, scan: Scan) -> None:
        self.scan(scan.section, scan.path)

    def scan(self, section: Section, path: str | None = None) -> list[Node]:
        """Import the section's pending files under ``path`` (all of them if None) now;
        a finished scan of the section calls this."""
        with self._lock:
            chosen = [
                f
                for f in self._pending
                if any(inside(f.path, loc) for loc in section.locations)
                and (path is None or inside(f.path, path))
            ]
            self._pending = [f for f in self._pending if f not in chosen]
        added = [self._import(section, file) for file in chosen]
        for node in added:
            self.library.notifier.timeline(node.data, node.type_number, state=0)
            self.library.notifier.timeline(node.data, node.type_number)
        return added

    def _import(self, section: Section, file: DiskFile) -> Node:
        library = self.library
        now = library.now()
        if file.show is None:
            return library.add_movie(
                section, file.title, file.year, files=[VideoFile(file.path)], added_at=now
            )
        show = next(
            (
                n
                for n in library.items(section, 2)
                if str(n.data.get("title", "")).casefold() == file.show.casefold()
            ),
            None,
        )
        if show is None:
            folder = str(PurePosixPath(file.path).parent.parent)
            show = library.add_show(section, file.show, file.year, folder=folder, added_at=now)
        season = next((s for s in show.children if s.data.get("index") == file.season), None)
        if season is None:
            season = library.add_season(show, int(file.season or 1))
        return library.add_episode(
            season,
            int(file.episode or 1),
            file.title,
            file=VideoFile(file.path, resolution="720", audio=(("aac", "eng", 2),)),
            added_at=now,
        )


def disk_of(library: FakeLibrary) -> FakeDisk:
    """The disk of a fake server's library (one per library): ``library.disk``."""
    return library.disk
