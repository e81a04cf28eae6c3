"""The client's resource groups, one module each: server, library, metadata, artworks,
activities, sessions, history, urls, raw, played, hubs, playlists, collections, accounts,
browse, media, prefs and extras.

Each method builds a request spec in `plexkit._core.endpoints`, sends it through the
client and reads typed models from the answer.
"""

from plexkit._async.resources.accounts import AsyncAccounts
from plexkit._async.resources.activities import AsyncActivities
from plexkit._async.resources.artwork import AsyncArtworks
from plexkit._async.resources.browse import AsyncBrowse
from plexkit._async.resources.collections import AsyncCollections
from plexkit._async.resources.extras import AsyncExtras
from plexkit._async.resources.history import AsyncHistory
from plexkit._async.resources.hubs import AsyncHubs
from plexkit._async.resources.library import AsyncLibrary
from plexkit._async.resources.media import AsyncMedia
from plexkit._async.resources.metadata import AsyncMetadata
from plexkit._async.resources.played import AsyncPlayed
from plexkit._async.resources.playlists import AsyncPlaylists
from plexkit._async.resources.prefs import AsyncPrefs
from plexkit._async.resources.raw import AsyncRaw
from plexkit._async.resources.server import AsyncServer
from plexkit._async.resources.sessions import AsyncSessions
from plexkit._async.resources.urls import AsyncURLs
from plexkit.types import TokenChoice

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
