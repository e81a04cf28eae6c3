"""plex.tv users and home users: ``PlexTV.users()`` / ``home_users()`` against the fake plex.tv
(sync, and async under asyncio and trio), the real capture, the wire, bad input and errors
that never show the token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from plexkit.auth import AsyncPlexTV, HomeUser, PlexTV, PlexTVUser
from plexkit.auth.models import decode
from plexkit.auth.users import parse_home_users, parse_users, user_names
from plexkit.config import ClientIdentity
from plexkit.errors import ConfigurationError, ParseError, ServerError, UnauthorizedError
from plexkit.testing.plextv import FakeConnection, FakePlexTV, FakeUser

CAPTURES = Path(__file__).parents[1] / "data/captures"
SHARED_USERS = CAPTURES / "home-assistant-core/plextv_shared_users.xml"


@pytest.fixture
def friends(fake: FakePlexTV, user: FakeUser) -> FakePlexTV:
    """``ann`` shares her server "nas" with Bob; Carol is in her home, Kids a managed user."""
    fake.add_server(
        "nas",
        client_identifier="machine-1",
        access_token="server-token",
        connections=[FakeConnection("http://10.0.0.2:32400")],
    )
    fake.add_friend(user, "Bob")
    fake.add_friend(user, "Carol", home=True, protected=True)
    fake.add_friend(user, "Kids", managed=True, restriction_profile="little_kid")
    other = fake.add_user("zed", "pw-of-zed")
    fake.add_friend(other, "Not Ann's")
    return fake


def plextv(fake: FakePlexTV, identity: ClientIdentity) -> PlexTV:
    return PlexTV(
        identity,
        plextv_url="https://plex.tv",
        clients_url="https://clients.plex.tv",
        transport=fake.sync_transport(),
    )


def test_sync_users_and_home_users(
    friends: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    with plextv(friends, identity) as session:
        users = session.users(user.token)
        home = session.home_users(user.token)
    assert [u.name for u in users] == ["Bob", "Carol", "Kids"]
    bob, carol, kids = users
    assert isinstance(bob, PlexTVUser) and bob.username == "bob" and not bob.home
    assert bob.email == "bob@example.com"
    assert [(s.name, s.machine_identifier, s.all_libraries) for s in bob.servers] == [
        ("nas", "machine-1", True)
    ]
    assert carol.home and carol.protected and not carol.restricted
    assert kids.restricted and kids.username == "" and kids.name == "Kids"
    assert [(h.name, h.admin) for h in home] == [
        ("ann", True),
        ("Carol", False),
        ("Kids", False),
    ]
    assert all(isinstance(h, HomeUser) for h in home)
    assert home[2].restricted and home[2].restriction_profile == "little_kid"
    assert home[1].protected and home[1].has_password and not home[2].has_password
    assert user_names([*users, *home]) == {
        bob.id: "Bob",
        carol.id: "Carol",
        kids.id: "Kids",
        user.id: "ann",
        1: "ann",  # the server's own id for its owner
    }


@pytest.mark.anyio
async def test_async_users_and_home_users(
    friends: FakePlexTV, user: FakeUser, identity: ClientIdentity, anyio_backend: str
) -> None:
    async with AsyncPlexTV(
        identity, plextv_url="https://plex.tv", transport=friends.transport()
    ) as session:
        users = await session.users(user.token)
        home = await session.home_users(user.token)
        with pytest.raises(UnauthorizedError) as caught:
            await session.users("not-a-real-token-123")
    assert [u.title for u in users] == ["Bob", "Carol", "Kids"]
    assert [h.title for h in home] == ["ann", "Carol", "Kids"]
    assert "not-a-real-token-123" not in str(caught.value)
    assert friends.calls["/api/users"] == 2 and friends.calls["/api/home/users"] == 1


def test_an_account_without_friends_has_only_itself_at_home(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    with plextv(fake, identity) as session:
        assert session.users(user.token) == []
        (me,) = session.home_users(user.token)
    assert (me.id, me.admin, me.email) == (user.id, True, user.email)
    assert user_names([me]) == {user.id: "ann", 1: "ann"}
    assert user_names([], owner="Owner") == {1: "Owner"}


# -- the wire and bad input ---------------------------------------------------------------------


class Recorder:
    def __init__(self, status: int = 200, body: bytes = b"<MediaContainer size='0'/>") -> None:
        self.status, self.body = status, body
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, content=self.body)


def recording(identity: ClientIdentity, recorder: Recorder) -> PlexTV:
    return PlexTV(identity, plextv_url="https://plex.tv", transport=httpx.MockTransport(recorder))


def test_the_token_goes_in_the_header_never_the_url(identity: ClientIdentity) -> None:
    recorder = Recorder()
    with recording(identity, recorder) as session:
        assert session.users("tok-123456") == []
        assert session.home_users("tok-123456") == []
    assert [str(r.url) for r in recorder.requests] == [
        "https://plex.tv/api/users",
        "https://plex.tv/api/home/users",
    ]
    assert all(r.headers["X-Plex-Token"] == "tok-123456" for r in recorder.requests)
    assert all(r.headers["X-Plex-Client-Identifier"] for r in recorder.requests)


@pytest.mark.parametrize("token", ["", "   ", None, 42, "line\nbreak"])
def test_a_missing_or_malformed_token_sends_nothing(identity: ClientIdentity, token: Any) -> None:
    recorder = Recorder()
    with recording(identity, recorder) as session:
        with pytest.raises(ConfigurationError, match="token"):
            session.users(token)
        with pytest.raises(ConfigurationError, match="token"):
            session.home_users(token)
        with pytest.raises(ConfigurationError, match="token"):
            session.user(token)
        with pytest.raises(ConfigurationError, match="token"):
            session.resources(token)
        with pytest.raises(ConfigurationError, match="token"):
            session.register_key(token, None)  # type: ignore[arg-type]
        with pytest.raises(ConfigurationError, match="DeviceKey"):
            session.register_key("tok-123456", None)  # type: ignore[arg-type]
    assert recorder.requests == []


def test_an_error_echoing_the_token_does_not_show_it(identity: ClientIdentity) -> None:
    secret = "s3cr3t-account-token-value"
    body = f'{{"errors": [{{"message": "boom for {secret}"}}]}}'.encode()
    recorder = Recorder(status=500, body=body)
    with recording(identity, recorder) as session, pytest.raises(ServerError) as caught:
        session.users(secret)
    assert secret not in str(caught.value) and secret not in repr(caught.value)


@pytest.mark.parametrize(
    "body", [b"<html><body>gateway</body></html>", b"[1, 2]", b'{"User": 3}', b"not xml"]
)
def test_a_body_that_is_not_a_user_list_is_a_parse_error(
    identity: ClientIdentity, body: bytes
) -> None:
    with recording(identity, Recorder(body=body)) as session, pytest.raises(ParseError):
        session.users("tok-123456")


def test_odd_entries_are_skipped_not_fatal() -> None:
    data = {"User": [{"id": "7", "title": "Ok"}, {"title": "no id"}, "junk", {"id": "x"}]}
    assert [u.id for u in parse_users(data)] == [7]
    assert parse_home_users({"User": {"id": "3", "admin": "1"}})[0].admin is True
    assert parse_users({"size": "0"}) == []
    with pytest.raises(ParseError):
        parse_users({"body": []})


# -- the real capture ---------------------------------------------------------------------------


def test_the_captured_user_list_reads_fully() -> None:
    users = parse_users(decode(SHARED_USERS.read_bytes(), "application/xml"))
    assert [(u.id, u.name, u.email) for u in users] == [
        (1000, "User 1000", "user_1000@email.com"),
        (1001, "User 1001", "user_1001@email.com"),
    ]
    first = users[0]
    assert (first.protected, first.restricted, first.allow_sync, first.allow_tuners) == (
        False,
        False,
        False,
        0,
    )
    (server,) = first.servers
    assert (server.id, server.server_id, server.machine_identifier, server.num_libraries) == (
        7654321,
        1,
        "unique_id_123",
        4,
    )
    assert server.owned and not server.pending and not server.all_libraries
    assert server.last_seen_at is not None and server.last_seen_at.year == 2021


def shape(body: bytes) -> dict[str, set[str]]:
    from xml.etree import ElementTree

    out: dict[str, set[str]] = {}
    for element in ElementTree.fromstring(body).iter():
        out.setdefault(element.tag, set()).update(element.attrib)
    return out


def test_the_fakes_user_list_has_the_captures_shape(
    friends: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    http = httpx.Client(transport=friends.sync_transport(), base_url="https://plex.tv")
    answer = http.get(
        "/api/users",
        headers={**identity.headers(), "X-Plex-Token": user.token, "Accept": "application/json"},
    )
    assert answer.status_code == 200 and answer.content.lstrip().startswith(b"<?xml")
    real, fake = shape(SHARED_USERS.read_bytes()), shape(answer.content)
    assert set(real) == set(fake) == {"MediaContainer", "User", "Server"}
    for tag in real:
        assert real[tag] <= fake[tag], tag
    assert fake["User"] - real["User"] == {"home"}
