"""Pure logic of plexkit.auth: URLs, claims, JWK thumbprints, connection ranking, models."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qs

import jwt
import pytest

from plexkit.auth import Connection, Resource, auth_app_url, candidates, choose_server, link_url
from plexkit.auth._jose import jwk_thumbprint, unverified_parts
from plexkit.auth.claims import check_plex_claims, device_claims, expires_at, needs_refresh
from plexkit.auth.models import decode, parse_account, parse_pin, parse_resources
from plexkit.errors import JWTError, ParseError, ServerNotFoundError

DATA = Path(__file__).parent / "data"
NOW = 1_750_000_000


def unsigned(claims: dict[str, object]) -> str:
    """A JWT-shaped token (HS256 with a throwaway key: only its claims matter here)."""
    return jwt.encode(claims, "k" * 32, algorithm="HS256")


# -- URLs ------------------------------------------------------------------------------------------


def test_auth_app_url_matches_the_plex_guide_example() -> None:
    url = auth_app_url(
        client_identifier="abc123",
        code="8lzjqnq8lye02n52jq3fqxf8e",
        product="My Cool Plex App",
        forward_url="https://my-cool-plex-app.com",
    )
    assert url == (
        "https://app.plex.tv/auth#?clientID=abc123&code=8lzjqnq8lye02n52jq3fqxf8e"
        "&context%5Bdevice%5D%5Bproduct%5D=My%20Cool%20Plex%20App"
        "&forwardUrl=https%3A%2F%2Fmy-cool-plex-app.com"
    )


def test_auth_app_url_encodes_awkward_values_and_round_trips() -> None:
    url = auth_app_url(client_identifier="id&x=1", code="c#d", product="Tom & Jerry's #1/2")
    base, fragment = url.split("#?")
    assert base == "https://app.plex.tv/auth"
    assert "#" not in fragment and " " not in fragment
    assert "forwardUrl" not in fragment
    assert parse_qs(fragment) == {
        "clientID": ["id&x=1"],
        "code": ["c#d"],
        "context[device][product]": ["Tom & Jerry's #1/2"],
    }


def test_link_url_for_four_character_pins() -> None:
    assert link_url("7RQZ") == "https://plex.tv/link/?pin=7RQZ"


# -- JOSE and claims -------------------------------------------------------------------------------


def test_thumbprint_matches_rfc_8037_appendix_a3() -> None:
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
    assert jwk_thumbprint(jwk) == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    # Members outside the RFC 7638 set do not change it.
    assert jwk_thumbprint({**jwk, "kid": "x", "use": "sig"}) == jwk_thumbprint(jwk)


def test_thumbprint_needs_the_public_members() -> None:
    with pytest.raises(JWTError):
        jwk_thumbprint({"kty": "OKP", "crv": "Ed25519"})


def test_unverified_parts_rejects_what_is_not_a_jwt() -> None:
    for token in ("legacy-token", "a.b", "e30.bm90LWpzb24.sig"):
        with pytest.raises(JWTError):
            unverified_parts(token)


def test_device_claims_follow_the_plex_guide() -> None:
    claims = device_claims(
        nonce="7c415b56-8f48-488a-98ab-847ef4460442",
        client_identifier="my-client",
        scopes=["username", "email", "friendly_name"],
        now=1705785603.9,
    )
    assert claims == {
        "nonce": "7c415b56-8f48-488a-98ab-847ef4460442",
        "scope": "username,email,friendly_name",
        "aud": "plex.tv",
        "iss": "my-client",
        "iat": 1705785603,
        "exp": 1705785603 + 300,
    }


GOOD = {
    "iss": "plex.tv",
    "aud": ["plex.tv", "me"],
    "iat": NOW,
    "exp": NOW + 3600,
    "thumbprint": "k1",
}


def test_plex_claims_accepted_when_everything_matches() -> None:
    check_plex_claims(GOOD, client_identifier="me", kid="k1", now=NOW)
    check_plex_claims({**GOOD, "aud": "me"}, client_identifier="me", kid=None, now=NOW)


@pytest.mark.parametrize(
    "change",
    [
        {"iss": "evil.example"},
        {"aud": ["someone-else"]},
        {"aud": 5},
        {"exp": NOW - 3600},
        {"exp": "tomorrow"},
        {"iat": None},
        {"thumbprint": "another-key"},
    ],
)
def test_plex_claims_rejected(change: dict[str, object]) -> None:
    with pytest.raises(JWTError):
        check_plex_claims({**GOOD, **change}, client_identifier="me", kid="k1", now=NOW)


def test_needs_refresh_within_a_day_of_expiry() -> None:
    week = unsigned({"iat": NOW, "exp": NOW + 7 * 86_400})
    assert expires_at(week) == NOW + 7 * 86_400
    assert not needs_refresh(week, now=NOW)
    assert not needs_refresh(week, now=NOW + 5 * 86_400)
    assert needs_refresh(week, now=NOW + 6 * 86_400 + 1)
    assert needs_refresh(week, now=NOW + 8 * 86_400)


def test_needs_refresh_caps_the_margin_at_half_the_lifetime() -> None:
    hour = unsigned({"iat": NOW, "exp": NOW + 3600})
    assert not needs_refresh(hour, now=NOW)
    assert not needs_refresh(hour, now=NOW + 1799)
    assert needs_refresh(hour, now=NOW + 1801)


def test_needs_refresh_without_a_usable_jwt() -> None:
    assert needs_refresh(None, now=NOW)
    assert needs_refresh("a-legacy-token", now=NOW)
    assert needs_refresh(unsigned({"iat": NOW}), now=NOW)
    assert expires_at("a-legacy-token") is None


# -- connection ranking ----------------------------------------------------------------------------


def _resource(*, owned: bool = True, https_required: bool = False) -> Resource:
    return Resource(
        name="nas",
        client_identifier="abc",
        owned=owned,
        https_required=https_required,
        provides=("server",),
        connections=(
            Connection(
                uri="https://178-3-2-1.abc.plex.direct:8443",
                address="203.0.113.2",
                port=8443,
                relay=True,
            ),
            Connection(
                uri="https://203-0-113-3.abc.plex.direct:443", address="203.0.113.3", port=443
            ),
            Connection(
                uri="https://fd00--5.abc.plex.direct:32400",
                address="fd00::5",
                port=32400,
                local=True,
                ipv6=True,
            ),
            Connection(
                uri="https://10-0-0-5.abc.plex.direct:32400",
                address="10.0.0.5",
                port=32400,
                local=True,
            ),
        ),
    )


def test_candidates_local_then_remote_then_relay_https_first() -> None:
    assert [c.url for c in candidates(_resource())] == [
        "https://10-0-0-5.abc.plex.direct:32400",
        "https://fd00--5.abc.plex.direct:32400",
        "http://10.0.0.5:32400",
        "http://[fd00::5]:32400",
        "https://203-0-113-3.abc.plex.direct:443",
        "http://203.0.113.3:443",
        "https://178-3-2-1.abc.plex.direct:8443",
    ]


def test_candidates_skip_local_connections_of_servers_not_owned() -> None:
    assert [c.url for c in candidates(_resource(owned=False))] == [
        "https://203-0-113-3.abc.plex.direct:443",
        "http://203.0.113.3:443",
        "https://178-3-2-1.abc.plex.direct:8443",
    ]


def test_candidates_without_http_when_the_server_requires_https() -> None:
    urls = [c.url for c in candidates(_resource(https_required=True))]
    assert urls and all(url.startswith("https://") for url in urls)


def test_candidates_for_a_real_resources_capture() -> None:
    (resource,) = parse_resources(json.loads((DATA / "plexapirs_resources.json").read_bytes()))
    assert [c.url for c in candidates(resource)] == [
        "https://172-18-0-3.client-id2.plex.direct:32400",
        "http://172.18.0.3:32400",
        "https://example.org:443",
        "https://2-2-2-2.client-id2.plex.direct:443",
        "http://example.org:443",
        "http://203.0.113.3:443",
        "https://178-3-2-1.client-id2.plex.direct:8443",
    ]


def test_choose_server_by_identifier_name_or_ownership() -> None:
    mine = Resource(name="Mine", client_identifier="m1", owned=True, provides=("server",))
    shared = Resource(name="Friend", client_identifier="f1", owned=False, provides=("server",))
    player = Resource(name="TV", client_identifier="p1", owned=True, provides=("player",))
    listed = [player, shared, mine]
    assert choose_server(listed) is mine
    assert choose_server(listed, name="friend") is shared
    assert choose_server(listed, client_identifier="m1") is mine
    with pytest.raises(ServerNotFoundError, match="'TV'"):
        choose_server(listed, name="TV")
    with pytest.raises(ServerNotFoundError):
        choose_server([player])


# -- models from real captures ---------------------------------------------------------------------


def test_resources_json_capture() -> None:
    (box,) = parse_resources(decode((DATA / "plexapirs_resources.json").read_bytes(), None))
    assert (box.name, box.client_identifier, box.product) == (
        "Box",
        "client_id2",
        "Plex Media Server",
    )
    assert box.is_server and box.owned and box.relay and box.presence and not box.https_required
    assert box.access_token == "auth_token"
    assert box.created_at == datetime(2021, 1, 1, 12, 12, 24, tzinfo=timezone.utc)
    local, _domain, _remote, relay = box.connections
    assert (local.protocol, local.address, local.port, local.local) == (
        "https",
        "172.18.0.3",
        32400,
        True,
    )
    assert relay.relay and not relay.local and relay.port == 8443
    assert "auth_token" not in repr(box)


def test_resources_xml_captures() -> None:
    devices = parse_resources(
        decode((DATA / "ha_plextv_resources_two_servers.xml").read_bytes(), "text/xml")
    )
    assert [d.name for d in devices if d.is_server] == ["Plex Server 1", "Plex Server 2"]
    first = devices[0]
    assert first.owned and first.client_identifier == "unique_id_123"
    assert first.connections[0].uri == "https://1-2-3-4.123456789001234567890.plex.direct:32400"
    assert first.connections[0].local and first.connections[0].port == 32400
    assert devices[2].provides == ("client", "player", "pubsub-player")
    assert first.created_at == datetime.fromtimestamp(1429510140, timezone.utc)

    (box,) = parse_resources(decode((DATA / "plexapirs_resources.xml").read_bytes(), None))
    assert [c.protocol for c in box.connections] == ["http", "https", "http"]
    assert [c.local for c in box.connections] == [True, False, False]


def test_pin_captures() -> None:
    new = parse_pin(decode((DATA / "plexapirs_pins_new.json").read_bytes(), "application/json"))
    assert (new.id, new.code, new.expires_in, new.auth_token) == (111222333, "CODE", 900, None)
    assert new.expires_at == datetime(2022, 2, 1, 0, 15, tzinfo=timezone.utc)
    linked = parse_pin(decode((DATA / "plexapirs_pins_linked.json").read_bytes(), None))
    assert linked.auth_token == "auth_token"
    assert "auth_token" not in repr(linked)


def test_account_captures() -> None:
    account = parse_account(decode((DATA / "plexapirs_user_info_plexpass.json").read_bytes(), None))
    assert (account.id, account.uuid, account.username) == (
        12345,
        "212acf24b07315e5",
        "user@example.com",
    )
    assert account.auth_token == "auth_token"
    assert account.two_factor_enabled and account.home_admin and account.subscription_active
    xml = parse_account(decode((DATA / "ha_plextv_account.xml").read_bytes(), None))
    assert (xml.id, xml.username, xml.email) == (12345, "User 1", "myplexusername@email.com")
    assert xml.auth_token == "faketoken" and xml.two_factor_enabled and xml.subscription_active


def test_undecodable_bodies_raise_parse_error() -> None:
    for body, kind in ((b"{not json", "application/json"), (b"<a><b></a>", "text/xml")):
        with pytest.raises(ParseError):
            decode(body, kind)
    with pytest.raises(ParseError):
        parse_pin({"id": 1})
    with pytest.raises(ParseError):
        parse_resources({"Device": "nope"})


def test_xml_entity_bombs_are_refused() -> None:
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><MediaContainer n="&b;"/>'
    with pytest.raises(ParseError):
        decode(bomb, "text/xml")
