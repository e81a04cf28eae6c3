"""The media-manager layer: a player interface and its Plex implementation.

``IMediaPlayer`` / ``AsyncIMediaPlayer`` are the protocols a media manager drives;
``PlexPlayer`` / ``AsyncPlexPlayer`` implement them on ``PlexClient`` / ``AsyncPlexClient``
with a `PathMapper`. See docs/media-managers.md.
"""

from __future__ import annotations

from plexkit.player._async.player import AsyncPlexPlayer
from plexkit.player._async.protocol import AsyncIMediaPlayer
from plexkit.player._sync.player import PlexPlayer
from plexkit.player._sync.protocol import IMediaPlayer
from plexkit.player.errors import PlayerUnavailableError
from plexkit.player.report import (
    ConnectionTest,
    ItemReport,
    ItemStatus,
    LibraryInfo,
    ScanMode,
    ScanProgress,
    UpdateReport,
)
from plexkit.player.types import ItemRef, PathInput, ProgressHandler

__all__ = [
    "AsyncIMediaPlayer",
    "AsyncPlexPlayer",
    "ConnectionTest",
    "IMediaPlayer",
    "ItemRef",
    "ItemReport",
    "ItemStatus",
    "LibraryInfo",
    "PathInput",
    "PlayerUnavailableError",
    "PlexPlayer",
    "ProgressHandler",
    "ScanMode",
    "ScanProgress",
    "UpdateReport",
]
