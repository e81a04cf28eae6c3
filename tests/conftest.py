"""Shared fixtures: every async test runs under asyncio and trio; the fake server plugin."""

from __future__ import annotations

import pytest

pytest_plugins = ["plexkit.testing.pytest_plugin"]


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)
