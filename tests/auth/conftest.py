"""Fixtures for plexkit.auth tests: the fake plex.tv with a frozen clock and a known account."""

from __future__ import annotations

import pytest

from plexkit.config import ClientIdentity
from plexkit.testing.plextv import FakeClock, FakePlexTV, FakeUser

PASSWORD = "correct horse battery"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1_750_000_000.0)


@pytest.fixture
def fake(clock: FakeClock) -> FakePlexTV:
    return FakePlexTV(clock=clock)


@pytest.fixture
def user(fake: FakePlexTV) -> FakeUser:
    return fake.add_user("ann", PASSWORD, email="ann@example.com")


@pytest.fixture
def identity() -> ClientIdentity:
    return ClientIdentity(
        client_identifier="3f9c2b1e-plexkit-test",
        product="plexkit tests",
        version="9.9.9",
        platform="Linux",
        platform_version="6.1",
        device="PC",
        device_name="test box",
    )
