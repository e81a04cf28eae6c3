"""The pytest plugin's fixtures work in a user's test suite."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

USER_TESTS = """
import httpx
import pytest

def test_in_process(plex_server):
    assert plex_server.library.section(1).title == "Movies"
    assert len(plex_server.library.items(plex_server.library.section(1), 1)) == 40

@pytest.mark.plex_library(movies=7, shows=1, seed=5)
def test_marker_sizes_the_library(plex_server):
    assert len(plex_server.library.items(plex_server.library.section(1), 1)) == 7

def test_loopback(plex_server, plex_server_url):
    response = httpx.get(f"{plex_server_url}/library/sections",
                         headers={"X-Plex-Token": plex_server.token})
    assert response.status_code == 200
    assert plex_server.requests.count("/library/sections") == 1

def test_each_test_gets_a_fresh_server(plex_server):
    assert len(plex_server.requests) == 0
"""

CLIENT_TESTS = """
import pytest

@pytest.fixture
def anyio_backend():
    return "asyncio"

def test_sync_client(plex_client, plex_server):
    plex_client.library.sections()
    assert plex_server.requests.count("/library/sections") == 1

@pytest.mark.anyio
async def test_async_client(async_plex_client, plex_server):
    await async_plex_client.library.sections()
    assert plex_server.requests.count("/library/sections") == 1
"""


def test_fixtures_in_a_user_suite(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest_subprocess(
        "-p", "plexkit.testing.pytest_plugin", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=4)


def test_client_fixtures(pytester: pytest.Pytester) -> None:
    pytest.importorskip("plexkit._sync.client")
    pytester.makepyfile(test_clients=CLIENT_TESTS)
    result = pytester.runpytest_subprocess(
        "-p", "plexkit.testing.pytest_plugin", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=2)
