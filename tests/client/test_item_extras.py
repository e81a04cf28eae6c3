"""``metadata.get(include_extras=, include_preferences=)``: the flags on the wire, the nested
``Extras``/``Preferences`` read from JSON and XML into typed models, sync and async, and the
fake's answer shaped like a real server's (``plex-api.rs/timeline/metadata_182_1.json``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from plexkit import AsyncPlexClient, PlexClient, PlexConfig
from plexkit.errors import ConfigurationError
from plexkit.models import Clip, Collection, Movie, decode_body, items_from
from plexkit.models.items import Extras, Preferences
from plexkit.testing import FakePlexServer
from plexkit.testing.extras import add_extra

CAPTURE = Path(__file__).parents[1] / "data/captures/plex-api.rs/timeline/metadata_182_1.json"


def capture_movie() -> dict[str, Any]:
    entry: dict[str, Any] = json.loads(CAPTURE.read_bytes())["MediaContainer"]["Metadata"][0]
    return entry


def with_extras(server: FakePlexServer) -> str:
    """A movie of the fake with a trailer and a featurette; its rating key."""
    node = next(n for n in server.library.nodes.values() if n.kind == "movie")
    add_extra(server.library, node, "Official Trailer")
    add_extra(server.library, node, "Making of", subtype="behindTheScenes")
    return str(node.rating_key)


def a_collection(server: FakePlexServer) -> str:
    return str(next(n for n in server.library.nodes.values() if n.kind == "collection").rating_key)


# -- the wire ---------------------------------------------------------------------------------


class Recorder:
    """Answers every request with the capture's movie and keeps the requests."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        body = {"MediaContainer": {"size": 1, "Metadata": [capture_movie()]}}
        return httpx.Response(200, json=body)

    def queries(self) -> list[dict[str, list[str]]]:
        return [parse_qs(urlsplit(str(r.url)).query) for r in self.requests]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def mock_client(recorder: Recorder) -> Iterator[PlexClient]:
    with PlexClient(
        "http://pms.test:32400", token="t0ken", transport=httpx.MockTransport(recorder)
    ) as c:
        yield c


def test_the_flags_are_sent_only_when_asked(mock_client: PlexClient, recorder: Recorder) -> None:
    plain = mock_client.metadata.get("182")
    full = mock_client.metadata.get("182", include_extras=True, include_preferences=True)
    only = mock_client.metadata.get("182", include_preferences=True)
    assert [r.url.path for r in recorder.requests] == ["/library/metadata/182"] * 3
    assert recorder.queries() == [
        {},
        {"includeExtras": ["1"], "includePreferences": ["1"]},
        {"includePreferences": ["1"]},
    ]
    # what the model reads is what the body holds, whatever was asked
    assert isinstance(plain, Movie) and isinstance(full, Movie) and isinstance(only, Movie)
    assert full.extras is not None and len(full.extras) == 20


@pytest.mark.parametrize("bad", ["yes", 1, None])
def test_a_flag_that_is_not_a_bool_sends_nothing(
    mock_client: PlexClient, recorder: Recorder, bad: Any
) -> None:
    with pytest.raises(ConfigurationError, match="include_extras must be True or False"):
        mock_client.metadata.get("182", include_extras=bad)
    with pytest.raises(ConfigurationError, match="include_preferences must be True or False"):
        mock_client.metadata.get("182", include_preferences=bad)
    assert recorder.requests == []


@pytest.mark.anyio
async def test_async_sends_the_flags(recorder: Recorder, anyio_backend: str) -> None:
    async with AsyncPlexClient(
        "http://pms.test:32400", token="t0ken", transport=httpx.MockTransport(recorder)
    ) as client:
        movie = await client.metadata.get("182", include_extras=True)
        with pytest.raises(ConfigurationError):
            await client.metadata.get("182", include_preferences="1")  # type: ignore[call-overload]
    assert recorder.queries() == [{"includeExtras": ["1"]}]
    assert isinstance(movie, Movie) and movie.extras is not None


# -- the capture --------------------------------------------------------------------------------


def test_the_captures_extras_and_preferences_are_typed() -> None:
    movie = items_from(decode_body(CAPTURE.read_bytes()))[0]
    assert isinstance(movie, Movie)
    assert movie.primary_extra_key == "/library/metadata/183"
    assert isinstance(movie.extras, Extras) and movie.extras.size == 20
    clips = movie.extras.clips
    assert len(clips) == 20 and all(isinstance(c, Clip) for c in clips)
    assert clips[0].key == movie.primary_extra_key
    assert (clips[0].subtype, clips[0].extra_type) == ("trailer", 1)
    assert [c.title for c in movie.extras] == [c.title for c in clips]
    assert len(movie.extras.trailers) == 5
    assert str(clips[0].media[0].parts[0].key).startswith("/services/iva/")
    assert isinstance(movie.preferences, Preferences)
    assert [s.id for s in movie.preferences] == ["languageOverride", "useOriginalTitle"]
    original = movie.preferences.get("useOriginalTitle")
    assert original is not None and original.choices == {
        "-1": "Library default",
        "0": "No",
        "1": "Yes",
    }
    assert movie.preferences.get("nope") is None


def test_xml_extras_read_like_json() -> None:
    xml = b"""<MediaContainer size="1"><Video ratingKey="182" key="/library/metadata/182"
      type="movie" title="Batman" primaryExtraKey="/library/metadata/183">
      <Extras size="2">
        <Video ratingKey="183" key="/library/metadata/183" type="clip" title="Batman"
               subtype="trailer" extraType="1" duration="107000"/>
        <Video ratingKey="184" key="/library/metadata/184" type="clip" title="Scene"
               subtype="sceneOrSample" extraType="6"/>
      </Extras>
      <Preferences><Setting id="useOriginalTitle" type="int" value="-1" default="-1"
        hidden="0" advanced="0" enumValues="-1:Library default|0:No|1:Yes"/></Preferences>
    </Video></MediaContainer>"""
    movie = items_from(decode_body(xml))[0]
    assert isinstance(movie, Movie) and movie.extras is not None
    assert movie.extras.size == 2
    assert [(c.rating_key, c.extra_type, c.duration) for c in movie.extras] == [
        ("183", 1, 107000),
        ("184", 6, None),
    ]
    assert movie.preferences is not None
    setting = movie.preferences.get("useOriginalTitle")
    assert setting is not None and setting.hidden is False and setting.value == "-1"


def test_an_odd_extra_does_not_break_the_item() -> None:
    entry = {
        "ratingKey": "1",
        "key": "/library/metadata/1",
        "type": "movie",
        "title": "Heat",
        "Extras": {"size": 2, "Metadata": [{"type": "clip"}, "junk"]},
        "Preferences": "junk",
    }
    movie = items_from({"Metadata": [entry]})[0]
    assert isinstance(movie, Movie) and movie.extras is not None
    assert movie.extras.size == 2 and len(movie.extras.items) == 1 and len(movie.extras) == 0
    assert movie.preferences is None


# -- against the fake ---------------------------------------------------------------------------


def test_sync_extras_and_preferences_from_the_fake(
    plex_client: PlexClient, plex_server: FakePlexServer
) -> None:
    key = with_extras(plex_server)
    plain = plex_client.metadata.get(key)
    assert isinstance(plain, Movie) and plain.extras is None and plain.primary_extra_key
    movie = plex_client.metadata.get(plain, include_extras=True)
    assert movie.extras is not None
    assert [(c.title, c.subtype) for c in movie.extras] == [
        ("Official Trailer", "trailer"),
        ("Making of", "behindTheScenes"),
    ]
    assert movie.extras.trailers[0].key == movie.primary_extra_key
    assert movie.preferences is None
    settings = plex_client.metadata.get(key, include_preferences=True).preferences
    assert settings is not None and [s.id for s in settings] == [
        s["id"] for s in capture_movie()["Preferences"]["Setting"]
    ]
    collection = plex_client.metadata.get(a_collection(plex_server), include_preferences=True)
    assert isinstance(collection, Collection) and collection.preferences is not None
    assert collection.preferences.get("collectionMode") is not None


@pytest.mark.anyio
async def test_async_extras_and_preferences_from_the_fake(
    async_plex_client: AsyncPlexClient, plex_server: FakePlexServer
) -> None:
    key = with_extras(plex_server)
    movie = await async_plex_client.metadata.get(key, include_extras=True)
    assert isinstance(movie, Movie) and movie.extras is not None and movie.extras.size == 2
    assert movie.extras.clips[0].key == movie.primary_extra_key
    empty = next(
        n
        for n in plex_server.library.nodes.values()
        if n.kind == "movie" and str(n.rating_key) != key
    )
    other = await async_plex_client.metadata.get(str(empty.rating_key), include_extras=True)
    assert isinstance(other, Movie) and other.extras is not None
    assert other.extras.size == 0 and other.extras.clips == ()
    collection = await async_plex_client.metadata.get(
        a_collection(plex_server), include_preferences=True
    )
    assert isinstance(collection, Collection) and collection.preferences is not None
    assert {s.id for s in collection.preferences} >= {"collectionMode"}


@pytest.mark.anyio
async def test_async_xml_extras_from_the_fake(
    plex_server: FakePlexServer, anyio_backend: str
) -> None:
    key = with_extras(plex_server)
    config = PlexConfig(
        base_url="http://plex.test:32400", token=plex_server.token, accept="application/xml"
    )
    async with AsyncPlexClient(config=config, transport=plex_server.asgi_transport()) as client:
        movie = await client.metadata.get(key, include_extras=True)
    assert isinstance(movie, Movie) and movie.extras is not None
    assert [c.title for c in movie.extras] == ["Official Trailer", "Making of"]


def keys(entries: list[dict[str, Any]]) -> set[str]:
    return {k for entry in entries for k, v in entry.items() if not isinstance(v, (list, dict))}


@pytest.mark.anyio
async def test_the_fakes_extras_have_the_captures_shape(
    plex_server: FakePlexServer, anyio_backend: str
) -> None:
    key = with_extras(plex_server)
    async with httpx.AsyncClient(
        transport=plex_server.asgi_transport(),
        base_url="http://plex",
        headers={"X-Plex-Token": plex_server.token, "Accept": "application/json"},
    ) as http:
        answer = await http.get(f"/library/metadata/{key}", params={"includeExtras": 1})
    fake = answer.json()["MediaContainer"]["Metadata"][0]
    real = capture_movie()
    assert "primaryExtraKey" in fake
    assert keys([fake["Extras"]]) == keys([real["Extras"]]) == {"size"}
    assert keys(real["Extras"]["Metadata"]) <= keys(fake["Extras"]["Metadata"])
    # the capture's trailers are online (IVA) ones; the fake's are local files
    online = {"premium", "protocol", "optimizedForStreaming"}
    real_media = [m for clip in real["Extras"]["Metadata"] for m in clip["Media"]]
    fake_media = [m for clip in fake["Extras"]["Metadata"] for m in clip["Media"]]
    assert keys(real_media) - online <= keys(fake_media)
