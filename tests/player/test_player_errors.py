"""The player's error contract: 401 an auth error, connection trouble "player
unavailable", other statuses typed with their status; test_connection never raises."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from player_helpers import MAPPER, Env, add_movies, resolve

from plexkit import AsyncPlexClient, PlexClient, ServerError, UnauthorizedError
from plexkit.player import AsyncPlexPlayer, PlayerUnavailableError, PlexPlayer
from plexkit.testing import FakePlexServer

pytestmark = pytest.mark.anyio


@pytest.fixture
def closed_port() -> Iterator[str]:
    """A loopback URL nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    yield f"http://127.0.0.1:{port}"


def players(url: str, token: str) -> list[object]:
    return [
        PlexPlayer(PlexClient(url, token=token, max_retries=0), MAPPER),
        AsyncPlexPlayer(AsyncPlexClient(url, token=token, max_retries=0), MAPPER),
    ]


@pytest.mark.parametrize("kind", [0, 1], ids=["sync", "async"])
async def test_connection_refused_is_player_unavailable(closed_port: str, kind: int) -> None:
    player = players(closed_port, "token")[kind]
    test = await resolve(player.test_connection())  # type: ignore[attr-defined]
    assert not test.ok and not test.reachable and not test.auth_ok
    assert isinstance(test.error, PlayerUnavailableError)
    assert "127.0.0.1" in str(test.error) and "token" not in str(test.error)
    for call in (
        lambda: player.libraries(),  # type: ignore[attr-defined]
        lambda: player.update_library(["/srv/manager/movies/A"]),  # type: ignore[attr-defined]
        lambda: player.find_item("/srv/manager/movies/A"),  # type: ignore[attr-defined]
        lambda: player.get_item("1"),  # type: ignore[attr-defined]
        lambda: player.refresh("1"),  # type: ignore[attr-defined]
        lambda: player.activities(),  # type: ignore[attr-defined]
    ):
        with pytest.raises(PlayerUnavailableError, match="is unavailable"):
            await resolve(call())


@pytest.mark.parametrize("kind", [0, 1], ids=["sync", "async"])
async def test_a_bad_token_is_an_auth_error(server: FakePlexServer, url: str, kind: int) -> None:
    player = players(url, "wrong-token")[kind]
    test = await resolve(player.test_connection())  # type: ignore[attr-defined]
    assert test.reachable and not test.auth_ok and not test.ok
    assert isinstance(test.error, UnauthorizedError) and test.error.status_code == 401
    with pytest.raises(UnauthorizedError):
        await resolve(player.find_item("/srv/manager/movies/A"))  # type: ignore[attr-defined]
    with pytest.raises(UnauthorizedError):
        await resolve(player.sync_metadata("1", {"title": "x"}))  # type: ignore[attr-defined]


async def test_other_statuses_are_typed_errors(env: Env) -> None:
    env.server.faults.add("/library/metadata/1", method="PUT", status=500)
    with pytest.raises(ServerError) as caught:
        await resolve(env.player.sync_metadata("1", {"title": "x"}))
    assert caught.value.status_code == 500


async def test_a_dropped_scan_is_reported_as_player_unavailable(env: Env) -> None:
    env.player.parallel_scans = 1
    folders = add_movies(env.server, ("Heat", 1995), ("Ronin", 1998))
    env.server.faults.add("/library/sections/1/refresh", drop=True, times=1)
    report = await resolve(env.player.update_library(folders))
    dropped, fine = report.items
    assert dropped.status == "failed" and isinstance(dropped.error, PlayerUnavailableError)
    assert fine.status == "found"


def test_a_498_is_refreshed_by_jwt_auth_and_the_call_goes_on(
    server: FakePlexServer, url: str
) -> None:
    from plexkit.auth import DeviceKey, JWTAuth, PlexTV
    from plexkit.config import ClientIdentity
    from plexkit.testing.plextv import FakeClock, FakePlexTV

    plextv = FakePlexTV(clock=FakeClock(1_750_000_000.0))
    user = plextv.add_user("ann", "correct horse battery", email="ann@example.com")
    identity = ClientIdentity(client_identifier="plexkit-player-test", product="plexkit tests")
    key = DeviceKey.generate()
    with PlexTV(identity, transport=plextv.sync_transport(), clock=plextv.clock) as session:
        session.register_key(user.token, key)
        token = session.refresh_jwt(key)
    server.add_token(token)
    stored: list[str] = []

    def store(new: str) -> None:
        stored.append(new)
        server.add_token(new)

    auth = JWTAuth(
        key,
        identity=identity,
        token=token,
        store=store,
        transport=plextv.sync_transport(),
        clock=plextv.clock,
    )
    fault = server.faults.add("/library/sections", status=498, times=1)
    with PlexClient(url, auth=auth) as plex:
        libraries = PlexPlayer(plex, MAPPER).libraries()
    assert fault.hits == 1 and [lib.key for lib in libraries][:2] == ["1", "2"]
    assert len(stored) == 1 and stored[0] != token and auth.token == stored[0]
