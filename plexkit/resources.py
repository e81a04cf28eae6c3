"""The client's resource groups by their public names: ``plex.library`` is a `Library`
(`AsyncLibrary` on `AsyncPlexClient`), ``plex.metadata`` a `Metadata`, and so on, one class per
attribute; for annotations and the API reference. ``library.walk()`` gives a `Walk`
(`AsyncWalk`), its keyword arguments besides ``type=`` are a `WalkOptions`;
``plex.activities.watch()`` an `ActivityWatch` (`AsyncActivityWatch`), loaded on first use."""

import sys
from typing import TYPE_CHECKING

from plexkit._async.resources import (
    AsyncAccounts,
    AsyncActivities,
    AsyncArtworks,
    AsyncBrowse,
    AsyncCollections,
    AsyncExtras,
    AsyncHistory,
    AsyncHubs,
    AsyncLibrary,
    AsyncMedia,
    AsyncMetadata,
    AsyncPlayed,
    AsyncPlaylists,
    AsyncPrefs,
    AsyncRaw,
    AsyncServer,
    AsyncSessions,
    AsyncURLs,
    TokenChoice,
)
from plexkit._async.resources.butler import AsyncButler
from plexkit._async.resources.play_queues import AsyncPlayQueues
from plexkit._async.resources.statistics import AsyncStatistics
from plexkit._async.resources.walk import AsyncWalk
from plexkit._lazy import lazy_exports
from plexkit._sync.resources import (
    Accounts,
    Activities,
    Artworks,
    Browse,
    Collections,
    Extras,
    History,
    Hubs,
    Library,
    Media,
    Metadata,
    Played,
    Playlists,
    Prefs,
    Raw,
    Server,
    Sessions,
    URLs,
)
from plexkit._sync.resources.butler import Butler
from plexkit._sync.resources.play_queues import PlayQueues
from plexkit._sync.resources.statistics import Statistics
from plexkit._sync.resources.walk import Walk, WalkOptions

if TYPE_CHECKING:
    from plexkit._async.scans import AsyncActivityWatch as AsyncActivityWatch
    from plexkit._sync.scans import ActivityWatch as ActivityWatch

__all__ = [
    "Accounts",
    "Activities",
    "ActivityWatch",
    "Artworks",
    "AsyncAccounts",
    "AsyncActivities",
    "AsyncActivityWatch",
    "AsyncArtworks",
    "AsyncBrowse",
    "AsyncButler",
    "AsyncCollections",
    "AsyncExtras",
    "AsyncHistory",
    "AsyncHubs",
    "AsyncLibrary",
    "AsyncMedia",
    "AsyncMetadata",
    "AsyncPlayQueues",
    "AsyncPlayed",
    "AsyncPlaylists",
    "AsyncPrefs",
    "AsyncRaw",
    "AsyncServer",
    "AsyncSessions",
    "AsyncStatistics",
    "AsyncURLs",
    "AsyncWalk",
    "Browse",
    "Butler",
    "Collections",
    "Extras",
    "History",
    "Hubs",
    "Library",
    "Media",
    "Metadata",
    "PlayQueues",
    "Played",
    "Playlists",
    "Prefs",
    "Raw",
    "Server",
    "Sessions",
    "Statistics",
    "TokenChoice",
    "URLs",
    "Walk",
    "WalkOptions",
]

# The watches load on first use (their module is heavy and loads on the first watch).
sys.modules[__name__].__getattr__ = lazy_exports(__name__).getattr  # type: ignore[method-assign]
