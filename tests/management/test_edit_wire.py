"""The exact requests metadata edits send: field values, tag add/remove/replace/clear, locks
and multi-item edits, for the sync client (pytest-httpx) and the async one (MockTransport)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from pytest_httpx import HTTPXMock

from plexkit import AsyncPlexClient, ConfigurationError, NotFoundError, PlexClient
from plexkit._core.edits import TagEdit

TOKEN = "edit-wire-token-0123456789"
BASE = "http://pms.test:32400"
ITEM = {
    "ratingKey": "42",
    "key": "/library/metadata/42",
    "type": "movie",
    "title": "Heat",
    "Genre": [{"tag": "Crime"}, {"tag": "Drama"}],
    "Label": [{"tag": "Favorite"}],
}


def detail(*items: dict[str, Any]) -> bytes:
    return json.dumps({"MediaContainer": {"size": len(items), "Metadata": list(items)}}).encode()


def query(request: httpx.Request) -> list[tuple[str, str]]:
    """The query string as sent, in order, decoded once (as PMS reads it)."""
    return parse_qsl(urlsplit(str(request.url)).query, keep_blank_values=True)


def sync_edit(httpx_mock: HTTPXMock, call: Callable[[PlexClient], object]) -> list[httpx.Request]:
    httpx_mock.add_response(method="GET", content=detail(ITEM), is_optional=True, is_reusable=True)
    httpx_mock.add_response(method="PUT", status_code=200, is_optional=True, is_reusable=True)
    with PlexClient(BASE, token=TOKEN) as plex:
        call(plex)
    return list(httpx_mock.get_requests())


def test_scalar_fields_are_set_and_locked(httpx_mock: HTTPXMock) -> None:
    [put] = sync_edit(
        httpx_mock,
        lambda p: p.metadata.edit(
            42,
            title="Heat (1995)",
            title_sort="Heat",
            original_title="Heat",
            summary="A & B = 100%",
            tagline="A Los Angeles crime saga",
            year=1995,
            rating=8.3,
            content_rating="R",
            studio="Warner Bros.",
            originally_available_at="1995-12-15",
        ),
    )
    assert put.method == "PUT" and put.url.path == "/library/metadata/42"
    assert query(put) == [
        ("title.value", "Heat (1995)"),
        ("title.locked", "1"),
        ("titleSort.value", "Heat"),
        ("titleSort.locked", "1"),
        ("originalTitle.value", "Heat"),
        ("originalTitle.locked", "1"),
        ("summary.value", "A & B = 100%"),
        ("summary.locked", "1"),
        ("tagline.value", "A Los Angeles crime saga"),
        ("tagline.locked", "1"),
        ("year.value", "1995"),
        ("year.locked", "1"),
        ("rating.value", "8.3"),
        ("rating.locked", "1"),
        ("contentRating.value", "R"),
        ("contentRating.locked", "1"),
        ("studio.value", "Warner Bros."),
        ("studio.locked", "1"),
        ("originallyAvailableAt.value", "1995-12-15"),
        ("originallyAvailableAt.locked", "1"),
    ]
    assert put.headers["X-Plex-Token"] == TOKEN and "X-Plex-Token" not in str(put.url)


def test_lock_false_unlocks_and_lock_none_leaves_locks_alone(httpx_mock: HTTPXMock) -> None:
    unlocked, untouched = sync_edit(
        httpx_mock,
        lambda p: (
            p.metadata.edit(42, summary=None, lock=False),
            p.metadata.edit(42, tagline="x", lock=None),
        ),
    )
    assert query(unlocked) == [("summary.value", ""), ("summary.locked", "0")]
    assert query(untouched) == [("tagline.value", "x")]


def test_removing_tags_needs_no_read(httpx_mock: HTTPXMock) -> None:
    [put] = sync_edit(
        httpx_mock,
        lambda p: p.metadata.edit(42, genres=TagEdit(remove=["Drama", "Sci-Fi & Fantasy"])),
    )
    assert query(put) == [
        ("genre[].tag.tag-", "Drama,Sci-Fi%20%26%20Fantasy"),
        ("genre.locked", "1"),
    ]


def test_adding_tags_sends_the_whole_new_list(httpx_mock: HTTPXMock) -> None:
    get, put = sync_edit(
        httpx_mock,
        lambda p: p.metadata.edit(42, genres=TagEdit(add=["Film Noir", "crime"], remove=["Drama"])),
    )
    assert get.method == "GET" and get.url.path == "/library/metadata/42"
    assert query(put) == [
        ("genre[0].tag.tag", "Crime"),
        ("genre[1].tag.tag", "Film Noir"),
        ("genre[].tag.tag-", "Drama"),
        ("genre.locked", "1"),
    ]


def test_replacing_and_clearing_tags(httpx_mock: HTTPXMock) -> None:
    get, replaced, cleared = sync_edit(
        httpx_mock,
        lambda p: (
            p.metadata.edit(42, genres=["Thriller", "Crime"], labels=["Favorite"]),
            p.metadata.edit(42, collections=[], lock=False),
        ),
    )
    assert get.method == "GET"
    assert query(replaced) == [
        ("genre[0].tag.tag", "Thriller"),
        ("genre[1].tag.tag", "Crime"),
        ("genre[].tag.tag-", "Drama"),
        ("genre.locked", "1"),
        ("label[0].tag.tag", "Favorite"),
        ("label.locked", "1"),
    ]
    assert query(cleared) == [("collection[].tag", ""), ("collection.locked", "0")]


def test_lock_and_unlock_without_values(httpx_mock: HTTPXMock) -> None:
    locked, unlocked = sync_edit(
        httpx_mock,
        lambda p: (
            p.metadata.lock(42, "title", "genres", "poster"),
            p.metadata.unlock(42, "art", "summary"),
        ),
    )
    assert query(locked) == [("title.locked", "1"), ("genre.locked", "1"), ("thumb.locked", "1")]
    assert query(unlocked) == [("art.locked", "0"), ("summary.locked", "0")]


def test_multi_item_edit_is_one_request_unless_tags_are_added(httpx_mock: HTTPXMock) -> None:
    second = {**ITEM, "ratingKey": "43", "Genre": [{"tag": "Drama"}, {"tag": "War"}]}
    httpx_mock.add_response(method="GET", content=detail(ITEM, second))
    httpx_mock.add_response(method="PUT", is_reusable=True)
    with PlexClient(BASE, token=TOKEN) as plex:
        plex.metadata.edit_many(
            1, [42, "43"], type="movie", studio="A24", genres=TagEdit(add=["Noir"])
        )
        plex.metadata.edit_many(1, [42, 43, 42], type=1, labels=TagEdit(remove=["Old"]))
    get, first, second_put, remove = httpx_mock.get_requests()
    assert get.url.path == "/library/metadata/42,43"
    assert [first.url.path, second_put.url.path] == ["/library/metadata/42", "/library/metadata/43"]
    genres_of = [
        [v for k, v in query(put) if k.startswith("genre[") and k.endswith("].tag.tag")]
        for put in (first, second_put)
    ]
    own = [g["tag"] for g in ITEM.get("Genre", ())]
    assert genres_of == [[*own, "Noir"], ["Drama", "War", "Noir"]]
    assert ("studio.value", "A24") in query(first) and ("studio.value", "A24") in query(second_put)
    assert remove.url.path == "/library/sections/1/all"
    assert query(remove) == [
        ("type", "1"),
        ("id", "42,43"),
        ("label[].tag.tag-", "Old"),
        ("label.locked", "1"),
    ]


@pytest.mark.anyio
async def test_async_client_sends_the_same(anyio_backend: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.method == "GET":
            return httpx.Response(200, json=json.loads(detail(ITEM)))
        return httpx.Response(200)

    async with AsyncPlexClient(BASE, token=TOKEN, transport=httpx.MockTransport(handler)) as plex:
        await plex.metadata.edit(42, title="Heat", labels=TagEdit(add=["4K"]))
        await plex.metadata.lock(42, "year")
        await plex.metadata.edit_many(1, [1, 2], type="movie", year=2000, lock=None)
    assert [(r.method, r.url.path) for r in seen] == [
        ("GET", "/library/metadata/42"),
        ("PUT", "/library/metadata/42"),
        ("PUT", "/library/metadata/42"),
        ("PUT", "/library/sections/1/all"),
    ]
    assert query(seen[1]) == [
        ("title.value", "Heat"),
        ("title.locked", "1"),
        ("label[0].tag.tag", "Favorite"),
        ("label[1].tag.tag", "4K"),
        ("label.locked", "1"),
    ]
    assert query(seen[2]) == [("year.locked", "1")]
    assert query(seen[3]) == [("type", "1"), ("id", "1,2"), ("year.value", "2000")]


@pytest.mark.parametrize(
    "call",
    [
        lambda p: p.metadata.edit(42),
        lambda p: p.metadata.edit(42, colour="red"),
        lambda p: p.metadata.edit(42, year=True),
        lambda p: p.metadata.edit(42, genres="Drama"),
        lambda p: p.metadata.edit(42, genres=["Drama", ""]),
        lambda p: p.metadata.edit(42, genres=TagEdit(add=["Noir"]), lock="yes"),
        lambda p: p.metadata.edit("4/2", genres=TagEdit(add=["Noir"])),
        lambda p: p.metadata.edit_many(1, [], type="movie", year=1),
        lambda p: p.metadata.edit_many(1, "42", type="movie", year=1),
        lambda p: p.metadata.edit_many(1, [1], type="spaceship", genres=["A"]),
        lambda p: p.metadata.lock(42),
        lambda p: p.metadata.lock(42, "colour"),
    ],
)
def test_bad_edits_fail_before_any_request(
    httpx_mock: HTTPXMock, call: Callable[[PlexClient], object]
) -> None:
    with PlexClient(BASE, token=TOKEN) as plex, pytest.raises(ConfigurationError):
        call(plex)
    assert httpx_mock.get_requests() == []


def test_tag_edit_checks_its_names() -> None:
    with pytest.raises(ConfigurationError):
        TagEdit()
    with pytest.raises(ConfigurationError):
        TagEdit(add=["Drama"], remove=["drama"])
    with pytest.raises(ConfigurationError):
        TagEdit(add="Drama")  # type: ignore[arg-type]
    assert TagEdit(add=[" Drama ", "drama", "Crime"]).add == ("Drama", "Crime")


def test_adding_to_an_unknown_item_is_not_found(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="GET", status_code=404, text="<html>Not Found</html>")
    with PlexClient(BASE, token=TOKEN) as plex, pytest.raises(NotFoundError):
        plex.metadata.edit(999, genres=TagEdit(add=["Noir"]))
    assert [r.method for r in httpx_mock.get_requests()] == ["GET"]
