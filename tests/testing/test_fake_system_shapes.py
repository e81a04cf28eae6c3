"""The shapes of the play queue and butler answers against real payloads (the other system
endpoints are cases in shape_cases.py): every element and attribute of the capture must be in
the fake's answer, as in test_fake_shapes.py."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from fake_helpers import parse_xml, shape_json, shape_xml
from test_fake_shapes import DATA, missing, real_shape

from plexkit.testing import FakePlexServer, played
from plexkit.testing.tokens import OWNER_ACCOUNT_ID

# the example's entries are placeholders (``"restOf": "metadataHere"``)
PLACEHOLDER_ROWS = {"Metadata": {"restOf"}}


@pytest.fixture
def server() -> FakePlexServer:
    return FakePlexServer(movies=6, shows=1, artists=1, photo_albums=1)


@pytest.fixture
async def client(server: FakePlexServer, anyio_backend: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=server.asgi_transport(),
        base_url="http://plex",
        headers={"X-Plex-Token": server.token},
    ) as http:
        yield http


def _uri(server: FakePlexServer, kind: str) -> str:
    """A ``uri=`` naming an item of ``kind``, played once (as the capture's track was)."""
    node = next(n for n in server.library.nodes.values() if n.kind == kind)
    played.scrobble(server.library, OWNER_ACCOUNT_ID, node)
    machine = server.library.server["machineIdentifier"]
    return f"server://{machine}/com.plexapp.plugins.library/library/metadata/{node.rating_key}"


@pytest.mark.anyio
async def test_play_queue_xml_matches_capture(
    server: FakePlexServer, client: httpx.AsyncClient
) -> None:
    uri = _uri(server, "track")
    created = await client.post("/playQueues", params={"uri": uri, "type": "audio"})
    assert created.status_code == 200, created.text
    queue_id = parse_xml(created.content).attrib["playQueueID"]
    got = await client.get(f"/playQueues/{queue_id}")
    real = real_shape("home-assistant-core/playqueue_1234.xml")
    assert missing(real, shape_xml(got.content), {}) == {}
    assert missing(real, shape_xml(created.content), {}) == {}


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("capture", "action"),
    [
        ("playQueuePostSlash__200__playQueue.json", None),
        ("playQueueQueuePutItemsShuffle__200__playQueue.json", "shuffle"),
    ],
)
async def test_play_queue_json_matches_spec(
    server: FakePlexServer, client: httpx.AsyncClient, capture: str, action: str | None
) -> None:
    uri = _uri(server, "movie")
    json_headers = {"Accept": "application/json"}
    answer = await client.post(
        "/playQueues", params={"uri": uri, "type": "video"}, headers=json_headers
    )
    if action is not None:
        queue_id = answer.json()["MediaContainer"]["playQueueID"]
        answer = await client.put(f"/playQueues/{queue_id}/{action}", headers=json_headers)
    assert answer.status_code == 200, answer.text
    fake = shape_json(answer.json()["MediaContainer"])
    assert missing(real_shape(f"pms-openapi-examples/{capture}"), fake, PLACEHOLDER_ROWS) == {}
    assert answer.json()["MediaContainer"]["playQueueShuffled"] is (action == "shuffle")


@pytest.mark.anyio
async def test_butler_matches_spec(client: httpx.AsyncClient) -> None:
    """``/butler`` has its own root (``ButlerTasks``) in JSON and XML, and the spec's tasks."""
    raw = (DATA / "pms-openapi-examples/butlerGetSlash__200__tasks.json").read_text()
    real = json.loads(raw)["ButlerTasks"]
    answer = await client.get("/butler", headers={"Accept": "application/json"})
    fake = answer.json()["ButlerTasks"]
    assert missing(shape_json(real, "ButlerTasks"), shape_json(fake, "ButlerTasks"), {}) == {}
    assert [t["name"] for t in fake["ButlerTask"]] == [t["name"] for t in real["ButlerTask"]]
    assert fake == real
    xml = await client.get("/butler")
    assert xml.text.split("\n", 1)[1].startswith("<ButlerTasks><ButlerTask ")
