"""Which server and token a command uses: ``--url``/``--token``, then ``PLEX_URL``/
``PLEX_TOKEN``, then what ``plexkit use`` (or ``login``) stored; plus the plex.tv session."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

import attrs
import typer

from plexkit.cli import settings as store
from plexkit.config import ClientIdentity
from plexkit.errors import ConfigurationError

if TYPE_CHECKING:  # loaded on use: they import much, and --help or --version need none
    from plexkit import PlexClient
    from plexkit.auth import PlexTV

__all__ = [
    "PLEXTV_URL_ENV",
    "SERVICE_SECRET_ENVS",
    "Connection",
    "account_token",
    "client",
    "open_client",
    "options",
    "plextv",
]

PLEXTV_URL_ENV = "PLEXKIT_PLEXTV_URL"
SERVICE_SECRET_ENVS = ("TMDB_API_KEY", "TMDB_READ_TOKEN", "TVDB_API_KEY", "TVDB_PIN")
"""Environment variables holding TMDB/TVDB secrets (``plexkit missing``), scrubbed like tokens."""
_REFRESH_MARGIN = 86_400.0


@attrs.define
class Connection:
    """The root options of a run (``plexkit --url ... --token ... --debug``)."""

    url: str | None = None
    token: str | None = attrs.field(default=None, repr=False)
    debug: bool = False
    extra_secrets: list[str] = attrs.field(factory=list, repr=False)
    """Other secrets a command was given (TMDB/TVDB keys, the TVDB PIN)."""

    def secrets(self) -> list[str]:
        """Every token and key this run may have seen, for scrubbing error messages."""
        found = [self.token, os.environ.get("PLEX_TOKEN"), *self.extra_secrets]
        found += [os.environ.get(name) for name in SERVICE_SECRET_ENVS]
        try:
            saved = store.load()
        except ConfigurationError:
            return [s for s in found if s]
        found += [saved.token, saved.server_token, saved.device_key]
        return [s for s in found if s]


def identity(settings: store.Settings) -> ClientIdentity:
    """The device identity the command presents (one stored client identifier per user)."""
    return ClientIdentity(client_identifier=settings.client_identifier, device_name="plexkit CLI")


def plextv(settings: store.Settings) -> PlexTV:
    """A plex.tv session; ``$PLEXKIT_PLEXTV_URL`` points both plex.tv hosts elsewhere (a fake)."""
    from plexkit.auth import PlexTV

    override = os.environ.get(PLEXTV_URL_ENV)
    if override:
        return PlexTV(identity(settings), plextv_url=override, clients_url=override)
    return PlexTV(identity(settings))


def account_token(settings: store.Settings, session: PlexTV) -> str:
    """The signed-in account's token; a Plex JWT close to expiry is renewed with the stored
    device key first (and the new one stored)."""
    if not settings.token:
        raise ConfigurationError("not signed in: run `plexkit login` first")
    from plexkit.auth.claims import expires_at

    token = settings.token
    expiry = expires_at(token)
    if settings.device_key and expiry is not None and expiry - time.time() < _REFRESH_MARGIN:
        import json

        from plexkit.auth import DeviceKey

        key = DeviceKey.from_jwk(json.loads(settings.device_key))
        token = session.refresh_jwt(key)
        settings.token = token
        store.save(settings)
    return token


def client(options: Connection) -> PlexClient:
    """A client for the chosen server; refuses before any request when none is known."""
    from plexkit import PlexClient

    settings = store.load()
    url = options.url or os.environ.get("PLEX_URL") or None
    token = options.token or os.environ.get("PLEX_TOKEN") or None
    if url is None and settings.server_url:
        url = settings.server_url
    if url is not None and token is None:
        token = settings.server_token if url == settings.server_url else settings.token
    if url is None and settings.token:
        from plexkit.auth import find_server

        with plextv(settings) as session:
            found = find_server(session, account_token(settings, session), name=None)
        url, token = found.url, token or found.token
    if url is None:
        raise ConfigurationError(
            "no server chosen: pass --url and --token, set PLEX_URL and PLEX_TOKEN, "
            "or run `plexkit login` and `plexkit use NAME`"
        )
    return PlexClient(url, token=token, identity=identity(settings))


def options(ctx: typer.Context) -> Connection:
    """The root options of this run (defaults when a command is invoked on its own)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Connection):
        root.obj = Connection()
    return root.obj


def open_client(ctx: typer.Context) -> PlexClient:
    """A client for this run's server (use it in a ``with`` block)."""
    return client(options(ctx))
