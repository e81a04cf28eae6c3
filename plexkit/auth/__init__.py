"""plex.tv authentication: token, password, PIN, JWT/JWK with automatic refresh, discovery.

Every scheme is an ``httpx.Auth`` usable with any httpx client. I/O helpers come in pairs:
``AsyncX``/``async_x`` for asyncio and trio, ``X``/``x`` for blocking code (generated from the
async ones). Names load on first use, so ``import plexkit.auth`` never imports the optional
``jwt`` extra (cryptography, PyJWT); only `DeviceKey` and JWT verification need it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._lazy import lazy_exports

if TYPE_CHECKING:
    from plexkit.auth._async.discovery import (
        async_choose_connection as async_choose_connection,
    )
    from plexkit.auth._async.discovery import (
        async_connect_server as async_connect_server,
    )
    from plexkit.auth._async.discovery import (
        async_find_server as async_find_server,
    )
    from plexkit.auth._async.jwt import (
        AsyncJWTAuth as AsyncJWTAuth,
    )
    from plexkit.auth._async.pin import (
        AsyncPinLogin as AsyncPinLogin,
    )
    from plexkit.auth._async.session import (
        AsyncPlexTV as AsyncPlexTV,
    )
    from plexkit.auth._async.session import (
        async_check_token as async_check_token,
    )
    from plexkit.auth._async.session import (
        async_sign_in as async_sign_in,
    )
    from plexkit.auth._async.token_file import (
        AsyncTokenFile as AsyncTokenFile,
    )
    from plexkit.auth._sync.discovery import (
        choose_connection as choose_connection,
    )
    from plexkit.auth._sync.discovery import (
        connect_server as connect_server,
    )
    from plexkit.auth._sync.discovery import (
        find_server as find_server,
    )
    from plexkit.auth._sync.jwt import (
        JWTAuth as JWTAuth,
    )
    from plexkit.auth._sync.pin import (
        PinLogin as PinLogin,
    )
    from plexkit.auth._sync.session import (
        PlexTV as PlexTV,
    )
    from plexkit.auth._sync.session import (
        check_token as check_token,
    )
    from plexkit.auth._sync.session import (
        sign_in as sign_in,
    )
    from plexkit.auth._sync.token_file import (
        TokenFile as TokenFile,
    )
    from plexkit.auth._urls import (
        CLIENTS_URL as CLIENTS_URL,
    )
    from plexkit.auth._urls import (
        PLEXTV_URL as PLEXTV_URL,
    )
    from plexkit.auth._urls import (
        auth_app_url as auth_app_url,
    )
    from plexkit.auth._urls import (
        link_url as link_url,
    )
    from plexkit.auth.claims import (
        ALL_SCOPES as ALL_SCOPES,
    )
    from plexkit.auth.claims import (
        DEFAULT_SCOPES as DEFAULT_SCOPES,
    )
    from plexkit.auth.connections import (
        PROBE_TIMEOUT as PROBE_TIMEOUT,
    )
    from plexkit.auth.connections import (
        candidates as candidates,
    )
    from plexkit.auth.connections import (
        choose_server as choose_server,
    )
    from plexkit.auth.jws import (
        verify_plex_jwt as verify_plex_jwt,
    )
    from plexkit.auth.keys import (
        DeviceKey as DeviceKey,
    )
    from plexkit.auth.models import (
        Account as Account,
    )
    from plexkit.auth.models import (
        Connection as Connection,
    )
    from plexkit.auth.models import (
        Pin as Pin,
    )
    from plexkit.auth.models import (
        PinStatus as PinStatus,
    )
    from plexkit.auth.models import (
        Resource as Resource,
    )
    from plexkit.auth.models import (
        ServerConnection as ServerConnection,
    )
    from plexkit.auth.token import (
        TokenAuth as TokenAuth,
    )
    from plexkit.auth.users import (
        HomeUser as HomeUser,
    )
    from plexkit.auth.users import (
        PlexTVUser as PlexTVUser,
    )
    from plexkit.errors import (
        PinCancelledError as PinCancelledError,
    )
    from plexkit.errors import (
        ServerNotFoundError as ServerNotFoundError,
    )

lazy_exports(__name__).install()
