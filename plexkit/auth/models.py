"""plex.tv account, PIN and resource models, decoded from JSON or XML (no I/O).

Field names are snake_case versions of plex.tv's (``authToken`` → ``auth_token``); values are
coerced leniently (``"1"`` → True, ISO or epoch times → aware datetimes). Tokens are kept out of
``repr``; the session that fetched them registers them with log redaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs
from defusedxml import ElementTree

from plexkit._core.status import body_excerpt
from plexkit.errors import ParseError
from plexkit.models._wire import to_datetime, to_flag, to_int, to_str

__all__ = [
    "Account",
    "Connection",
    "Pin",
    "PinStatus",
    "Resource",
    "ServerConnection",
    "decode",
    "parse_account",
    "parse_pin",
    "parse_resources",
]


@attrs.frozen(kw_only=True)
class Account:
    """The signed-in plex.tv user (``/api/v2/users/signin`` and ``/api/v2/user``)."""

    id: int | None = None
    uuid: str | None = None
    username: str | None = None
    title: str | None = None
    email: str | None = None
    friendly_name: str | None = None
    thumb: str | None = None
    auth_token: str | None = attrs.field(default=None, repr=False)
    two_factor_enabled: bool = False
    home: bool = False
    home_admin: bool = False
    restricted: bool = False
    subscription_active: bool = False


@attrs.frozen(kw_only=True)
class Pin:
    """A PIN from ``/api/v2/pins``; ``auth_token`` stays None until someone approves it."""

    id: int
    code: str
    client_identifier: str | None = None
    product: str | None = None
    trusted: bool = False
    qr: str | None = None
    expires_in: int | None = None
    created_at: datetime | None = None
    expires_at: datetime | None = None
    auth_token: str | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class PinStatus:
    """One poll of a PIN login, for progress displays.

    ``seconds_left`` counts down to the caller's deadline (None without one); ``approved`` turns
    True on the last status, when the token is ready.
    """

    pin_id: int
    code: str
    polls: int
    approved: bool
    expires_at: datetime | None
    seconds_left: float | None


@attrs.frozen(kw_only=True)
class Connection:
    """One address a resource can be reached at."""

    uri: str
    protocol: str = "https"
    address: str | None = None
    port: int | None = None
    local: bool = False
    relay: bool = False
    ipv6: bool = False


@attrs.frozen(kw_only=True)
class Resource:
    """A device on the account (``/api/v2/resources``): a server when ``"server"`` is provided.

    ``access_token`` is the token for this device, which may differ from the account token
    (servers shared with the user have their own).
    """

    name: str
    client_identifier: str
    product: str | None = None
    product_version: str | None = None
    platform: str | None = None
    platform_version: str | None = None
    device: str | None = None
    provides: tuple[str, ...] = ()
    owned: bool = False
    home: bool = False
    presence: bool = False
    relay: bool = False
    https_required: bool = False
    public_address: str | None = None
    source_title: str | None = None
    owner_id: int | None = None
    created_at: datetime | None = None
    last_seen_at: datetime | None = None
    access_token: str | None = attrs.field(default=None, repr=False)
    connections: tuple[Connection, ...] = ()

    @property
    def is_server(self) -> bool:
        return "server" in self.provides


@attrs.frozen(kw_only=True)
class ServerConnection:
    """A server found through plex.tv: the URL that answered and the token to use there."""

    url: str
    token: str | None = attrs.field(repr=False)
    resource: Resource
    connection: Connection


def decode(content: bytes, content_type: str | None) -> Any:
    """A plex.tv body as JSON data; XML becomes dicts of attributes with child lists by tag."""
    text_start = content.lstrip()[:1]
    is_xml = "xml" in (content_type or "") or text_start == b"<"
    try:
        if is_xml:
            return _element_dict(ElementTree.fromstring(content))
        return json.loads(content)
    except (ValueError, SyntaxError) as exc:  # JSON, XML and defusedxml's refusals
        excerpt = body_excerpt(content)
        raise ParseError("plex.tv sent a body that does not decode", excerpt=excerpt) from exc


def parse_account(data: Any) -> Account:
    """An `Account` from decoded ``/api/v2/user`` or sign-in data."""
    user = _mapping(data, "account")
    subscription = _first(user.get("subscription"))
    return Account(
        id=to_int(user.get("id")),
        uuid=to_str(user.get("uuid")),
        username=to_str(user.get("username")),
        title=to_str(user.get("title")),
        email=to_str(user.get("email")),
        friendly_name=to_str(user.get("friendlyName")),
        thumb=to_str(user.get("thumb")),
        auth_token=to_str(user.get("authToken")) or None,
        two_factor_enabled=to_flag(user.get("twoFactorEnabled")),
        home=to_flag(user.get("home")),
        home_admin=to_flag(user.get("homeAdmin")),
        restricted=to_flag(user.get("restricted")),
        subscription_active=to_flag(subscription.get("active")),
    )


def parse_pin(data: Any) -> Pin:
    """A `Pin` from decoded ``/api/v2/pins`` data."""
    pin = _mapping(data, "PIN")
    pin_id, code = to_int(pin.get("id")), to_str(pin.get("code"))
    if pin_id is None or not code:
        raise ParseError("the PIN has no id or code")
    return Pin(
        id=pin_id,
        code=code,
        client_identifier=to_str(pin.get("clientIdentifier")),
        product=to_str(pin.get("product")),
        trusted=to_flag(pin.get("trusted")),
        qr=to_str(pin.get("qr")),
        expires_in=to_int(pin.get("expiresIn")),
        created_at=to_datetime(pin.get("createdAt")),
        expires_at=to_datetime(pin.get("expiresAt")),
        auth_token=to_str(pin.get("authToken")) or None,
    )


def parse_resources(data: Any) -> list[Resource]:
    """Every `Resource` in decoded ``/api/v2/resources`` data (a JSON list or XML)."""
    devices = data.get("Device", []) if isinstance(data, Mapping) else data
    if not isinstance(devices, list):
        raise ParseError("the resource list is not a list")
    return [_resource(_mapping(device, "resource")) for device in devices]


def _resource(device: Mapping[str, Any]) -> Resource:
    connections = device.get("connections", device.get("Connection")) or []
    return Resource(
        name=to_str(device.get("name")) or "",
        client_identifier=to_str(device.get("clientIdentifier")) or "",
        product=to_str(device.get("product")),
        product_version=to_str(device.get("productVersion")),
        platform=to_str(device.get("platform")),
        platform_version=to_str(device.get("platformVersion")),
        device=to_str(device.get("device")),
        provides=tuple(p.strip() for p in (to_str(device.get("provides")) or "").split(",") if p),
        owned=to_flag(device.get("owned")),
        home=to_flag(device.get("home")),
        presence=to_flag(device.get("presence")),
        relay=to_flag(device.get("relay")),
        https_required=to_flag(device.get("httpsRequired")),
        public_address=to_str(device.get("publicAddress")),
        source_title=to_str(device.get("sourceTitle")),
        owner_id=to_int(device.get("ownerId")),
        created_at=to_datetime(device.get("createdAt")),
        last_seen_at=to_datetime(device.get("lastSeenAt")),
        access_token=to_str(device.get("accessToken")) or None,
        connections=tuple(_connection(_mapping(c, "connection")) for c in connections),
    )


def _connection(data: Mapping[str, Any]) -> Connection:
    return Connection(
        uri=to_str(data.get("uri")) or "",
        protocol=(to_str(data.get("protocol")) or "https").lower(),
        address=to_str(data.get("address")),
        port=to_int(data.get("port")),
        local=to_flag(data.get("local")),
        relay=to_flag(data.get("relay")),
        ipv6=to_flag(data.get("IPv6")),
    )


def _mapping(data: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ParseError(f"the {what} is not an object")
    return data


def _first(value: Any) -> Mapping[str, Any]:
    """A child object that JSON sends as an object and XML as a one-element list."""
    if isinstance(value, list):
        value = value[0] if value else {}
    return value if isinstance(value, Mapping) else {}


def _element_dict(element: Any) -> dict[str, Any]:
    data: dict[str, Any] = dict(element.attrib)
    for child in element:
        data.setdefault(child.tag, []).append(_element_dict(child))
    return data
