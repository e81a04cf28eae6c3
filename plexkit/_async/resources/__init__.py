"""The client's resource groups, one module each: server, library, metadata, artworks,
activities, sessions, history, urls, raw, played, hubs, playlists, collections, accounts,
browse, media, prefs and extras.

Each method builds a request spec in `plexkit._core.endpoints`, sends it through the
client and reads typed models from the answer. Each group's module loads on first use.
"""

from typing import TYPE_CHECKING

from plexkit._lazy import lazy_exports
from plexkit.types import TokenChoice as TokenChoice

if TYPE_CHECKING:
    from plexkit._async.resources.accounts import AsyncAccounts as AsyncAccounts
    from plexkit._async.resources.activities import AsyncActivities as AsyncActivities
    from plexkit._async.resources.artwork import AsyncArtworks as AsyncArtworks
    from plexkit._async.resources.browse import AsyncBrowse as AsyncBrowse
    from plexkit._async.resources.collections import AsyncCollections as AsyncCollections
    from plexkit._async.resources.extras import AsyncExtras as AsyncExtras
    from plexkit._async.resources.history import AsyncHistory as AsyncHistory
    from plexkit._async.resources.hubs import AsyncHubs as AsyncHubs
    from plexkit._async.resources.library import AsyncLibrary as AsyncLibrary
    from plexkit._async.resources.media import AsyncMedia as AsyncMedia
    from plexkit._async.resources.metadata import AsyncMetadata as AsyncMetadata
    from plexkit._async.resources.played import AsyncPlayed as AsyncPlayed
    from plexkit._async.resources.playlists import AsyncPlaylists as AsyncPlaylists
    from plexkit._async.resources.prefs import AsyncPrefs as AsyncPrefs
    from plexkit._async.resources.raw import AsyncRaw as AsyncRaw
    from plexkit._async.resources.server import AsyncServer as AsyncServer
    from plexkit._async.resources.sessions import AsyncSessions as AsyncSessions
    from plexkit._async.resources.urls import AsyncURLs as AsyncURLs

__all__ = [
    "AsyncAccounts",
    "AsyncActivities",
    "AsyncArtworks",
    "AsyncBrowse",
    "AsyncCollections",
    "AsyncExtras",
    "AsyncHistory",
    "AsyncHubs",
    "AsyncLibrary",
    "AsyncMedia",
    "AsyncMetadata",
    "AsyncPlayed",
    "AsyncPlaylists",
    "AsyncPrefs",
    "AsyncRaw",
    "AsyncServer",
    "AsyncSessions",
    "AsyncURLs",
    "TokenChoice",
]

lazy_exports(__name__).install()
