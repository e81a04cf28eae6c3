"""The official-spec client (``plex-api-client`` from PyPI, generated from Plex's OpenAPI spec)
lists the fake's sections with its default flags (``includeGuids=0``, ``unwatched=0`` ... and a
50-item page) and gets the right items: the fake's own items, in PMS's default title order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from plexkit.testing import FakePlexServer
from plexkit.testing.store import Node

plex_api_client = pytest.importorskip("plex_api_client")


@pytest.fixture(scope="module")
def spec() -> Iterator[tuple[Any, FakePlexServer]]:
    server = FakePlexServer(movies=60, shows=3, artists=2, photo_albums=2, history=5)
    with server.run_in_thread() as url:
        yield plex_api_client.PlexAPI(server_url=url, token=server.token), server


def _expected(server: FakePlexServer, section: int, type_number: int) -> list[Node]:
    nodes = server.library.items(server.library.sections[section], type_number)
    return sorted(nodes, key=lambda n: str(n.data.get("titleSort") or n.data["title"]).casefold())


def _listed(res: Any) -> tuple[Any, list[tuple[str, str, str]]]:
    mc = res.media_container_with_metadata.media_container
    return mc, [(m.rating_key, m.title, m.type) for m in mc.metadata or []]


@pytest.mark.parametrize(
    ("section", "type_number", "kind"),
    [(1, 1, "movie"), (2, 2, "show"), (3, 8, "artist"), (4, 14, "photo")],
)
def test_list_content_gives_each_sections_items(
    spec: tuple[Any, FakePlexServer], section: int, type_number: int, kind: str
) -> None:
    sdk, server = spec
    res = sdk.content.list_content(request={"section_id": str(section)})
    sent = dict(server.requests[-1].query)
    assert len(sent) >= 30 and sent["unwatched"] == "0" and sent["includeMeta"] == "0"
    assert sent["X-Plex-Container-Size"] == "50"
    mc, listed = _listed(res)
    expected = _expected(server, section, type_number)
    assert mc.total_size == len(expected) and mc.offset == 0
    assert listed == [(str(n.rating_key), n.data["title"], kind) for n in expected[:50]]


def test_list_content_pages_through_a_big_section(spec: tuple[Any, FakePlexServer]) -> None:
    sdk, server = spec
    expected = [str(n.rating_key) for n in _expected(server, 1, 1)]
    first = _listed(sdk.content.list_content(request={"section_id": "1"}))[1]
    res = sdk.content.list_content(
        request={"section_id": "1", "x_plex_container_start": 50, "x_plex_container_size": 50}
    )
    mc, second = _listed(res)
    assert mc.offset == 50 and mc.size == 10
    assert [k for k, _, _ in first + second] == expected


def test_section_browse_operations(spec: tuple[Any, FakePlexServer]) -> None:
    sdk, server = spec
    library = server.library
    albums = sdk.content.get_albums(request={"section_id": 3}).media_container_with_metadata
    assert sorted(m.rating_key for m in albums.media_container.metadata) == sorted(
        str(n.rating_key) for n in library.items(library.sections[3], 9)
    )
    leaves = sdk.content.get_all_leaves(request={"section_id": 2}).media_container_with_metadata
    episodes = library.items(library.sections[2], 4)
    assert [m.rating_key for m in leaves.media_container.metadata] == [
        str(n.rating_key) for n in episodes
    ]
    assert {m.type for m in leaves.media_container.metadata} == {"episode"}
    tracks = sdk.content.get_all_leaves(request={"section_id": 3}).media_container_with_metadata
    assert len(tracks.media_container.metadata) == len(library.items(library.sections[3], 10))
    assert {m.type for m in tracks.media_container.metadata} == {"track"}
    letters = sdk.library.get_first_characters(request={"section_id": 1}).object.media_container
    assert sum(d.size for d in letters.directory) == 60
    assert all(len(d.title) == 1 for d in letters.directory)
    sorts = sdk.library.get_available_sorts(request={"section_id": 1})
    assert "titleSort" in [
        s.key for s in sorts.media_container_with_sorts.media_container.directory
    ]
    collections = sdk.library.get_collections(request={"section_id": 1})
    titles = [m.title for m in collections.media_container_with_metadata.media_container.metadata]
    assert "Star Wars Collection" in titles
