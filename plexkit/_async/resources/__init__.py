"""The client's resource groups, one module each: server, library, metadata, artwork,
activities, sessions, history, urls and raw.

Each method builds a request spec in `plexkit._core.endpoints`, sends it through the
client and reads typed models from the answer.
"""

from plexkit._async.resources.activities import AsyncActivities
from plexkit._async.resources.artwork import AsyncArtworks
from plexkit._async.resources.history import AsyncHistory
from plexkit._async.resources.library import AsyncLibrary
from plexkit._async.resources.metadata import AsyncMetadata
from plexkit._async.resources.raw import AsyncRaw
from plexkit._async.resources.server import AsyncServer
from plexkit._async.resources.sessions import AsyncSessions
from plexkit._async.resources.urls import AsyncURLs, TokenChoice

__all__ = [
    "AsyncActivities",
    "AsyncArtworks",
    "AsyncHistory",
    "AsyncLibrary",
    "AsyncMetadata",
    "AsyncRaw",
    "AsyncServer",
    "AsyncSessions",
    "AsyncURLs",
    "TokenChoice",
]
