"""plexkit: a typed, fast, sync and async SDK for Plex Media Server and plex.tv.

``PlexClient`` and ``AsyncPlexClient`` are imported on first use, so ``import plexkit`` stays
cheap and never pulls in optional extras.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._core.urls import SecretURL as SecretURL
from plexkit._lazy import lazy_exports
from plexkit._version import __version__ as __version__
from plexkit.config import (
    ClientIdentity as ClientIdentity,
)
from plexkit.config import (
    PlexConfig as PlexConfig,
)
from plexkit.config import (
    Timeouts as Timeouts,
)
from plexkit.config import (
    new_client_identifier as new_client_identifier,
)
from plexkit.errors import (
    APIError as APIError,
)
from plexkit.errors import (
    AuthFlowError as AuthFlowError,
)
from plexkit.errors import (
    BadRequestError as BadRequestError,
)
from plexkit.errors import (
    ClientClosedError as ClientClosedError,
)
from plexkit.errors import (
    ConfigurationError as ConfigurationError,
)
from plexkit.errors import (
    ConnectTimeoutError as ConnectTimeoutError,
)
from plexkit.errors import (
    DeadlineExceededError as DeadlineExceededError,
)
from plexkit.errors import (
    ForbiddenError as ForbiddenError,
)
from plexkit.errors import (
    InvalidSignatureError as InvalidSignatureError,
)
from plexkit.errors import (
    InvalidSortError as InvalidSortError,
)
from plexkit.errors import (
    JWTError as JWTError,
)
from plexkit.errors import (
    NotFoundError as NotFoundError,
)
from plexkit.errors import (
    ParseError as ParseError,
)
from plexkit.errors import (
    PinCancelledError as PinCancelledError,
)
from plexkit.errors import (
    PinExpiredError as PinExpiredError,
)
from plexkit.errors import (
    PinTimeoutError as PinTimeoutError,
)
from plexkit.errors import (
    PlexError as PlexError,
)
from plexkit.errors import (
    RateLimitedError as RateLimitedError,
)
from plexkit.errors import (
    ReadTimeoutError as ReadTimeoutError,
)
from plexkit.errors import (
    ServerError as ServerError,
)
from plexkit.errors import (
    ServerNotFoundError as ServerNotFoundError,
)
from plexkit.errors import (
    ServerUnavailableError as ServerUnavailableError,
)
from plexkit.errors import (
    TokenExpiredError as TokenExpiredError,
)
from plexkit.errors import (
    TransportError as TransportError,
)
from plexkit.errors import (
    TwoFactorRequiredError as TwoFactorRequiredError,
)
from plexkit.errors import (
    UnauthorizedError as UnauthorizedError,
)
from plexkit.errors import (
    WaitTimeoutError as WaitTimeoutError,
)

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient as AsyncPlexClient
    from plexkit._async.pages import AsyncPage as AsyncPage
    from plexkit._core.edits import TagEdit as TagEdit
    from plexkit._sync.client import PlexClient as PlexClient
    from plexkit._sync.pages import Page as Page

lazy_exports(__name__).install()
