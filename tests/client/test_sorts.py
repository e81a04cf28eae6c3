"""``sort=`` on listings: the syntax is refused before any request, a field the section does
not offer after one look at its sorts (remembered per client), for both clients."""

from __future__ import annotations

from typing import Any

import pytest

from plexkit import ConfigurationError, InvalidSortError, PlexError
from plexkit._core.sorts import SortTerm, canonical_sort, offered_fields, parse_sort
from plexkit.models import Section
from plexkit.testing import FakePlexServer
from tests.client.either import resolve

BAD_SYNTAX = [
    "",
    "addedAt:up",
    "addedAt,,titleSort",
    "addedAt:asc:desc",
    "addedAt:desc:desc",
    "1year",
    "year desc",
    "show..title",
    "title;drop",
]


def test_the_syntax_is_field_direction_comma_separated() -> None:
    assert parse_sort("addedAt:desc, titleSort") == (
        SortTerm("addedAt", ("desc",)),
        SortTerm("titleSort"),
    )
    assert parse_sort("show.titleSort:asc") == (SortTerm("show.titleSort", ("asc",)),)
    assert canonical_sort("year:desc:nullsLast , index") == "year:desc:nullsLast,index"
    offered = offered_fields(["titleSort", "titleSort:desc", "show.titleSort,index", None, "!"])
    assert offered == {"titleSort", "show.titleSort", "index"}


@pytest.mark.parametrize("sort", [*BAD_SYNTAX, 5])
def test_bad_syntax_is_an_invalid_sort_error(sort: object) -> None:
    with pytest.raises(InvalidSortError) as caught:
        parse_sort(sort)
    assert isinstance(caught.value, ConfigurationError) and isinstance(caught.value, PlexError)
    assert caught.value.available == ()


@pytest.mark.anyio
@pytest.mark.parametrize("sort", BAD_SYNTAX)
async def test_bad_syntax_sends_no_request(
    client: Any, plex_server: FakePlexServer, sort: str
) -> None:
    before = len(list(plex_server.requests))
    with pytest.raises(InvalidSortError, match="sort"):
        await resolve(client.library.items("Movies", sort=sort))
    with pytest.raises(InvalidSortError):
        iterator = client.library.iter_items("1", sort=sort)
        await resolve(iterator.__anext__() if hasattr(iterator, "__anext__") else next(iterator))
    assert len(list(plex_server.requests)) == before


@pytest.mark.anyio
async def test_an_unknown_field_is_refused_naming_the_sections_sorts(
    client: Any, plex_server: FakePlexServer
) -> None:
    with pytest.raises(InvalidSortError, match="no sort 'nonsense'") as caught:
        await resolve(client.library.items("1", sort="nonsense"))
    assert {"titleSort", "addedAt", "year"} <= set(caught.value.available)
    assert plex_server.requests.count("/library/sections/1/sorts") == 1
    assert plex_server.requests.count("/library/sections/1/all") == 0
    with pytest.raises(InvalidSortError):
        await resolve(client.library.items("1", type="movie", sort="year:desc,nonsense:asc"))
    page = await resolve(client.library.items("1", type="movie", sort="year:desc", limit=5))
    years = [movie.year for movie in page.items]
    assert years == sorted(years, reverse=True)
    assert plex_server.requests.count("/library/sections/1/sorts") == 1  # remembered


@pytest.mark.anyio
async def test_sorts_every_section_offers_need_no_look(
    client: Any, plex_server: FakePlexServer
) -> None:
    await resolve(client.library.items("1", sort="addedAt:desc,titleSort", limit=3))
    await resolve(client.library.recently_added(section="1", type="movie", limit=3))
    assert plex_server.requests.count("/library/sections/1/sorts") == 0
    sent = plex_server.requests.matching("/library/sections/1/all")
    assert sent[0].params["sort"] == "addedAt:desc,titleSort"


@pytest.mark.anyio
async def test_other_levels_and_scoped_fields_go_as_given(
    client: Any, plex_server: FakePlexServer
) -> None:
    shows = await resolve(client.library.section("TV Shows"))
    episodes = await resolve(client.library.items(shows, type="episode", sort="index", limit=3))
    assert episodes.items
    scoped = await resolve(client.library.items(shows, sort="episode.addedAt:desc", limit=3))
    assert scoped.items
    sent = plex_server.requests.matching(f"/library/sections/{shows.key}/all")
    assert [r.params["sort"] for r in sent[-2:]] == ["index", "episode.addedAt:desc"]
    with pytest.raises(InvalidSortError, match=f"section {shows.key} has no sort 'index'"):
        await resolve(client.library.items(shows, type="show", sort="index"))


@pytest.mark.anyio
async def test_a_section_model_gives_its_type_without_a_lookup(
    client: Any, plex_server: FakePlexServer
) -> None:
    movies = Section(key="1", title="Movies", type="movie")
    await resolve(client.library.items(movies, type="movie", sort="year", limit=1))
    assert plex_server.requests.count("/library/sections") == 0
