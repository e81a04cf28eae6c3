"""The exact requests of matching, artwork, scans and tokens (pytest-httpx), and that the
notification listener puts the token in a header (MockTransport refuses the upgrade)."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from pytest_httpx import HTTPXMock

from plexkit import (
    AsyncPlexClient,
    ConfigurationError,
    PlexClient,
    ServerUnavailableError,
    UnauthorizedError,
)
from plexkit.models import Location, Section
from plexkit.testing.images import png

TOKEN = "mgmt-wire-token-0123456789"
BASE = "http://pms.test:32400"


def query(request: httpx.Request) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(str(request.url)).query, keep_blank_values=True)


def test_matching_requests(httpx_mock: HTTPXMock) -> None:
    results = {
        "MediaContainer": {
            "size": 2,
            "SearchResult": [
                {"guid": "plex://movie/a", "name": "Heat", "year": 1995, "score": 90},
                {"guid": "plex://movie/b", "name": "Heat", "year": 1986, "score": 100},
            ],
        }
    }
    httpx_mock.add_response(
        method="GET",
        url=f"{BASE}/library/metadata/7/matches?manual=1&title=Heat&year=1995&agent=tv.plex.agents.movie",
        json=results,
    )
    httpx_mock.add_response(method="PUT", is_reusable=True)
    httpx_mock.add_response(
        method="GET", url=f"{BASE}/system/agents?mediaType=2", json={"MediaContainer": {"size": 0}}
    )
    with PlexClient(BASE, token=TOKEN) as plex:
        found = plex.metadata.matches(7, title="Heat", year=1995, agent="tv.plex.agents.movie")
        assert [c.guid for c in found] == ["plex://movie/b", "plex://movie/a"]
        plex.metadata.match(7, found[0])
        plex.metadata.match(7, "tmdb://949")
        plex.metadata.unmatch(7)
        plex.metadata.refresh(7, agent="tv.plex.agents.movie")
        plex.metadata.analyze(7)
        assert plex.library.agents("show") == ()
    _, match, by_guid, unmatch, refresh, analyze, _ = httpx_mock.get_requests()
    assert (match.url.path, query(match)) == (
        "/library/metadata/7/match",
        [("guid", "plex://movie/b"), ("name", "Heat"), ("year", "1986")],
    )
    assert query(by_guid) == [("guid", "tmdb://949")]
    assert [r.url.path for r in (unmatch, refresh, analyze)] == [
        "/library/metadata/7/unmatch",
        "/library/metadata/7/refresh",
        "/library/metadata/7/analyze",
    ]
    assert query(refresh) == [("agent", "tv.plex.agents.movie")]
    assert {r.method for r in (match, unmatch, refresh, analyze)} == {"PUT"}


def test_artwork_requests(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", is_reusable=True)
    httpx_mock.add_response(method="PUT", is_reusable=True)
    image = png(4, 4, "wire")
    with PlexClient(BASE, token=TOKEN) as plex:
        plex.artworks.upload_poster(7, url="https://image.tmdb.org/t/p/original/a b.jpg")
        plex.artworks.upload_art(7, data=image, lock=True)
        plex.artworks.select_poster(7, "upload://posters/abc")
    by_url, by_body, lock, select = httpx_mock.get_requests()
    assert (by_url.method, by_url.url.path, query(by_url)) == (
        "POST",
        "/library/metadata/7/posters",
        [("url", "https://image.tmdb.org/t/p/original/a b.jpg")],
    )
    assert by_url.content == b""
    assert (by_body.method, by_body.url.path, by_body.content) == (
        "POST",
        "/library/metadata/7/arts",
        image,
    )
    assert by_body.headers["Content-Type"] == "image/png" and query(by_body) == []
    assert (lock.method, query(lock)) == ("PUT", [("art.locked", "1")])
    assert (select.url.path, query(select)) == (
        "/library/metadata/7/poster",
        [("url", "upload://posters/abc")],
    )


def test_uploads_are_not_retried(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", status_code=503)
    with (
        PlexClient(BASE, token=TOKEN, max_retries=3) as plex,
        pytest.raises(ServerUnavailableError),
    ):
        plex.artworks.upload_poster(7, data=png(2, 2, "x"))
    assert len(httpx_mock.get_requests()) == 1


def test_scan_and_token_requests(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="GET", url=f"{BASE}/library/sections/3/refresh?path=%2Fm%2FHeat")
    httpx_mock.add_response(
        method="POST",
        url=f"{BASE}/security/token?type=delegation&scope=all",
        json={"MediaContainer": {"size": 0, "token": "transient-1234-abcd"}},
    )
    section = Section(key="3", title="Movies", locations=(Location(path="/m"),))
    with PlexClient(BASE, token=TOKEN) as plex:
        plex.library.refresh(section, path="/m/Heat")
        assert plex.server.transient_token() == "transient-1234-abcd"
        assert plex.server.transient_token() == "transient-1234-abcd"
    assert len(httpx_mock.get_requests()) == 2


@pytest.mark.anyio
async def test_the_upgrade_request_carries_the_token_in_a_header(anyio_backend: str) -> None:
    seen: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(401, text="<html>Unauthorized</html>")

    async with (
        AsyncPlexClient(BASE, token=TOKEN, transport=httpx.MockTransport(refuse)) as plex,
        plex.notifications.listen() as events,
    ):
        with pytest.raises(UnauthorizedError) as caught:
            await events.receive(timeout=10)
    [upgrade] = seen
    assert upgrade.url.path == "/:/websockets/notifications" and upgrade.url.query == b""
    assert upgrade.headers["X-Plex-Token"] == TOKEN
    assert upgrade.headers["Upgrade"].lower() == "websocket"
    assert TOKEN not in str(caught.value) and TOKEN not in json.dumps(str(events))


@pytest.mark.parametrize("section", [Section(key="3", title="Movies", locations=()), "3"])
def test_refresh_of_a_path_outside_the_section_is_refused_before_the_scan(
    httpx_mock: HTTPXMock, section: Section | str
) -> None:
    """Plain ``refresh(path=)`` checks the path like ``refresh_and_wait``: PMS would accept a
    path outside every location and scan nothing. With a Section no request is sent at all;
    with a key only the section list is read, never the refresh."""
    if isinstance(section, str):
        httpx_mock.add_response(
            method="GET",
            url=f"{BASE}/library/sections",
            json={
                "MediaContainer": {
                    "size": 1,
                    "Directory": [
                        {"key": "3", "title": "Movies", "Location": [{"id": 1, "path": "/m"}]}
                    ],
                }
            },
        )
    with PlexClient(BASE, token=TOKEN) as plex, pytest.raises(ConfigurationError):
        plex.library.refresh(section, path="/elsewhere/Heat")
    assert all("/refresh" not in str(r.url) for r in httpx_mock.get_requests())
    assert len(httpx_mock.get_requests()) == (0 if isinstance(section, Section) else 1)
