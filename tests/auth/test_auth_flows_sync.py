"""Sync flows (the generated twins) against the fake plex.tv, with threads where it matters."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from auth_helpers import SyncGate, old_token

from plexkit.auth import (
    AsyncJWTAuth,
    DeviceKey,
    JWTAuth,
    PinCancelledError,
    PinLogin,
    PinStatus,
    PlexTV,
    TokenFile,
    check_token,
    sign_in,
)
from plexkit.config import ClientIdentity
from plexkit.errors import ConfigurationError, PinExpiredError, TwoFactorRequiredError
from plexkit.testing.plextv import FakeClock, FakePlexTV, FakeUser

PASSWORD = "correct horse battery"


def session(fake: FakePlexTV, identity: ClientIdentity) -> PlexTV:
    return PlexTV(identity, transport=fake.sync_transport(), clock=fake.clock)


def registered_key(
    fake: FakePlexTV, identity: ClientIdentity, user: FakeUser
) -> tuple[DeviceKey, str]:
    key = DeviceKey.generate()
    with session(fake, identity) as plextv:
        plextv.register_key(user.token, key)
        return key, plextv.refresh_jwt(key)


def test_sign_in_two_factor_and_check_token(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    transport = fake.sync_transport()
    account = sign_in("ann", PASSWORD, identity=identity, transport=transport)
    assert account.auth_token == user.token
    assert check_token(user.token, identity=identity, transport=transport)
    assert not check_token("bad-token-xyz", identity=identity, transport=transport)
    fake.add_user("bob", "bob-password", two_factor_code="654321")
    with pytest.raises(TwoFactorRequiredError):
        sign_in("bob", "bob-password", identity=identity, transport=transport)
    assert sign_in("bob", "bob-password", "654321", identity=identity, transport=transport)


def test_classic_and_jwt_pin_logins(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    def approve_on_second_poll(status: PinStatus) -> None:
        if status.polls == 2:
            fake.approve_pin(status.code, token=user.token)

    with session(fake, identity) as plextv:
        classic = PinLogin(plextv, poll_interval=0.01)
        classic.start()
        assert classic.wait(timeout=30, on_status=approve_on_second_poll) == user.token

        key = DeviceKey.generate()
        jwt_login = PinLogin(plextv, key=key, poll_interval=0.01)
        jwt_login.start()
        token = jwt_login.wait(timeout=30, on_status=approve_on_second_poll)
        assert plextv.verify_plex_jwt(token, kid=key.kid)["thumbprint"] == key.kid


class FlakyPins(httpx.BaseTransport):
    """The first PIN checks fail: a dropped connection, then a 503."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner, self.failures = inner, ["drop", "503"]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/api/v2/pins/") and self.failures:
            if self.failures.pop(0) == "drop":
                raise httpx.ConnectError("connection reset", request=request)
            return httpx.Response(503)
        return self.inner.handle_request(request)


def test_pin_polling_rides_out_passing_failures(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    seen: list[bool] = []

    def approve(status: PinStatus) -> None:
        seen.append(status.approved)
        fake.approve_pin(status.code, token=user.token)

    flaky = FlakyPins(fake.sync_transport())
    with PlexTV(identity, transport=flaky, clock=fake.clock) as plextv:
        login = PinLogin(plextv, poll_interval=0.01)
        login.start()
        assert login.wait(timeout=30, on_status=approve) == user.token
    assert seen == [False, False, True] and not flaky.failures


def test_pin_expiry(fake: FakePlexTV, clock: FakeClock, identity: ClientIdentity) -> None:
    with session(fake, identity) as plextv:
        login = PinLogin(plextv, strong=False, poll_interval=0.01)
        login.start()
        with pytest.raises(PinExpiredError):
            login.wait(on_status=lambda status: clock.advance(901))


def test_cancel_from_another_thread(fake: FakePlexTV, identity: ClientIdentity) -> None:
    with session(fake, identity) as plextv:
        login = PinLogin(plextv, poll_interval=30)
        login.start()
        first_poll = threading.Event()
        with ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(login.wait, on_status=lambda status: first_poll.set())
            assert first_poll.wait(10)
            login.cancel()
            with pytest.raises(PinCancelledError):
                waiting.result(timeout=10)


def test_498_under_20_threads_refreshes_once(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    key, token = registered_key(fake, identity, user)
    stored: list[str] = []
    auth = JWTAuth(
        key,
        identity=identity,
        token=token,
        store=stored.append,
        transport=fake.sync_transport(),
        clock=fake.clock,
    )
    fake.expire(token)
    before = fake.calls.copy()
    gate = SyncGate(fake.sync_transport(), 20, old_token(token))
    with httpx.Client(auth=auth, transport=gate, headers=identity.headers()) as client:

        def one(_: int) -> int:
            return client.get("https://plex.tv/api/v2/user").status_code

        with ThreadPoolExecutor(20) as pool:
            statuses = list(pool.map(one, range(20)))
    assert statuses == [200] * 20
    assert fake.calls["/api/v2/auth/token"] - before["/api/v2/auth/token"] == 1
    assert fake.calls["/api/v2/user"] - before["/api/v2/user"] == 40
    assert stored == [auth.token] and auth.token != token


def test_proactive_refresh_persists_to_a_token_file(
    fake: FakePlexTV, clock: FakeClock, user: FakeUser, identity: ClientIdentity, tmp_path: Path
) -> None:
    key, token = registered_key(fake, identity, user)
    token_file = TokenFile(tmp_path / "plex.jwt")
    auth = JWTAuth(
        key,
        identity=identity,
        token=token,
        store=token_file.save,
        transport=fake.sync_transport(),
        clock=clock,
    )
    with httpx.Client(
        auth=auth, transport=fake.sync_transport(), headers=identity.headers()
    ) as client:
        clock.advance(6 * 86_400 + 60)
        before = fake.calls["/api/v2/auth/token"]
        assert client.get("https://plex.tv/api/v2/user").status_code == 200
        assert fake.calls["/api/v2/auth/token"] == before + 1
    assert token_file.load() == auth.token != token
    forced = auth.refresh()
    assert fake.calls["/api/v2/auth/token"] == before + 2
    assert token_file.load() == forced == auth.token


def test_the_async_auth_refuses_a_sync_client(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    key, token = registered_key(fake, identity, user)
    auth = AsyncJWTAuth(key, identity=identity, token=token)
    with (
        httpx.Client(auth=auth, transport=fake.sync_transport()) as client,
        pytest.raises(ConfigurationError, match="use JWTAuth"),
    ):
        client.get("https://plex.tv/api/v2/user")
