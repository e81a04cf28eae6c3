"""Server discovery: resources from the fake plex.tv, probing, choosing, a ready client."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from auth_helpers import AsyncRouter, SyncRouter

from plexkit.auth import (
    AsyncPlexTV,
    PlexTV,
    ServerNotFoundError,
    async_connect_server,
    async_find_server,
    connect_server,
    find_server,
)
from plexkit.config import ClientIdentity
from plexkit.errors import TransportError
from plexkit.testing.plextv import FakeConnection, FakePlexTV, FakeUser, serve

MACHINE = "0123456789abcdef0123456789abcdef01234567"
SERVER_TOKEN = "server-token-abc"
LOCAL_HTTPS = "https://10-0-0-5.0123abcd.plex.direct:32400"
LOCAL_HTTP = "http://10.0.0.5:32400"
REMOTE_HTTPS = "https://203-0-113-3.0123abcd.plex.direct:443"
REMOTE_HTTP = "http://203.0.113.3:443"
RELAY = "https://178-3-2-1.0123abcd.plex.direct:8443"


def list_server(fake: FakePlexTV, *, owned: bool = True) -> None:
    fake.add_server(
        "Basement",
        client_identifier=MACHINE,
        access_token=SERVER_TOKEN,
        owned=owned,
        connections=[
            FakeConnection(RELAY, local=False, relay=True),
            FakeConnection(REMOTE_HTTPS, local=False),
            FakeConnection(LOCAL_HTTPS, local=True),
        ],
    )
    fake.add_server(
        "Other",
        client_identifier="f" * 40,
        access_token="other-token",
        connections=[FakeConnection("https://other.example:32400", local=False)],
    )


# Preferred connections fail one way or another; the first one that answers as MACHINE wins.
FAILING_FIRST = {
    LOCAL_HTTPS: "refuse",
    LOCAL_HTTP: "timeout",
    REMOTE_HTTPS: "identity:" + "e" * 40,  # some other server answers there
    REMOTE_HTTP: "identity:" + MACHINE,
    RELAY: "identity:" + MACHINE,
}


def test_sync_discovery_skips_failing_connections(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    list_server(fake)
    router = SyncRouter(fake.sync_transport(), FAILING_FIRST)
    with PlexTV(identity, transport=router, server_transport=router) as plextv:
        found = find_server(plextv, user.token, name="basement", probe_timeout=0.5)
    assert found.url == REMOTE_HTTP
    assert found.token == SERVER_TOKEN and found.resource.client_identifier == MACHINE
    assert sorted(router.probes) == sorted((url, SERVER_TOKEN) for url in FAILING_FIRST)
    assert SERVER_TOKEN not in repr(found)


@pytest.mark.anyio
async def test_async_discovery_skips_failing_connections(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    list_server(fake)
    router = AsyncRouter(fake.transport(), FAILING_FIRST)
    async with AsyncPlexTV(identity, transport=router, server_transport=router) as plextv:
        found = await async_find_server(plextv, user.token, client_identifier=MACHINE)
    assert found.url == REMOTE_HTTP and found.token == SERVER_TOKEN
    assert sorted(router.probes) == sorted((url, SERVER_TOKEN) for url in FAILING_FIRST)


@pytest.mark.anyio
async def test_local_https_wins_when_everything_answers(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    list_server(fake)
    everyone = {url: "identity:" + MACHINE for url in FAILING_FIRST}
    router = AsyncRouter(fake.transport(), everyone)
    async with AsyncPlexTV(identity, transport=router, server_transport=router) as tv:
        assert (await async_find_server(tv, user.token)).url == LOCAL_HTTPS


@pytest.mark.anyio
async def test_local_connections_of_shared_servers_are_not_probed(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    list_server(fake, owned=False)
    everyone = {url: "identity:" + MACHINE for url in FAILING_FIRST}
    router = AsyncRouter(fake.transport(), everyone)
    async with AsyncPlexTV(identity, transport=router, server_transport=router) as plextv:
        found = await async_find_server(plextv, user.token, name="Basement")
    assert found.url == REMOTE_HTTPS
    assert {origin for origin, _ in router.probes} == {REMOTE_HTTPS, REMOTE_HTTP, RELAY}


def test_nothing_answers_or_no_such_server(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    list_server(fake)
    router = SyncRouter(fake.sync_transport(), {})
    with PlexTV(identity, transport=router, server_transport=router) as plextv:
        with pytest.raises(TransportError, match="Basement"):
            find_server(plextv, user.token, name="Basement")
        with pytest.raises(ServerNotFoundError, match="Attic"):
            find_server(plextv, user.token, name="Attic")


@pytest.mark.anyio
async def test_connect_server_returns_a_ready_async_client(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    list_server(fake)
    router = AsyncRouter(fake.transport(), FAILING_FIRST)
    async with AsyncPlexTV(identity, transport=router, server_transport=router) as plextv:
        client = await async_connect_server(plextv, user.token, name="Basement")
    async with client:
        assert client.base_url == REMOTE_HTTP
        assert client.config.token == SERVER_TOKEN
        assert client.config.identity == identity


@pytest.fixture
def refused_url() -> str:
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def silent_url() -> Iterator[str]:
    """A loopback port that accepts connections and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_over_loopback_with_the_fake_pms(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity, refused_url: str, silent_url: str
) -> None:
    """Real sockets: a refused and a silent connection before the fake PMS that answers."""
    from plexkit.testing import FakePlexServer

    pms = FakePlexServer(movies=3, shows=1, artists=1, photo_albums=1, history=0)
    machine = pms.library.server["machineIdentifier"]
    with pms.run_in_thread() as pms_url, serve(fake.app) as plextv_url:
        fake.add_server(
            "Loopback",
            client_identifier=machine,
            access_token=pms.token,
            connections=[
                FakeConnection(refused_url, local=True),
                FakeConnection(silent_url, local=True),
                FakeConnection(pms_url, local=False),
            ],
        )
        with PlexTV(identity, plextv_url=plextv_url, clients_url=plextv_url) as plextv:
            client = connect_server(plextv, user.token, name="Loopback", probe_timeout=0.5)
        with client:
            assert client.base_url == pms_url
            assert client.server.identity().machine_identifier == machine
            assert [s.title for s in client.library.sections()]


def in_process_plextv_with_loopback_pms(fake: FakePlexTV) -> Iterator[tuple[str, str]]:
    from plexkit.testing import FakePlexServer

    pms = FakePlexServer(movies=2, shows=0, artists=0, photo_albums=0, history=0)
    machine = pms.library.server["machineIdentifier"]
    with pms.run_in_thread() as pms_url:
        fake.add_server(
            "Loopback",
            client_identifier=machine,
            access_token=pms.token,
            connections=[FakeConnection(pms_url, local=True)],
        )
        yield pms_url, machine


def test_in_process_plextv_probes_the_network_and_the_client_uses_it_sync(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    """plex.tv's in-process transport, as docs/auth.md shows, carries plex.tv's requests only."""
    for pms_url, machine in in_process_plextv_with_loopback_pms(fake):
        with PlexTV(identity, transport=fake.sync_transport()) as plextv:
            client = connect_server(plextv, user.token, name="Loopback", probe_timeout=2)
        with client:
            assert client.base_url == pms_url
            assert client.server.identity().machine_identifier == machine


@pytest.mark.anyio
async def test_in_process_plextv_probes_the_network_and_the_client_uses_it_async(
    fake: FakePlexTV, user: FakeUser, identity: ClientIdentity
) -> None:
    for pms_url, machine in in_process_plextv_with_loopback_pms(fake):
        async with AsyncPlexTV(identity, transport=fake.transport()) as plextv:
            client = await async_connect_server(
                plextv, user.token, name="Loopback", probe_timeout=2
            )
        async with client:
            assert client.base_url == pms_url
            assert (await client.server.identity()).machine_identifier == machine
