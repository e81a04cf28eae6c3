"""Playlists and collections read an item's kind from the one type table: the playlist type of
the items given (or of a smart list's type), the refusal without one, the 200 that lacks the
new list (httpx.MockTransport)."""

from __future__ import annotations

import httpx
import pytest
from test_coverage_wire import MOVIE, Server, body, sync_client

from plexkit.errors import ConfigurationError, ParseError
from plexkit.models import Album, Photo, Track

TRACK = Track(rating_key="50", key="/library/metadata/50", title="Song", type="track")
ALBUM = Album(rating_key="51", key="/library/metadata/51", title="LP", type="album")
PHOTO = Photo(rating_key="60", key="/library/metadata/60", title="Pic", type="photo")


def _sent_type(server: Server) -> list[str]:
    return [q["type"][0] for method, path, q in server.sent() if path == "/playlists"]


@pytest.mark.parametrize(
    ("items", "kind"), [([MOVIE], "video"), ([TRACK, ALBUM], "audio"), ([PHOTO], "photo")]
)
def test_a_playlist_takes_the_type_of_its_items(items: list[object], kind: str) -> None:
    server = Server()
    with sync_client(server) as client:
        client.playlists.create("x", items)  # type: ignore[arg-type]
    assert _sent_type(server) == [kind]


def test_mixed_items_need_a_playlist_type() -> None:
    server = Server()
    with sync_client(server) as client, pytest.raises(ConfigurationError, match="pass type="):
        client.playlists.create("x", [MOVIE, TRACK])
    assert all(path == "/identity" for _, path, _ in server.sent())


@pytest.mark.parametrize(("type", "kind"), [("track", "audio"), (14, "photo"), ("clip", "video")])
def test_a_smart_playlist_takes_the_type_of_its_source(type: str | int, kind: str) -> None:
    server = Server()
    with sync_client(server) as client:
        client.playlists.create_smart("x", 1, type=type)
    assert _sent_type(server) == [kind]


def test_smart_lists_without_a_type_send_nothing() -> None:
    server = Server()
    with sync_client(server) as client:
        with pytest.raises(ConfigurationError, match="smart playlist needs the type"):
            client.playlists.create_smart("x", 1, type=None)  # type: ignore[arg-type]
        with pytest.raises(ConfigurationError, match="smart collection needs the type"):
            client.collections.create_smart(1, "x", type=None)  # type: ignore[arg-type]
    assert server.sent() == []


def test_an_answer_without_the_new_list_is_a_parse_error() -> None:
    def empty(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/identity":
            return Server.json(body(machineIdentifier="m"))
        return Server.json(body())

    with sync_client(empty) as client:  # type: ignore[arg-type]
        with pytest.raises(ParseError, match="without a playlist"):
            client.playlists.create("x", [MOVIE])
        with pytest.raises(ParseError, match="without a collection"):
            client.collections.create("1", "x", [MOVIE])
