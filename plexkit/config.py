"""Connection settings and the X-Plex-* client identity sent with every request."""

from __future__ import annotations

import platform as _platform
import uuid
from urllib.parse import urlsplit

import attrs

from plexkit._version import __version__
from plexkit.errors import ConfigurationError

__all__ = ["ClientIdentity", "PlexConfig", "Timeouts", "new_client_identifier"]


def new_client_identifier() -> str:
    """A fresh random client identifier; persist it and pass it back on every run.

    Plex lists each identifier as a separate device, so an app should create one once and keep
    it (never derive it from the MAC address: that leaks hardware identity and changes with NICs).
    """
    return str(uuid.uuid4())


@attrs.frozen(kw_only=True)
class ClientIdentity:
    """Who is calling: the X-Plex-* headers plex.tv and PMS use to list and authorise devices."""

    client_identifier: str = attrs.field(factory=new_client_identifier)
    product: str = "plexkit"
    version: str = __version__
    platform: str = attrs.field(factory=_platform.system)
    platform_version: str = attrs.field(factory=_platform.release)
    device: str = attrs.field(factory=_platform.machine)
    device_name: str = "plexkit"
    model: str | None = None
    device_vendor: str | None = None

    @client_identifier.validator
    def _check_identifier(self, _attr: attrs.Attribute[str], value: str) -> None:
        if not value or not value.strip():
            raise ConfigurationError("client_identifier must be a non-empty string")

    def headers(self) -> dict[str, str]:
        """The X-Plex-* headers for this identity (no token: that is the auth's job)."""
        pairs = {
            "X-Plex-Client-Identifier": self.client_identifier,
            "X-Plex-Product": self.product,
            "X-Plex-Version": self.version,
            "X-Plex-Platform": self.platform,
            "X-Plex-Platform-Version": self.platform_version,
            "X-Plex-Device": self.device,
            "X-Plex-Device-Name": self.device_name,
            "X-Plex-Model": self.model,
            "X-Plex-Device-Vendor": self.device_vendor,
        }
        return {name: value for name, value in pairs.items() if value}


@attrs.frozen(kw_only=True)
class Timeouts:
    """Separate connect and read timeouts, plus a total deadline for a call with its retries."""

    connect: float = 5.0
    read: float = 30.0
    write: float = 30.0
    pool: float = 10.0
    total: float | None = 120.0


def _check_positive(_inst: object, attr: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ConfigurationError(f"{attr.name} must be >= 0, not {value!r}")


@attrs.frozen(kw_only=True)
class PlexConfig:
    """Everything needed to reach one Plex Media Server.

    Either ``base_url`` or ``host`` (with ``port`` and ``https``) names the server. The token is
    kept out of ``repr`` so printing a config never leaks it.
    """

    host: str | None = None
    port: int = 32400
    https: bool = False
    base_url: str | None = None
    token: str | None = attrs.field(default=None, repr=False)
    identity: ClientIdentity = attrs.field(factory=ClientIdentity)
    timeouts: Timeouts = attrs.field(factory=Timeouts)
    max_retries: int = attrs.field(default=3, validator=_check_positive)
    retry_backoff: float = 0.5
    verify_ssl: bool = True
    max_connections: int = 20
    max_keepalive_connections: int = 10
    accept: str = "application/json"

    def url(self) -> str:
        """The server's base URL without a trailing slash."""
        if self.base_url:
            url = self.base_url.rstrip("/")
        elif self.host:
            scheme = "https" if self.https else "http"
            url = f"{scheme}://{self.host}:{self.port}"
        else:
            raise ConfigurationError("PlexConfig needs base_url or host")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigurationError(f"not an http(s) URL: {url!r}")
        if parts.query or "X-Plex-Token" in url:
            raise ConfigurationError("put the token in token=, not in the URL")
        return url
