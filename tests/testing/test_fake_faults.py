"""Fault injection and request counting, in-process and on loopback."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import anyio
import httpx
import pytest

from plexkit.testing import FakePlexServer

SECTIONS = "/library/sections"


@pytest.mark.anyio
@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_server_errors(aclient: httpx.AsyncClient, fake: FakePlexServer, status: int) -> None:
    fault = fake.faults.add(path=SECTIONS, status=status, times=2)
    first, second, third = [await aclient.get(SECTIONS) for _ in range(3)]
    assert first.status_code == second.status_code == status
    assert first.headers["content-type"] == "text/html" and f"<h1>{status}" in first.text
    assert third.status_code == 200
    assert fault.hits == 2 and fault.exhausted


@pytest.mark.anyio
async def test_rate_limit_has_retry_after(aclient: httpx.AsyncClient, fake: FakePlexServer) -> None:
    fake.faults.add(path="/hubs/search", status=429, retry_after=7)
    response = await aclient.get("/hubs/search?query=x")
    assert response.status_code == 429 and response.headers["Retry-After"] == "7"


@pytest.mark.anyio
async def test_latency_delays_then_answers(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    fault = fake.faults.add(path=SECTIONS, latency=0.05)
    response = await aclient.get(SECTIONS)
    assert response.status_code == 200 and fault.hits == 1


@pytest.mark.anyio
async def test_latency_can_be_cut_short_by_the_caller(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    fake.faults.add(path=SECTIONS, latency=30)
    with anyio.move_on_after(0.05) as scope:
        await aclient.get(SECTIONS)
    assert scope.cancelled_caught


@pytest.mark.anyio
async def test_drop_in_process_is_a_protocol_error(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    fake.faults.add(path=SECTIONS, drop=True, times=1)
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        await aclient.get(SECTIONS)
    assert (await aclient.get(SECTIONS)).status_code == 200


@pytest.mark.anyio
async def test_truncate_in_process_is_a_protocol_error(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    fake.faults.add(path=SECTIONS, truncate=True)
    with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
        await aclient.get(SECTIONS)


@pytest.mark.anyio
@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
async def test_malformed_bodies_do_not_parse(
    aclient: httpx.AsyncClient, fake: FakePlexServer, accept: str
) -> None:
    fake.faults.add(path=SECTIONS, malformed=True)
    response = await aclient.get(SECTIONS, headers={"Accept": accept})
    assert response.status_code == 200
    assert len(response.content) == int(response.headers["content-length"])
    with pytest.raises((json.JSONDecodeError, ElementTree.ParseError)):
        if "json" in accept:
            json.loads(response.content)
        else:
            ElementTree.fromstring(response.content)


@pytest.mark.anyio
async def test_hang_never_answers_until_cancelled(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    fake.faults.add(path="/activities", hang=True)
    with anyio.move_on_after(0.1) as scope:
        await aclient.get("/activities")
    assert scope.cancelled_caught


@pytest.mark.anyio
async def test_skip_method_and_regex(aclient: httpx.AsyncClient, fake: FakePlexServer) -> None:
    fake.faults.add(regex=r"^/library/metadata/\d+$", method="PUT", status=500, skip=1)
    assert (await aclient.get("/library/metadata/1")).status_code == 200
    assert (await aclient.put("/library/metadata/1?title.value=x")).status_code == 200
    assert (await aclient.put("/library/metadata/1?title.value=y")).status_code == 500
    assert (await aclient.get("/library/metadata/1/children")).status_code == 200


@pytest.mark.anyio
async def test_faults_apply_before_auth(fake: FakePlexServer, anyio_backend: str) -> None:
    fake.faults.add(path=SECTIONS, status=503)
    async with httpx.AsyncClient(transport=fake.asgi_transport(), base_url="http://p") as c:
        assert (await c.get(SECTIONS)).status_code == 503


def test_a_fault_needs_one_kind() -> None:
    server = FakePlexServer(movies=1, shows=0, artists=0, photo_albums=0, history=0)
    with pytest.raises(ValueError):
        server.faults.add(path="/")
    with pytest.raises(ValueError):
        server.faults.add(path="/", status=500, drop=True)
    fault = server.faults.add(path="/", latency=0.1, status=503)
    assert len(server.faults) == 1
    server.faults.remove(fault)
    assert len(server.faults) == 0


@pytest.mark.anyio
async def test_requests_are_counted_per_route(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    fake.faults.add(path="/activities", status=503, times=1)
    for _ in range(3):
        await aclient.get(SECTIONS, params={"X-Plex-Container-Size": 2})
    await aclient.get("/activities")
    await aclient.put("/library/metadata/1", params={"title.value": "x"})
    log = fake.requests
    assert log.count(SECTIONS) == 3 and log.count("/activities") == 1
    assert log.count(method="PUT") == 1 and log.count(prefix="/library") == 4
    assert log.count(regex=r"^/library/metadata/\d+$") == 1
    assert log.counts()["GET /library/sections"] == 3
    assert log[0].params == {"X-Plex-Container-Size": "2"} and log[0].token == "fake-token"
    assert log.last.method == "PUT"
    log.clear()
    assert len(log) == 0


@pytest.mark.anyio
async def test_concurrent_requests_are_all_counted(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    fake.faults.add(path=SECTIONS, latency=0.05)
    async with anyio.create_task_group() as tg:
        for _ in range(20):
            tg.start_soon(aclient.get, SECTIONS)
    assert fake.requests.count(SECTIONS) == 20


def test_loopback_drop_closes_the_socket(client: httpx.Client, fake: FakePlexServer) -> None:
    fake.faults.add(path=SECTIONS, drop=True, times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(SECTIONS)
    assert client.get(SECTIONS).status_code == 200


def test_loopback_truncate_closes_mid_body(client: httpx.Client, fake: FakePlexServer) -> None:
    fake.faults.add(path=SECTIONS, truncate=True, times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(SECTIONS)
    assert client.get(SECTIONS).status_code == 200


def test_loopback_hang_times_out(client: httpx.Client, fake: FakePlexServer) -> None:
    fake.faults.add(path="/activities", hang=True, times=1)
    with pytest.raises(httpx.ReadTimeout):
        client.get("/activities", timeout=0.2)
    assert client.get("/activities").status_code == 200


def test_loopback_errors_and_malformed(client: httpx.Client, fake: FakePlexServer) -> None:
    fake.faults.add(path=SECTIONS, status=502, times=1)
    fake.faults.add(path=SECTIONS, malformed=True, times=1)
    bad_gateway = client.get(SECTIONS)
    assert bad_gateway.status_code == 502 and "Bad Gateway" in bad_gateway.text
    broken = client.get(SECTIONS)
    with pytest.raises(ElementTree.ParseError):
        ElementTree.fromstring(broken.content)
    assert fake.requests.count(SECTIONS) == 2
