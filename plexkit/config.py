"""Connection settings and the X-Plex-* client identity sent with every request."""

from __future__ import annotations

import math
import platform as _platform
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import attrs

from plexkit._redact import redact_url
from plexkit._version import __version__
from plexkit.errors import ConfigurationError

__all__ = ["ClientIdentity", "PlexConfig", "Timeouts", "new_client_identifier"]


def check_header_text(what: str, value: object) -> None:
    """Refuse text that cannot be sent as an HTTP header value as it is.

    CR, LF and NUL would split or cut the header (a token read from a file often ends in a
    newline), and httpx encodes header values as ASCII. The value is never quoted back.
    """
    if not isinstance(value, str):
        raise ConfigurationError(f"{what} must be a str, not {type(value).__name__}")
    if any(c in value for c in "\r\n\x00"):
        raise ConfigurationError(
            f"{what} contains a line break or NUL (strip the value read from a file)"
        )
    if not value.isascii() or not value.isprintable():
        raise ConfigurationError(f"{what} must be printable ASCII (it is sent in a header)")


def _header_field(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_header_text(attr.name, value)


def new_client_identifier() -> str:
    """A fresh random client identifier; persist it and pass it back on every run.

    Plex lists each identifier as a separate device, so an app should create one once and keep
    it (never derive it from the MAC address: that leaks hardware identity and changes with NICs).
    """
    return str(uuid.uuid4())


@attrs.frozen(kw_only=True)
class ClientIdentity:
    """Who is calling: the X-Plex-* headers plex.tv and PMS use to list and authorise devices."""

    client_identifier: str = attrs.field(factory=new_client_identifier, validator=_header_field)
    product: str = attrs.field(default="plexkit", validator=_header_field)
    version: str = attrs.field(default=__version__, validator=_header_field)
    platform: str = attrs.field(factory=_platform.system, validator=_header_field)
    platform_version: str = attrs.field(factory=_platform.release, validator=_header_field)
    device: str = attrs.field(factory=_platform.machine, validator=_header_field)
    device_name: str = attrs.field(default="plexkit", validator=_header_field)
    model: str | None = attrs.field(default=None, validator=_header_field)
    device_vendor: str | None = attrs.field(default=None, validator=_header_field)

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


def _check_timeout(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None and attr.name == "total":
        return
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value <= 0
    ):
        raise ConfigurationError(
            f"Timeouts.{attr.name} must be a finite number of seconds > 0, not {value!r}"
        )


@attrs.frozen(kw_only=True)
class Timeouts:
    """Separate connect and read timeouts, plus a total deadline for a call with its retries."""

    connect: float = attrs.field(default=5.0, validator=_check_timeout)
    read: float = attrs.field(default=30.0, validator=_check_timeout)
    write: float = attrs.field(default=30.0, validator=_check_timeout)
    pool: float = attrs.field(default=10.0, validator=_check_timeout)
    total: float | None = attrs.field(default=120.0, validator=_check_timeout)


def _check_count(_inst: object, attr: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigurationError(f"{attr.name} must be an int >= 0, not {value!r}")


def _check_seconds(_inst: object, attr: attrs.Attribute[float], value: float) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value < 0
    ):
        raise ConfigurationError(f"{attr.name} must be a number of seconds >= 0, not {value!r}")


def _check_optional_text(_inst: object, attr: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise ConfigurationError(f"{attr.name} must be a str, not {type(value).__name__}")


def _check_token(_inst: object, _attr: attrs.Attribute[str | None], value: object) -> None:
    if value is not None:
        check_header_text("token", value)


def _check_type(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise ConfigurationError(
                f"{attr.name} must be a {kind.__name__}, not {type(value).__name__}"
            )

    return check


@attrs.frozen(kw_only=True)
class PlexConfig:
    """Everything needed to reach one Plex Media Server.

    Either ``base_url`` or ``host`` (with ``port`` and ``https``) names the server. The token is
    kept out of ``repr`` so printing a config never leaks it.
    """

    host: str | None = attrs.field(default=None, validator=_check_optional_text)
    port: int = attrs.field(default=32400, validator=_check_count)
    https: bool = False
    base_url: str | None = attrs.field(default=None, validator=_check_optional_text)
    token: str | None = attrs.field(default=None, repr=False, validator=_check_token)
    identity: ClientIdentity = attrs.field(
        factory=ClientIdentity, validator=_check_type(ClientIdentity)
    )
    timeouts: Timeouts = attrs.field(factory=Timeouts, validator=_check_type(Timeouts))
    max_retries: int = attrs.field(default=3, validator=_check_count)
    retry_backoff: float = attrs.field(default=0.5, validator=_check_seconds)
    verify_ssl: bool = True
    max_connections: int = attrs.field(default=20, validator=_check_count)
    max_keepalive_connections: int = attrs.field(default=10, validator=_check_count)
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
        if _has_query_or_token(url):
            raise ConfigurationError("pass the token as the token argument, not in the URL")
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        except ValueError:
            raise ConfigurationError(f"not a valid URL: {redact_url(url)!r}") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigurationError(f"not an http(s) URL: {redact_url(url)!r}")
        if parts.username or parts.password:
            raise ConfigurationError("pass credentials as the token argument, not in the URL")
        return url


def _has_query_or_token(url: str) -> bool:
    """Whether a base URL carries a query string or a token (neither belongs there)."""
    return "?" in url or "x-plex-token" in url.lower()
