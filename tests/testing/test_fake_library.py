"""The generated library: deterministic, realistic, sized by its arguments, editable."""

from __future__ import annotations

import json

import httpx
import pytest

from plexkit.testing import FakeLibrary, FakePlexServer
from plexkit.testing.catalog import FRANCHISES
from plexkit.testing.query import parse


def dump(library: FakeLibrary) -> str:
    """Everything a client can see, as one comparable string."""
    return json.dumps(
        {
            "nodes": [node.data for node in library.nodes.values()],
            "sections": [section.data for section in library.sections.values()],
            "history": library.history,
            "sessions": library.sessions,
            "accounts": library.accounts,
            "server": library.server,
        },
        sort_keys=True,
    )


def test_same_seed_gives_the_same_library() -> None:
    assert dump(FakeLibrary.generate(7, movies=60)) == dump(FakeLibrary.generate(7, movies=60))


def test_other_seed_gives_another_library() -> None:
    assert dump(FakeLibrary.generate(1, movies=60)) != dump(FakeLibrary.generate(2, movies=60))


def test_generated_values_do_not_depend_on_the_clock() -> None:
    early = FakeLibrary.generate(3, movies=30, clock=lambda: 1_000_000_000.0)
    late = FakeLibrary.generate(3, movies=30, clock=lambda: 2_000_000_000.0)
    assert dump(early) == dump(late)


def test_sizes_follow_the_arguments() -> None:
    lib = FakeLibrary.generate(0, movies=55, shows=7, artists=4, photo_albums=3, history=90)
    movies, tv, music, photos = (lib.section(key) for key in (1, 2, 3, 4))
    assert movies and tv and music and photos
    assert len(lib.items(movies, 1)) == 55
    assert len(lib.items(tv, 2)) == 7
    assert len(lib.items(music, 8)) == 4
    assert len(lib.items(photos, 14)) == 3
    assert len(lib.history) == 90
    assert [s.locations for s in (movies, tv, music, photos)] == [
        ["/data/media/movies"],
        ["/data/media/tv"],
        ["/data/media/music"],
        ["/data/media/photos"],
    ]


def test_files_live_under_their_section_location() -> None:
    lib = FakeLibrary.generate(0, movies=30, shows=3, artists=2, photo_albums=1)
    for node in lib.nodes.values():
        section = lib.sections.get(node.section_key)
        for media in node.data.get("Media", ()):
            for part in media["Part"]:
                assert section is not None
                assert part["file"].startswith(section.locations[0] + "/")
                assert part["key"].startswith(f"/library/parts/{part['id']}/")


def test_movies_look_like_real_ones() -> None:
    lib = FakeLibrary.generate(0, movies=30)
    movie = lib.node(1)
    assert movie is not None
    data = movie.data
    assert data["ratingKey"] == "1" and data["type"] == "movie"
    assert data["guid"].startswith("plex://movie/")
    assert {g["id"].split("://")[0] for g in data["Guid"]} == {"imdb", "tmdb"}
    stream_types = {s["streamType"] for s in data["Media"][0]["Part"][0]["Stream"]}
    assert stream_types == {1, 2, 3}
    for element in ("Genre", "Director", "Writer", "Role", "Country", "Collection"):
        assert data[element], element
    assert isinstance(data["addedAt"], int) and isinstance(data["rating"], float)


def test_known_franchises_have_their_collections_with_parts_missing_on_purpose() -> None:
    lib = FakeLibrary.generate(0, movies=40)
    movies = lib.section(1)
    assert movies is not None
    collections = {c.data["title"]: c for c in lib.items(movies, 18)}
    for franchise in FRANCHISES:
        members = lib.collection_items(collections[franchise.title])
        tmdb_ids = {
            int(g["id"].removeprefix("tmdb://"))
            for m in members
            for g in m.data["Guid"]
            if g["id"].startswith("tmdb://")
        }
        present = {m.tmdb_id for m in franchise.movies if not m.missing}
        missing = {m.tmdb_id for m in franchise.movies if m.missing}
        assert tmdb_ids == present
        assert not tmdb_ids & missing
    assert any(m.missing for f in FRANCHISES for m in f.movies)


def test_one_collection_is_smart_and_follows_its_query() -> None:
    lib = FakeLibrary.generate(0, movies=80)
    movies = lib.section(1)
    assert movies is not None
    smart = [c for c in lib.items(movies, 18) if c.data.get("smart") == "1"]
    assert len(smart) == 1
    members = lib.collection_items(smart[0])
    assert members and all(
        any(g["tag"] == "Science Fiction" for g in m.data["Genre"]) for m in members
    )
    added = [m.data["addedAt"] for m in members]
    assert added == sorted(added, reverse=True)


def test_some_seasons_have_gaps_and_some_shows_miss_a_season() -> None:
    lib = FakeLibrary.generate(0, shows=15)
    tv = lib.section(2)
    assert tv is not None
    episode_gaps = season_gaps = 0
    for show in lib.items(tv, 2):
        indexes = [s.data["index"] for s in show.children if s.data["index"] > 0]
        season_gaps += indexes != list(range(1, len(indexes) + 1))
        for season in show.children:
            numbers = [e.data["index"] for e in season.children]
            episode_gaps += numbers != list(range(1, len(numbers) + 1))
        assert show.data["leafCount"] == len(lib.leaves(show))
        assert show.data["childCount"] == len(show.children)
    assert episode_gaps >= 2 and season_gaps >= 1


def test_history_spans_several_accounts_newest_first() -> None:
    lib = FakeLibrary.generate(0, history=150)
    viewed = [h["viewedAt"] for h in lib.history]
    assert viewed == sorted(viewed, reverse=True)
    assert len({h["accountID"] for h in lib.history}) >= 3
    assert {h["type"] for h in lib.history} >= {"movie", "episode", "track"}
    assert all(lib.node(h["ratingKey"]) is not None for h in lib.history)


def test_sessions_play_a_movie_an_episode_and_a_track() -> None:
    lib = FakeLibrary.generate(0)
    assert [s["type"] for s in lib.sessions] == ["movie", "episode", "track"]
    for session in lib.sessions:
        assert {"User", "Player", "Session"} <= session.keys()
    assert "TranscodeSession" in lib.sessions[0]


def test_edit_sets_fields_locks_and_tags() -> None:
    lib = FakeLibrary.generate(0, movies=20)
    movie = lib.node(1)
    assert movie is not None
    changed = lib.edit(
        movie,
        [
            ("title.value", "A New Hope"),
            ("title.locked", "1"),
            ("year.value", "1978"),
            ("genre[0].tag.tag", "Space Opera"),
            ("genre[1].tag.tag", "Adventure"),
            ("genre.locked", "1"),
        ],
    )
    assert {"title", "year", "Genre", "title.locked", "genre.locked"} <= changed
    data = movie.data
    assert data["title"] == "A New Hope" and data["titleSort"] == "New Hope"
    assert data["year"] == 1978
    assert [g["tag"] for g in data["Genre"]] == ["Space Opera", "Adventure"]
    assert {"name": "title", "locked": True} in data["Field"]
    assert {"name": "genre", "locked": True} in data["Field"]
    lib.edit(movie, [("genre[].tag.tag-", "Space%20Opera"), ("title.locked", "0")])
    assert [g["tag"] for g in data["Genre"]] == ["Adventure"]
    assert all(f["name"] != "title" for f in data["Field"])


def test_adding_a_collection_tag_creates_the_collection() -> None:
    lib = FakeLibrary.generate(0, movies=20)
    movies = lib.section(1)
    movie = lib.node(20)
    assert movies is not None and movie is not None
    lib.edit(movie, [("collection[0].tag.tag", "Weekend Picks")])
    created = [c for c in lib.items(movies, 18) if c.data["title"] == "Weekend Picks"]
    assert len(created) == 1
    assert lib.collection_items(created[0]) == [movie]


def test_renaming_a_show_reaches_its_seasons_and_episodes() -> None:
    lib = FakeLibrary.generate(0, shows=2)
    tv = lib.section(2)
    assert tv is not None
    show = lib.items(tv, 2)[0]
    lib.edit(show, [("title.value", "Renamed")])
    assert all(s.data["parentTitle"] == "Renamed" for s in show.children)
    assert all(e.data["grandparentTitle"] == "Renamed" for e in lib.leaves(show))


def test_hand_built_library() -> None:
    lib = FakeLibrary(friendly_name="Test")
    movies = lib.add_section("movie", "Films", ["/mnt/films"])
    heat = lib.add_movie(movies, "Heat", 1995, guids={"tmdb": 949, "imdb": "tt0113277"})
    assert heat.data["Media"][0]["Part"][0]["file"] == "/mnt/films/Heat (1995)/Heat (1995).mkv"
    assert heat.data["Guid"] == [{"id": "imdb://tt0113277"}, {"id": "tmdb://949"}]
    mq = parse([("guid", "tmdb://949")], now=0)
    assert lib.select("guid", movies, 1, mq) == [heat]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([("year", "1977")], {1}),
        ([("year>>", "2010"), ("year<<", "2016")], {14, 7}),
        ([("title", "star wars")], {1, 4, 5, 6, 7}),
        ([("title", "=Star Wars")], {1}),
        ([("title=", "Star Wars")], {1}),
        ([("title!", "star")], None),
        ([("title<", "harry")], {8, 9, 10, 11, 12, 13, 14}),
        ([("collection", "The Lord of the Rings Collection")], {15, 16, 17}),
        ([("genre", "Fantasy"), ("year>", "2005")], {10, 11, 12, 13, 14}),
    ],
)
def test_media_query_operators(pairs: list[tuple[str, str]], expected: set[int] | None) -> None:
    lib = FakeLibrary.generate(0, movies=19)
    movies = lib.section(1)
    assert movies is not None
    mq = parse(pairs, now=lib.now())
    found = {n.rating_key for n in lib.items(movies, 1) if mq.matches(n.data)}
    if expected is None:
        assert found and not any("Star" in lib.nodes[k].data["title"] for k in found)
    else:
        assert found == expected


@pytest.fixture(scope="module")
def big() -> FakePlexServer:
    return FakePlexServer(movies=20_000, shows=0, artists=0, photo_albums=0, history=0)


@pytest.mark.anyio
async def test_twenty_thousand_movies_generate_and_page(big: FakePlexServer) -> None:
    server = big
    movies = server.library.section(1)
    assert movies is not None and len(server.library.items(movies, 1)) == 20_000
    async with httpx.AsyncClient(
        transport=server.asgi_transport(),
        base_url="http://plex",
        headers={"X-Plex-Token": server.token},
    ) as client:
        response = await client.get(
            "/library/sections/1/all",
            params={"sort": "titleSort", "X-Plex-Container-Start": 10_000},
            headers={"X-Plex-Container-Size": "200", "Accept": "application/json"},
        )
    mc = response.json()["MediaContainer"]
    assert (mc["size"], mc["totalSize"], mc["offset"]) == (200, 20_000, 10_000)
    assert response.headers["X-Plex-Container-Total-Size"] == "20000"
    titles = [m["titleSort"].casefold() for m in mc["Metadata"]]
    assert titles == sorted(titles)
    assert len({m["ratingKey"] for m in mc["Metadata"]}) == 200
