"""How the fake plex.tv writes its answers (field names from real captures) and reads bodies."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TypeGuard
from xml.etree import ElementTree

import jwt
from starlette.requests import Request

from plexkit.testing.plextv.models import FakeFriend, FakePin, FakeUser, _Reject

if TYPE_CHECKING:
    from plexkit.testing.plextv.state import FakePlexTV


async def _json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object body ({} when empty); anything else is a 400."""
    raw = await request.body()
    try:
        body = json.loads(raw) if raw.strip() else {}
    except ValueError:
        raise _Reject(400, 1002, "Bad Request") from None
    if not isinstance(body, dict):
        raise _Reject(400, 1002, "Bad Request")
    return body


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _valid_public_jwk(jwk: object) -> TypeGuard[dict[str, Any]]:
    if not isinstance(jwk, dict) or "d" in jwk:
        return False
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or not jwk.get("kid"):
        return False
    try:
        jwt.PyJWK.from_dict(jwk)
    except jwt.PyJWTError:
        return False
    return True


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _pin_wire(fake: FakePlexTV, pin: FakePin, token: str | None) -> dict[str, Any]:
    """A PIN as plex.tv sends it (field names from a real ``/api/v2/pins`` capture)."""
    expires_at = pin.created_at + pin.expires_in
    return {
        "id": pin.id,
        "code": pin.code,
        "product": pin.product,
        "trusted": False,
        "qr": f"https://plex.tv/api/v2/pins/qr/{pin.code}",
        "clientIdentifier": pin.client_identifier,
        "location": {
            "code": "GB",
            "european_union_member": False,
            "continent_code": "EU",
            "country": "United Kingdom",
            "city": "London",
            "time_zone": "Europe/London",
            "postal_code": "N19",
            "in_privacy_restricted_country": True,
            "subdivisions": "England",
            "coordinates": "51.000, -1",
        },
        "expiresIn": max(0, int(expires_at - fake.clock())),
        "createdAt": _iso(pin.created_at),
        "expiresAt": _iso(expires_at),
        "authToken": token,
        "newRegistration": None if token is None else False,
    }


def _user_wire(user: FakeUser, token: str) -> dict[str, Any]:
    """An account as plex.tv sends it (field names from a real ``/api/v2/user`` capture)."""
    return {
        "id": user.id,
        "uuid": user.uuid,
        "username": user.username,
        "title": user.username,
        "email": user.email,
        "friendlyName": user.friendly_name,
        "locale": None,
        "confirmed": True,
        "emailOnlyAuth": False,
        "hasPassword": True,
        "protected": False,
        "thumb": f"https://plex.tv/users/{user.uuid}/avatar?c=1630875354",
        "authToken": token,
        "mailingListStatus": "unsubscribed",
        "mailingListActive": False,
        "scrobbleTypes": "",
        "country": "GB",
        "subscription": {
            "active": False,
            "subscribedAt": None,
            "status": "Inactive",
            "paymentService": None,
            "plan": None,
            "features": [],
        },
        "subscriptionDescription": None,
        "restricted": False,
        "anonymous": None,
        "home": False,
        "guest": False,
        "homeSize": 1,
        "homeAdmin": False,
        "maxHomeSize": 15,
        "rememberExpiresAt": user.joined_at + 10 * 365 * 86_400,
        "profile": {"autoSelectAudio": True, "defaultAudioLanguage": "en"},
        "entitlements": [],
        "roles": [],
        "services": [],
        "twoFactorEnabled": user.two_factor_code is not None,
        "backupCodesCreated": False,
        "joinedAt": user.joined_at,
    }


def _resources_xml(resources: list[dict[str, Any]]) -> bytes:
    """The XML form of a resource list (``<MediaContainer><Device><Connection/>``)."""

    def text(value: Any) -> str:
        if isinstance(value, bool):
            return "1" if value else "0"
        return "" if value is None else str(value)

    root = ElementTree.Element("MediaContainer", size=str(len(resources)))
    for resource in resources:
        attributes = {k: text(v) for k, v in resource.items() if k != "connections"}
        device = ElementTree.SubElement(root, "Device", attributes)
        for connection in resource["connections"]:
            ElementTree.SubElement(
                device, "Connection", {k: text(v) for k, v in connection.items()}
            )
    return _xml_bytes(root)


def _xml_bytes(root: ElementTree.Element) -> bytes:
    """The document ``root`` heads, with its XML declaration (as plex.tv sends it)."""
    data: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def _xml_text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return "" if value is None else str(value)


def _users_document(owner: FakeUser, users: list[dict[str, Any]]) -> bytes:
    """``<MediaContainer friendlyName="myPlex" ...>`` with one ``<User>`` per entry (a
    ``"Server"`` list becomes its ``<Server>`` children)."""
    root = ElementTree.Element(
        "MediaContainer",
        friendlyName="myPlex",
        identifier="com.plexapp.plugins.myplex",
        machineIdentifier=hashlib.sha1(owner.uuid.encode()).hexdigest(),
        totalSize=str(len(users)),
        size=str(len(users)),
    )
    for user in users:
        attributes = {k: _xml_text(v) for k, v in user.items() if k != "Server"}
        element = ElementTree.SubElement(root, "User", attributes)
        for server in user.get("Server", []):
            ElementTree.SubElement(element, "Server", {k: _xml_text(v) for k, v in server.items()})
    return _xml_bytes(root)


def _users_xml(owner: FakeUser, friends: list[FakeFriend]) -> bytes:
    """``/api/users``: attributes of ``home-assistant-core/plextv_shared_users.xml`` (a real
    answer) plus ``home``, which python-plexapi's ``MyPlexUser`` reads."""
    users = [
        {
            "id": f.id,
            "title": f.title,
            "username": f.username,
            "email": f.email,
            "recommendationsPlaylistId": "",
            "thumb": f"https://plex.tv/users/{f.uuid}/avatar?c=1614072646",
            "protected": f.protected,
            "home": f.home,
            "spencer": False,
            "allowTuners": 0,
            "allowSync": False,
            "allowCameraUpload": False,
            "allowChannels": False,
            "allowSubtitleAdmin": False,
            "filterAll": "",
            "filterMovies": "",
            "filterMusic": "",
            "filterPhotos": "",
            "filterTelevision": "",
            "restricted": f.managed,
            "Server": [
                {
                    "id": 7_654_321 + index,
                    "serverId": 1 + index,
                    "machineIdentifier": server.client_identifier,
                    "name": server.name,
                    "lastSeenAt": 1_614_072_646,
                    "numLibraries": 0,
                    "allLibraries": True,
                    "owned": server.owned,
                    "pending": False,
                }
                for index, server in enumerate(f.servers)
            ],
        }
        for f in friends
    ]
    return _users_document(owner, users)


def _home_users_xml(owner: FakeUser, members: list[FakeFriend]) -> bytes:
    """``/api/home/users``: the owner (``admin``) and the home members. No capture is stored;
    the attributes are those public clients of this endpoint read (``admin``, ``guest``,
    ``restricted``, ``restrictionProfile``, ``protected``, ``hasPassword``, ...)."""
    admin = {
        "id": owner.id,
        "uuid": owner.uuid,
        "admin": True,
        "guest": False,
        "restricted": False,
        "restrictionProfile": "",
        "hasPassword": True,
        "protected": False,
        "title": owner.username,
        "username": owner.username,
        "email": owner.email,
        "thumb": f"https://plex.tv/users/{owner.uuid}/avatar?c=1630875354",
    }
    users = [admin] + [
        {
            "id": m.id,
            "uuid": m.uuid,
            "admin": False,
            "guest": False,
            "restricted": m.managed,
            "restrictionProfile": m.restriction_profile,
            "hasPassword": not m.managed,
            "protected": m.protected,
            "title": m.title,
            "username": m.username,
            "email": m.email,
            "thumb": f"https://plex.tv/users/{m.uuid}/avatar?c=1614072646",
        }
        for m in members
    ]
    return _users_document(owner, users)
