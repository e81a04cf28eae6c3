"""plex.tv's users of an account: friends and shared users (``/api/users``) and the members of
its Plex Home (``/api/home/users``), to put names on a server's history and session rows.

Both endpoints answer XML (``<MediaContainer><User .../></MediaContainer>``). A server's
``accountID`` on history rows and sessions is the plex.tv user id for everyone but the owner,
whom PMS lists as account 1: `user_names` maps both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, TypeVar

import attrs

from plexkit.errors import ParseError
from plexkit.models import WIRE
from plexkit.models._wire import sparse

__all__ = [
    "HomeUser",
    "PlexTVUser",
    "SharedServer",
    "parse_home_users",
    "parse_users",
    "user_names",
]

_U = TypeVar("_U")


@sparse
@attrs.frozen(kw_only=True, slots=False)
class SharedServer:
    """A server shared with a user (``<Server>`` of ``/api/users``); ``num_libraries`` of
    it are shared, or every one when ``all_libraries``."""

    id: int | None = None
    server_id: int | None = attrs.field(default=None, metadata={WIRE: "serverId"})
    machine_identifier: str | None = None
    name: str | None = None
    last_seen_at: datetime | None = None
    num_libraries: int | None = None
    all_libraries: bool = False
    owned: bool = False
    pending: bool = False


@sparse
@attrs.frozen(kw_only=True, slots=False)
class PlexTVUser:
    """A user connected to the account (``/api/users``): a friend, a shared user or a
    member of the account's Plex Home (``home``), with the servers shared with them.

    The fields are python-plexapi's ``MyPlexUser`` ones; ``name`` is what to show.
    """

    id: int
    title: str | None = None
    username: str | None = None
    email: str | None = None
    thumb: str | None = None
    home: bool = False
    protected: bool = False
    restricted: bool = False
    allow_sync: bool = False
    allow_camera_upload: bool = False
    allow_channels: bool = False
    allow_subtitle_admin: bool = False
    allow_tuners: int | None = None
    filter_all: str | None = None
    filter_movies: str | None = None
    filter_music: str | None = None
    filter_photos: str | None = None
    filter_television: str | None = None
    recommendations_playlist_id: str | None = attrs.field(
        default=None, metadata={WIRE: "recommendationsPlaylistId"}
    )
    servers: tuple[SharedServer, ...] = attrs.field(default=(), metadata={WIRE: "Server"})

    @property
    def name(self) -> str:
        """The name to show: the title, else the username, else ``"user <id>"``."""
        return self.title or self.username or f"user {self.id}"


@sparse
@attrs.frozen(kw_only=True, slots=False)
class HomeUser:
    """A member of the account's Plex Home (``/api/home/users``): the ``admin`` (the owner),
    invited plex.tv accounts and managed users (``restricted``, no username or e-mail).

    ``protected`` means switching to the user takes a PIN; ``restriction_profile`` is the
    parental-control profile of a managed user (``little_kid``, ``older_kid``, ``teen``).
    """

    id: int
    uuid: str | None = None
    title: str | None = None
    username: str | None = None
    email: str | None = None
    thumb: str | None = None
    admin: bool = False
    guest: bool = False
    restricted: bool = False
    restriction_profile: str | None = None
    protected: bool = False
    has_password: bool = False

    @property
    def name(self) -> str:
        """The name to show: the title, else the username, else ``"user <id>"``."""
        return self.title or self.username or f"user {self.id}"


def parse_users(data: Any) -> list[PlexTVUser]:
    """Every `PlexTVUser` of a decoded ``/api/users`` body (an entry without a
    readable ``id`` is skipped; a body that is not a user list is a ParseError)."""
    return _users(data, PlexTVUser, "user list")


def parse_home_users(data: Any) -> list[HomeUser]:
    """Every `HomeUser` of a decoded ``/api/home/users`` body."""
    return _users(data, HomeUser, "home user list")


def user_names(
    users: Iterable[PlexTVUser | HomeUser], *, owner: str | None = None
) -> dict[int, str]:
    """User id -> name, for ``HistoryEntry.account_id`` and session users; ``owner`` names
    account 1, which is how a server lists its owner (the home admin, if a home user is one)."""
    names: dict[int, str] = {}
    for user in users:
        names.setdefault(user.id, user.name)
        if isinstance(user, HomeUser) and user.admin and owner is None:
            owner = user.name
    if owner is not None:
        names[1] = owner
    return names


def _users(data: Any, cls: type[_U], what: str) -> list[_U]:
    from plexkit.models import structure  # the model converter loads only when users are read

    if not isinstance(data, Mapping):
        raise ParseError(f"the {what} is not an object")
    container = data.get("MediaContainer", data)
    if not isinstance(container, Mapping) or ("User" not in container and "size" not in container):
        raise ParseError(f"the {what} is not a MediaContainer of users")  # an HTML page, say
    entries = container.get("User", [])
    if isinstance(entries, Mapping):
        entries = [entries]
    if not isinstance(entries, list):
        raise ParseError(f"the {what} has no list of users")
    found = []
    for entry in entries:
        try:
            found.append(structure(entry, cls))
        except ParseError:
            continue  # not an object, or no readable id: nothing to put a name on
    return found
