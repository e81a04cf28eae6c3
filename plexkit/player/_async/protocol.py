"""``AsyncIMediaPlayer``: what a media manager drives, whatever the player behind it.

A manager owns a library on disk and metadata; a player (Plex here) must learn about changed
files, take metadata and artwork, and say what it holds. Paths are the *manager's*; the
player maps them. A missing item is ``None`` (lookups) or ``False`` (actions), not an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

from plexkit.models import Activity, Item
from plexkit.player.report import ConnectionTest, LibraryInfo, ScanMode, UpdateReport
from plexkit.player.types import ItemRef, PathInput, ProgressHandler

__all__ = ["AsyncIMediaPlayer", "ItemRef", "PathInput", "ProgressHandler"]


@runtime_checkable
class AsyncIMediaPlayer(Protocol):
    """The player interface a media manager drives."""

    async def test_connection(self) -> ConnectionTest:
        """Reach the player and check the credentials; never raises for player errors."""
        ...

    async def libraries(self) -> tuple[LibraryInfo, ...]:
        """The libraries with their folders (the player's and, where mapped, the manager's)."""
        ...

    async def update_library(
        self,
        items: Iterable[PathInput],
        *,
        mode: ScanMode = "paths",
        wait: bool = True,
        find: bool = True,
        on_progress: ProgressHandler | None = None,
    ) -> UpdateReport:
        """Make the player know these changed files or folders; one report per item."""
        ...

    async def find_item(self, path: PathInput) -> Item | None:
        """The item whose media is that file (or folder); None if the player has none."""
        ...

    async def get_item(self, item: ItemRef) -> Item | None:
        """The item in full detail, or None if the player does not have it."""
        ...

    async def sync_metadata(
        self, item: ItemRef, fields: Mapping[str, Any], *, lock: bool = True
    ) -> bool:
        """Set scalar fields and tag lists, locked against agents; False if it is missing."""
        ...

    async def match(
        self,
        item: ItemRef,
        *,
        tmdb: int | str | None = None,
        tvdb: int | str | None = None,
        imdb: str | None = None,
        guid: str | None = None,
        name: str | None = None,
        year: int | None = None,
    ) -> bool:
        """Match the item to one external id (or agent guid); False if it is missing."""
        ...

    async def unmatch(self, item: ItemRef) -> bool:
        """Remove the item's match; False if it is missing."""
        ...

    async def refresh(self, item: ItemRef) -> bool:
        """Refresh the item's metadata from its agent; False if it is missing."""
        ...

    async def analyze(self, item: ItemRef) -> bool:
        """Analyse the item's media; False if it is missing."""
        ...

    async def set_poster(
        self, item: ItemRef, *, url: str | None = None, data: bytes | None = None, lock: bool = True
    ) -> bool:
        """Add a poster (from a URL or image bytes), select it and optionally lock it."""
        ...

    async def set_art(
        self, item: ItemRef, *, url: str | None = None, data: bytes | None = None, lock: bool = True
    ) -> bool:
        """Add a background (from a URL or image bytes), select it and optionally lock it."""
        ...

    async def activities(self) -> tuple[Activity, ...]:
        """What the player is busy with now (scans, analysis, refreshes)."""
        ...
