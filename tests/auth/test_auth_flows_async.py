"""Async flows against the fake plex.tv (in-process), under asyncio and trio."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import anyio
import httpx
import jwt
import pytest
from anyio import wait_all_tasks_blocked
from auth_helpers import AsyncGate, old_token

from plexkit.auth import (
    AsyncJWTAuth,
    AsyncPinLogin,
    AsyncPlexTV,
    AsyncTokenFile,
    DeviceKey,
    PinCancelledError,
    PinStatus,
    async_check_token,
    async_sign_in,
)
from plexkit.config import ClientIdentity
from plexkit.errors import (
    AuthFlowError,
    ConfigurationError,
    InvalidSignatureError,
    JWTError,
    PinExpiredError,
    PinTimeoutError,
    TwoFactorRequiredError,
    UnauthorizedError,
)
from plexkit.testing.plextv import FakeClock, FakePlexTV, FakeUser

pytestmark = pytest.mark.anyio
PASSWORD = "correct horse battery"


def session(fake: FakePlexTV, identity: ClientIdentity) -> AsyncPlexTV:
    return AsyncPlexTV(identity, transport=fake.transport(), clock=fake.clock)


def plex_claims(fake: FakePlexTV, token: str) -> dict[str, object]:
    """Verify a Plex JWT with PyJWT and the fake's published key set only."""
    (jwk,) = fake.public_jwks()["keys"]
    return jwt.decode(
        token,
        jwt.PyJWK.from_dict(jwk),
        algorithms=["EdDSA"],
        audience="plex.tv",
        issuer="plex.tv",
        options={"verify_exp": False, "verify_iat": False},
    )


async def registered_key(
    fake: FakePlexTV, identity: ClientIdentity, user: FakeUser
) -> tuple[DeviceKey, str]:
    """A key registered with the user's legacy token and its first Plex JWT."""
    key = DeviceKey.generate()
    async with session(fake, identity) as plextv:
        await plextv.register_key(user.token, key)
        return key, await plextv.refresh_jwt(key)


# -- password sign-in and token check --------------------------------------------------------------


async def test_sign_in_and_check_token(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    account = await async_sign_in(
        "ANN@example.com", PASSWORD, identity=identity, transport=fake.transport()
    )
    assert account.auth_token == user.token and account.username == "ann"
    assert await async_check_token(user.token, identity=identity, transport=fake.transport())
    assert not await async_check_token("not-a-token", identity=identity, transport=fake.transport())


async def test_wrong_password_and_two_factor(fake: FakePlexTV, identity: ClientIdentity) -> None:
    fake.add_user("bob", "bob-password", two_factor_code="654321")
    async with session(fake, identity) as plextv:
        with pytest.raises(UnauthorizedError) as wrong:
            await plextv.sign_in("bob", "not-bobs-password")
        assert wrong.value.status_code == 401
        assert "not-bobs-password" not in str(wrong.value)
        with pytest.raises(TwoFactorRequiredError):
            await plextv.sign_in("bob", "bob-password")
        with pytest.raises(UnauthorizedError):
            await plextv.sign_in("bob", "bob-password", "111111")
        account = await plextv.sign_in("bob", "bob-password", "654321")
        assert account.two_factor_enabled and account.auth_token


# -- PIN login -------------------------------------------------------------------------------------


async def test_classic_pin_login(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    seen: list[PinStatus] = []

    def on_status(status: PinStatus) -> None:
        seen.append(status)
        if status.polls == 2:
            fake.approve_pin(status.code, token=user.token)

    async with session(fake, identity) as plextv:
        login = AsyncPinLogin(plextv, poll_interval=0.01)
        pin = await login.start()
        assert len(pin.code) == 25
        assert f"clientID={identity.client_identifier}&code={pin.code}&" in login.auth_url()
        token = await login.wait(timeout=30, on_status=on_status)
    assert token == user.token == login.token
    assert [(s.polls, s.approved) for s in seen] == [(1, False), (2, False), (3, True)]
    assert fake.calls[f"/api/v2/pins/{pin.id}"] == 3


async def test_jwt_pin_login_registers_the_key(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    key = DeviceKey.generate()
    async with session(fake, identity) as plextv:
        login = AsyncPinLogin(plextv, key=key, strong=False, poll_interval=0.01)
        pin = await login.start()
        assert len(pin.code) == 4
        assert login.link_url == f"https://plex.tv/link/?pin={pin.code}"
        with pytest.raises(ConfigurationError):
            login.auth_url()
        statuses = []
        async for status in login.poll(timeout=30):
            statuses.append(status.approved)
            if len(statuses) == 3:
                fake.approve_pin(pin.id)
        token = login.token
        claims = plex_claims(fake, token)
        assert claims["thumbprint"] == key.kid
        assert identity.client_identifier in claims["aud"]  # type: ignore[operator]
        assert statuses == [False, False, False, True]
        # The approval registered the key: it can refresh from now on.
        assert fake.keys[key.kid].client_identifier == identity.client_identifier
        assert plex_claims(fake, await plextv.refresh_jwt(key))["thumbprint"] == key.kid


async def test_jwt_pin_polls_reuse_the_device_jwt_until_it_nearly_expires(
    fake: FakePlexTV, clock: FakeClock, user: FakeUser, identity: ClientIdentity
) -> None:
    key = DeviceKey.generate()
    nonces = fake.calls["/api/v2/auth/nonce"]

    def tick(status: PinStatus) -> None:
        # A device JWT lives 300 s and is re-signed with under 60 s left: polls at 0, 125,
        # 250, 375, 500 and 625 s sign at 0, 250 (50 s left) and 500 s.
        clock.advance(125)
        if status.polls == 5:
            fake.approve_pin(status.code)

    async with session(fake, identity) as plextv:
        login = AsyncPinLogin(plextv, key=key, poll_interval=0.01)
        await login.start()
        await login.wait(timeout=30, on_status=tick)
    assert fake.calls["/api/v2/auth/nonce"] - nonces == 3
    assert len(set(fake.device_jwts)) == 1  # checked only once approved, with the newest


async def test_pin_expires(fake: FakePlexTV, clock: FakeClock, identity: ClientIdentity) -> None:
    async with session(fake, identity) as plextv:
        login = AsyncPinLogin(plextv, poll_interval=0.01)
        await login.start()

        def later(status: PinStatus) -> None:
            clock.advance(1801)

        with pytest.raises(PinExpiredError):
            await login.wait(on_status=later)


async def test_pin_timeout_and_cancel(fake: FakePlexTV, identity: ClientIdentity) -> None:
    async with session(fake, identity) as plextv:
        login = AsyncPinLogin(plextv, poll_interval=0.01)
        await login.start()
        with pytest.raises(PinTimeoutError):
            await login.wait(timeout=0.05)

        cancelled = AsyncPinLogin(plextv, poll_interval=3600)
        await cancelled.start()
        polls: list[int] = []
        first_poll = anyio.Event()
        outcome: list[PinCancelledError] = []

        def polled(status: PinStatus) -> None:
            polls.append(status.polls)
            first_poll.set()

        async def waiter() -> None:
            try:
                await cancelled.wait(on_status=polled)
            except PinCancelledError as exc:
                outcome.append(exc)

        with anyio.fail_after(10):  # cancel() wakes the hour-long pause at once
            async with anyio.create_task_group() as tg:
                tg.start_soon(waiter)
                await first_poll.wait()  # the first check is done ...
                await wait_all_tasks_blocked()  # ... and the waiter is parked in the pause
                assert not outcome
                cancelled.cancel()
        assert polls == [1] and len(outcome) == 1
        with pytest.raises(AuthFlowError, match="not been approved") as not_approved:
            _ = cancelled.token
        assert not_approved.type is AuthFlowError


# -- JWT: register, exchange, verify ---------------------------------------------------------------


async def test_register_then_refresh_retires_the_legacy_token(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    key, token = await registered_key(fake, identity, user)
    async with session(fake, identity) as plextv:
        assert await plextv.check_token(token)
        assert not await plextv.check_token(user.token)
        claims = await plextv.verify_plex_jwt(token, kid=key.kid)
        assert claims["user"]["id"] == user.id  # type: ignore[index]


async def test_forged_and_replayed_device_jwts_get_422(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    key, _ = await registered_key(fake, identity, user)
    impostor = DeviceKey.generate()
    async with session(fake, identity) as plextv:
        nonce = await plextv.nonce()
        now = int(fake.clock())
        claims = {
            "nonce": nonce,
            "scope": "username",
            "aud": "plex.tv",
            "iss": identity.client_identifier,
            "iat": now,
            "exp": now + 300,
        }
        forged = jwt.encode(
            claims,
            jwt.PyJWK.from_dict(impostor.private_jwk()).key,
            algorithm="EdDSA",
            headers={"kid": key.kid},
        )
        with pytest.raises(InvalidSignatureError):
            await plextv.exchange_jwt(forged)

        genuine = await plextv.device_jwt(key)
        assert await plextv.exchange_jwt(genuine)
        with pytest.raises(InvalidSignatureError):  # the nonce is single use
            await plextv.exchange_jwt(genuine)


async def test_plex_jwt_verification_rejects_other_signers_and_keys(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    key, token = await registered_key(fake, identity, user)
    other_fake = FakePlexTV(clock=fake.clock)
    foreign = other_fake.issue_jwt(
        user, client_identifier=identity.client_identifier, kid=key.kid, scope=""
    )
    async with session(fake, identity) as plextv:
        with pytest.raises(InvalidSignatureError):
            await plextv.verify_plex_jwt(foreign, kid=key.kid)
        with pytest.raises(JWTError, match="another device key"):
            await plextv.verify_plex_jwt(token, kid=DeviceKey.generate().kid)


# -- JWTAuth ---------------------------------------------------------------------------------------


async def test_498_under_20_concurrent_requests_refreshes_once(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    key, token = await registered_key(fake, identity, user)
    stored: list[str] = []

    async def store(new: str) -> None:
        stored.append(new)

    auth = AsyncJWTAuth(
        key,
        identity=identity,
        token=token,
        store=store,
        transport=fake.transport(),
        clock=fake.clock,
    )
    fake.expire(token)
    before = fake.calls.copy()
    gate = AsyncGate(fake.transport(), 20, old_token(token))
    statuses: list[int] = []
    async with httpx.AsyncClient(auth=auth, transport=gate, headers=identity.headers()) as client:

        async def one() -> None:
            statuses.append((await client.get("https://plex.tv/api/v2/user")).status_code)

        async with anyio.create_task_group() as tg:
            for _ in range(20):
                tg.start_soon(one)
    assert statuses == [200] * 20
    assert fake.calls["/api/v2/auth/token"] - before["/api/v2/auth/token"] == 1
    assert fake.calls["/api/v2/auth/nonce"] - before["/api/v2/auth/nonce"] == 1
    assert fake.calls["/api/v2/user"] - before["/api/v2/user"] == 40  # 20 x 498, 20 retries
    assert stored == [auth.token] and auth.token != token


async def test_refreshes_before_sending_when_less_than_a_day_is_left(
    fake: FakePlexTV, clock: FakeClock, user: FakeUser, identity: ClientIdentity, tmp_path: Path
) -> None:
    key, token = await registered_key(fake, identity, user)
    token_file = AsyncTokenFile(tmp_path / "plex.jwt")
    auth = AsyncJWTAuth(
        key,
        identity=identity,
        token=token,
        store=token_file.save,
        transport=fake.transport(),
        clock=clock,
    )
    sent: list[str] = []

    async def record(request: httpx.Request) -> None:
        sent.append(request.headers["X-Plex-Token"])

    async with httpx.AsyncClient(
        auth=auth,
        transport=fake.transport(),
        headers=identity.headers(),
        event_hooks={"request": [record]},
    ) as client:
        refreshes = fake.calls["/api/v2/auth/token"]
        assert (await client.get("https://plex.tv/api/v2/user")).status_code == 200
        assert fake.calls["/api/v2/auth/token"] == refreshes  # 7 days left: no refresh
        clock.advance(6 * 86_400 + 60)  # less than a day left
        assert (await client.get("https://plex.tv/api/v2/user")).status_code == 200
        assert fake.calls["/api/v2/auth/token"] == refreshes + 1
        assert sent[0] == token and sent[1] == auth.token != token
    assert await token_file.load() == auth.token
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "plex.jwt").stat().st_mode) == 0o600

    # After a restart the stored token is used as is.
    restarted = AsyncJWTAuth(
        key,
        identity=identity,
        token=await token_file.load(),
        transport=fake.transport(),
        clock=clock,
    )
    async with httpx.AsyncClient(
        auth=restarted, transport=fake.transport(), headers=identity.headers()
    ) as client:
        assert (await client.get("https://plex.tv/api/v2/user")).status_code == 200
    assert fake.calls["/api/v2/auth/token"] == refreshes + 1


async def test_starting_without_a_token_refreshes_first(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    key, _ = await registered_key(fake, identity, user)
    auth = AsyncJWTAuth(key, identity=identity, transport=fake.transport(), clock=fake.clock)
    async with httpx.AsyncClient(
        auth=auth, transport=fake.transport(), headers=identity.headers()
    ) as client:
        response = await client.get("https://plex.tv/api/v2/user")
    assert response.status_code == 200 and auth.token
    assert auth.token not in repr(auth)


async def test_a_second_498_is_returned_not_retried_forever(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    key, token = await registered_key(fake, identity, user)
    auth = AsyncJWTAuth(
        key, identity=identity, token=token, transport=fake.transport(), clock=fake.clock
    )
    always_expired = httpx.MockTransport(lambda request: httpx.Response(498))
    before = fake.calls["/api/v2/auth/token"]
    async with httpx.AsyncClient(auth=auth, transport=always_expired) as client:
        assert (await client.get("http://pms.local:32400/")).status_code == 498
    assert fake.calls["/api/v2/auth/token"] == before + 1


async def test_the_sync_twin_refuses_an_async_client(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    from plexkit.auth import JWTAuth

    key, token = await registered_key(fake, identity, user)
    auth = JWTAuth(key, identity=identity, token=token)
    async with httpx.AsyncClient(auth=auth, transport=fake.transport()) as client:
        with pytest.raises(ConfigurationError, match="AsyncJWTAuth"):
            await client.get("https://plex.tv/api/v2/user")
