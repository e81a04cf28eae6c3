"""The fake server over HTTP: formats, paging, auth, browsing, edits, images (in-process and
on loopback; asyncio and trio)."""

from __future__ import annotations

import httpx
import pytest
from fake_helpers import json_tree, load_json, parse_xml, xml_tree

from plexkit.testing import FakePlexServer
from plexkit.testing.images import png_size

pytestmark = pytest.mark.anyio
JSON = {"Accept": "application/json"}


async def get_json(client: httpx.AsyncClient, path: str, **kwargs: object) -> dict[str, object]:
    response = await client.get(path, headers=JSON, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return load_json(response.content)  # type: ignore[no-any-return]


ENDPOINTS = [
    "/",
    "/identity",
    "/accounts",
    "/library",
    "/library/sections",
    "/library/sections/1",
    "/library/sections/1/all?includeMeta=1&includeGuids=1",
    "/library/sections/2/all?type=4&X-Plex-Container-Size=20",
    "/library/sections/1/collections",
    "/library/sections/1/genre",
    "/library/sections/1/recentlyAdded",
    "/library/metadata/1",
    "/library/metadata/1,2,3",
    "/library/recentlyAdded",
    "/library/onDeck",
    "/library/search?query=the",
    "/library/all?type=1&year>>=2000",
    "/hubs/search?query=the",
    "/status/sessions",
    "/status/sessions/history/all",
    "/playlists",
    "/activities",
]


async def test_xml_by_default_json_on_request(aclient: httpx.AsyncClient) -> None:
    xml = await aclient.get("/library/sections")
    assert xml.headers["content-type"].startswith("text/xml")
    assert parse_xml(xml.content).tag == "MediaContainer"
    js = await aclient.get("/library/sections", headers=JSON)
    assert js.headers["content-type"] == "application/json"
    assert load_json(js.content)["size"] == 4


@pytest.mark.parametrize("path", ENDPOINTS)
async def test_json_and_xml_carry_the_same_content(aclient: httpx.AsyncClient, path: str) -> None:
    xml = await aclient.get(path)
    js = await aclient.get(path, headers=JSON)
    assert xml.status_code == js.status_code == 200
    assert xml_tree(parse_xml(xml.content)) == json_tree(load_json(js.content))


async def test_xml_uses_the_real_element_names(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    lib = fake.library
    firsts = {}
    for node in lib.nodes.values():
        firsts.setdefault(node.kind, node.rating_key)
    expected = {
        "movie": "Video",
        "show": "Directory",
        "season": "Directory",
        "episode": "Video",
        "artist": "Directory",
        "album": "Directory",
        "track": "Track",
        "photoalbum": "Directory",
        "photo": "Photo",
        "collection": "Directory",
        "playlist": "Playlist",
    }
    for kind, tag in expected.items():
        root = parse_xml((await aclient.get(f"/library/metadata/{firsts[kind]}")).content)
        assert [child.tag for child in root] == [tag], kind
    detail = parse_xml((await aclient.get(f"/library/metadata/{firsts['movie']}")).content)
    video = detail[0]
    assert {child.tag for child in video} >= {"Media", "Genre", "Director", "Role", "Guid"}
    assert video.find("Media/Part/Stream") is not None


async def test_numbers_and_flags_are_typed_in_json(aclient: httpx.AsyncClient) -> None:
    mc = await get_json(aclient, "/library/metadata/1")
    item = mc["Metadata"][0]  # type: ignore[index]
    assert item["ratingKey"] == "1" and isinstance(item["addedAt"], int)
    assert isinstance(item["rating"], float) and isinstance(item["librarySectionID"], int)
    assert item["Media"][0]["Part"][0]["Stream"][0]["default"] is True


@pytest.mark.parametrize("via", ["headers", "params"])
async def test_paging_from_headers_or_params(aclient: httpx.AsyncClient, via: str) -> None:
    paging = {"X-Plex-Container-Start": "5", "X-Plex-Container-Size": "10"}
    kwargs = (
        {"headers": {**JSON, **paging}} if via == "headers" else {"params": paging, "headers": JSON}
    )
    response = await aclient.get("/library/sections/1/all", **kwargs)  # type: ignore[arg-type]
    mc = load_json(response.content)
    assert (mc["size"], mc["totalSize"], mc["offset"]) == (10, 40, 5)
    assert response.headers["X-Plex-Container-Start"] == "5"
    assert response.headers["X-Plex-Container-Total-Size"] == "40"
    everything = await get_json(aclient, "/library/sections/1/all")
    keys = [m["ratingKey"] for m in everything["Metadata"]]  # type: ignore[attr-defined]
    assert [m["ratingKey"] for m in mc["Metadata"]] == keys[5:15]


async def test_unpaged_lists_have_no_total_in_the_body(aclient: httpx.AsyncClient) -> None:
    response = await aclient.get("/library/sections/1/all", headers=JSON)
    mc = load_json(response.content)
    assert mc["size"] == 40 and "totalSize" not in mc and "offset" not in mc
    assert response.headers["X-Plex-Container-Total-Size"] == "40"


async def test_size_zero_counts_and_limit_caps(aclient: httpx.AsyncClient) -> None:
    counted = await get_json(
        aclient, "/library/sections/2/all", params={"type": 4, "X-Plex-Container-Size": 0}
    )
    assert counted["size"] == 0 and counted["totalSize"] > 0  # type: ignore[operator]
    assert "Metadata" not in counted
    limited = await get_json(
        aclient, "/library/sections/1/all", params={"limit": 7, "X-Plex-Container-Size": 5}
    )
    assert (limited["size"], limited["totalSize"]) == (5, 7)
    past = await get_json(aclient, "/library/sections/1/all", params={"X-Plex-Container-Start": 99})
    assert past["size"] == 0


async def test_bad_paging_is_a_400(aclient: httpx.AsyncClient) -> None:
    response = await aclient.get("/library/sections/1/all?X-Plex-Container-Size=ten")
    assert response.status_code == 400


async def test_missing_or_wrong_token_is_401(fake: FakePlexServer, anyio_backend: str) -> None:
    async with httpx.AsyncClient(transport=fake.asgi_transport(), base_url="http://plex") as c:
        missing = await c.get("/library/sections")
        wrong = await c.get("/library/sections", headers={"X-Plex-Token": "nope"})
        identity = await c.get("/identity")
        by_param = await c.get("/library/sections", params={"X-Plex-Token": fake.token})
        fake.add_token("shared-user-token", account_id=4201337)
        shared = await c.get("/library/sections", headers={"X-Plex-Token": "shared-user-token"})
        fake.tokens.remove("shared-user-token")
        revoked = await c.get("/library/sections", headers={"X-Plex-Token": "shared-user-token"})
    assert missing.status_code == wrong.status_code == revoked.status_code == 401
    assert "<title>Unauthorized</title>" in missing.text
    assert missing.headers["content-type"].startswith("text/html")
    assert identity.status_code == by_param.status_code == shared.status_code == 200


async def test_transient_tokens_are_accepted_afterwards(aclient: httpx.AsyncClient) -> None:
    response = await aclient.post("/security/token", params={"type": "delegation", "scope": "all"})
    token = parse_xml(response.content).attrib["token"]
    assert token.startswith("transient-")
    async with httpx.AsyncClient(transport=aclient._transport, base_url="http://plex") as other:
        ok = await other.get("/library/sections", headers={"X-Plex-Token": token})
    assert ok.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/library/metadata/999999",
        "/library/metadata/999999/children",
        "/library/sections/99",
        "/library/sections/99/all",
        "/library/collections/1",
        "/playlists/1",
        "/no/such/endpoint",
        "/photo/:/transcode?url=/library/metadata/999999/thumb/1",
    ],
)
async def test_unknown_things_are_404(aclient: httpx.AsyncClient, path: str) -> None:
    assert (await aclient.get(path)).status_code == 404


async def test_trailing_slash_is_ignored(aclient: httpx.AsyncClient) -> None:
    assert (await aclient.get("/library/sections/")).status_code == 200


async def test_rows_are_trimmed_and_detail_is_full(aclient: httpx.AsyncClient) -> None:
    rows = await get_json(aclient, "/library/sections/1/all")
    row = rows["Metadata"][0]  # type: ignore[index]
    assert "Stream" not in row["Media"][0]["Part"][0] and "Guid" not in row
    assert set(row["Genre"][0]) == {"tag"}
    with_guids = await get_json(aclient, "/library/sections/1/all?includeGuids=1")
    assert with_guids["Metadata"][0]["Guid"]  # type: ignore[index]
    detail = await get_json(aclient, f"/library/metadata/{row['ratingKey']}")
    full = detail["Metadata"][0]  # type: ignore[index]
    assert full["Media"][0]["Part"][0]["Stream"] and {"id", "filter", "tag"} <= set(
        full["Genre"][0]
    )
    assert detail["librarySectionID"] == 1


async def test_sort_and_filters(aclient: httpx.AsyncClient) -> None:
    by_year = await get_json(aclient, "/library/sections/1/all?sort=year:desc")
    years = [m["year"] for m in by_year["Metadata"]]  # type: ignore[attr-defined]
    assert years == sorted(years, reverse=True)
    unwatched = await get_json(aclient, "/library/sections/1/all?unwatched=1")
    assert all(not m.get("viewCount") for m in unwatched["Metadata"])  # type: ignore[attr-defined]
    star_wars = await get_json(
        aclient, "/library/sections/1/all", params={"collection": "Star Wars Collection"}
    )
    assert star_wars["size"] == 7
    guid = await get_json(aclient, "/library/sections/1/all", params={"guid": "tmdb://11"})
    assert [m["title"] for m in guid["Metadata"]] == ["Star Wars"]  # type: ignore[attr-defined]
    by_guid = await get_json(aclient, "/library/all", params={"guid": "imdb://tt0076759"})
    assert by_guid["size"] == 1
    episodes = await get_json(aclient, "/library/sections/2/all?type=4&unwatched=0")
    every = await get_json(aclient, "/library/sections/2/all?type=4")
    assert episodes["size"] == every["size"]  # unwatched=0 is a flag PMS ignores
    watched = await get_json(aclient, "/library/sections/2/all?type=4&viewCount>>=0")
    assert all(m["type"] == "episode" and m["viewCount"] for m in watched["Metadata"])  # type: ignore[attr-defined]


async def test_show_children_and_leaves(aclient: httpx.AsyncClient) -> None:
    shows = await get_json(aclient, "/library/sections/2/all")
    show = shows["Metadata"][0]  # type: ignore[index]
    seasons = await get_json(aclient, f"/library/metadata/{show['ratingKey']}/children")
    assert seasons["Directory"][0]["title"] == "All episodes"  # type: ignore[index]
    assert {m["type"] for m in seasons["Metadata"]} == {"season"}  # type: ignore[attr-defined]
    bare = await get_json(
        aclient, f"/library/metadata/{show['ratingKey']}/children?excludeAllLeaves=1"
    )
    assert "Directory" not in bare
    leaves = await get_json(aclient, f"/library/metadata/{show['ratingKey']}/allLeaves")
    assert leaves["size"] == show["leafCount"]
    season = seasons["Metadata"][0]  # type: ignore[index]
    episodes = await get_json(aclient, f"/library/metadata/{season['ratingKey']}/children")
    assert episodes["grandparentTitle"] == show["title"]
    assert all(e["parentRatingKey"] == season["ratingKey"] for e in episodes["Metadata"])  # type: ignore[attr-defined]


async def test_put_metadata_edits_show_up_with_locks(aclient: httpx.AsyncClient) -> None:
    response = await aclient.put(
        "/library/metadata/3",
        params={
            "title.value": "Jedi Returns",
            "title.locked": "1",
            "summary.value": "Edited.",
            "label[0].tag.tag": "Favorite",
            "label.locked": "1",
        },
    )
    assert response.status_code == 200
    root = parse_xml((await aclient.get("/library/metadata/3")).content)
    video = root[0]
    assert video.attrib["title"] == "Jedi Returns" and video.attrib["summary"] == "Edited."
    locks = {f.attrib["name"]: f.attrib["locked"] for f in video.iter("Field")}
    assert locks == {"title": "1", "label": "1"}
    assert [label.attrib["tag"] for label in video.iter("Label")] == ["Favorite"]
    favorites = await get_json(aclient, "/library/sections/1/all", params={"label": "Favorite"})
    assert "Jedi Returns" in [m["title"] for m in favorites["Metadata"]]  # type: ignore[attr-defined]


async def test_put_section_all_edits_several_items(aclient: httpx.AsyncClient) -> None:
    response = await aclient.put(
        "/library/sections/1/all",
        params={
            "type": 1,
            "id": "1,2",
            "studio.value": "Lucasfilm",
            "genre[].tag.tag-": "Adventure",
        },
    )
    assert response.status_code == 200
    mc = await get_json(aclient, "/library/metadata/1,2,3")
    items = mc["Metadata"]  # type: ignore[index]
    assert [m["studio"] for m in items[:2]] == ["Lucasfilm", "Lucasfilm"]
    assert all("Adventure" not in [g["tag"] for g in m.get("Genre", [])] for m in items[:2])
    assert items[2]["studio"] != "Lucasfilm"
    missing = await aclient.put("/library/metadata/999999", params={"title.value": "x"})
    assert missing.status_code == 404


async def test_collections(aclient: httpx.AsyncClient) -> None:
    listing = await get_json(aclient, "/library/sections/1/collections")
    by_title = {c["title"]: c for c in listing["Metadata"]}  # type: ignore[attr-defined]
    star_wars = by_title["Star Wars Collection"]
    assert star_wars["childCount"] == 7 and star_wars["subtype"] == "movie"
    assert star_wars["key"] == f"/library/collections/{star_wars['ratingKey']}/children"
    for suffix in ("children", "items"):
        members = await get_json(aclient, f"/library/collections/{star_wars['ratingKey']}/{suffix}")
        assert members["size"] == 7
    itself = await get_json(aclient, f"/library/collections/{star_wars['ratingKey']}")
    assert itself["Metadata"][0]["type"] == "collection"  # type: ignore[index]
    assert by_title["Recently Added Sci-Fi"]["smart"] == "1"


async def test_hub_search(aclient: httpx.AsyncClient) -> None:
    mc = await get_json(aclient, "/hubs/search", params={"query": "star", "limit": 2})
    hubs = {h["hubIdentifier"]: h for h in mc["Hub"]}  # type: ignore[attr-defined]
    movies = hubs["movie"]
    assert movies["size"] == 2 and movies["more"] is True
    assert all("star" in m["title"].lower() for m in movies["Metadata"])
    assert {"show", "episode", "artist", "album", "track", "collection", "actor"} <= set(hubs)
    scoped = await get_json(aclient, "/hubs/search", params={"query": "star", "sectionId": 2})
    assert not any(h.get("Metadata") for h in scoped["Hub"] if h["hubIdentifier"] == "movie")  # type: ignore[attr-defined]


async def test_history_filters_and_pages(aclient: httpx.AsyncClient, fake: FakePlexServer) -> None:
    everything = await get_json(aclient, "/status/sessions/history/all")
    entries = everything["Metadata"]  # type: ignore[index]
    assert everything["size"] == len(fake.library.history) == 80
    assert [e["viewedAt"] for e in entries] == sorted(
        (e["viewedAt"] for e in entries), reverse=True
    )
    mine = await get_json(aclient, "/status/sessions/history/all", params={"accountID": 1})
    assert mine["Metadata"] and all(e["accountID"] == 1 for e in mine["Metadata"])  # type: ignore[attr-defined]
    movies = await get_json(aclient, "/status/sessions/history/all", params={"librarySectionID": 1})
    assert all(e["type"] == "movie" for e in movies["Metadata"])  # type: ignore[attr-defined]
    cutoff = entries[10]["viewedAt"]
    recent = await get_json(aclient, f"/status/sessions/history/all?viewedAt>={cutoff}")
    assert recent["size"] == 11
    oldest = await get_json(
        aclient, "/status/sessions/history/all?sort=viewedAt:asc&X-Plex-Container-Size=1"
    )
    assert oldest["Metadata"][0]["viewedAt"] == entries[-1]["viewedAt"]  # type: ignore[index]
    show_id = fake.library.items(fake.library.sections[2], 2)[0].rating_key
    of_show = await get_json(
        aclient, "/status/sessions/history/all", params={"metadataItemID": show_id}
    )
    for entry in of_show.get("Metadata", []):  # type: ignore[attr-defined]
        assert entry["type"] == "episode"


async def test_history_is_per_account_for_shared_users(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    alice = 4201337
    fake.add_token("alice-token", account_id=alice)
    fake.add_token("second-owner-token")  # account 1 by default: the owner
    everyone = {e["accountID"] for e in fake.library.history}
    assert {1, alice} < everyone, "the generated history has plays by several accounts"
    theirs = [e for e in fake.library.history if e["accountID"] == alice]

    async def get(path: str, token: str, **params: object) -> dict[str, object]:
        headers = {**JSON, "X-Plex-Token": token}
        response = await aclient.get(path, params=params, headers=headers)  # type: ignore[arg-type]
        assert response.status_code == 200, response.text
        return load_json(response.content)  # type: ignore[no-any-return]

    async def history(token: str, **params: object) -> list[dict[str, object]]:
        mc = await get("/status/sessions/history/all", token, **params)
        return mc.get("Metadata", [])  # type: ignore[return-value]

    owner = await history(fake.token)
    assert {e["accountID"] for e in owner} == everyone and len(owner) == 80
    assert len(await history("second-owner-token")) == 80
    own = await history("alice-token")
    assert [e["historyKey"] for e in own] == [e["historyKey"] for e in theirs]
    assert await history("alice-token", accountID=1) == []
    assert len(await history("alice-token", accountID=alice)) == len(theirs)
    page = await get("/status/sessions/history/all", "alice-token", **{"X-Plex-Container-Size": 2})
    assert (page["totalSize"], page["size"]) == (len(theirs), 2)
    minted = await get("/security/token", "alice-token", type="delegation", scope="all")
    assert {e["accountID"] for e in await history(str(minted["token"]))} == {alice}


async def test_sessions(aclient: httpx.AsyncClient) -> None:
    root = parse_xml((await aclient.get("/status/sessions")).content)
    assert [child.tag for child in root] == ["Video", "Video", "Track"]
    movie = root[0]
    assert {c.tag for c in movie} >= {"Media", "User", "Player", "Session", "TranscodeSession"}
    assert movie.find("Player").attrib["state"] == "playing"  # type: ignore[union-attr]


async def test_activities_list_and_cancel(aclient: httpx.AsyncClient, fake: FakePlexServer) -> None:
    scan = fake.library.start_activity("library.update.section", "Scanning Movies")
    fixed = fake.library.start_activity("media.generate.credits", "Credits", cancellable=False)
    listed = await get_json(aclient, "/activities")
    assert {a["uuid"] for a in listed["Activity"]} == {scan["uuid"], fixed["uuid"]}  # type: ignore[attr-defined]
    assert (await aclient.delete(f"/activities/{fixed['uuid']}")).status_code == 400
    assert (await aclient.delete(f"/activities/{scan['uuid']}")).status_code == 200
    assert (await aclient.delete(f"/activities/{scan['uuid']}")).status_code == 404
    assert (await get_json(aclient, "/activities"))["size"] == 1


async def test_playlists(aclient: httpx.AsyncClient) -> None:
    listing = await get_json(aclient, "/playlists")
    assert {p["playlistType"] for p in listing["Metadata"]} == {"video", "audio", "photo"}  # type: ignore[attr-defined]
    audio = await get_json(aclient, "/playlists", params={"playlistType": "audio"})
    playlist = audio["Metadata"][0]  # type: ignore[index]
    items = await get_json(aclient, f"/playlists/{playlist['ratingKey']}/items")
    assert items["size"] == playlist["leafCount"]
    assert all(m["type"] == "track" and "playlistItemID" in m for m in items["Metadata"])  # type: ignore[attr-defined]


async def test_photo_transcode_returns_an_image_of_the_asked_size(
    aclient: httpx.AsyncClient,
) -> None:
    response = await aclient.get(
        "/photo/:/transcode",
        params={"url": "/library/metadata/1/thumb/123", "width": 120, "height": 180},
    )
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert png_size(response.content) == (120, 180)
    art = await aclient.get("/library/metadata/1/art/123")
    assert png_size(art.content) == (1920, 1080)


def test_loopback_serves_the_same_data(client: httpx.Client, fake: FakePlexServer) -> None:
    response = client.get("/library/sections/1/all", headers={**JSON, "X-Plex-Container-Size": "3"})
    mc = response.json()["MediaContainer"]
    assert response.headers["X-Plex-Container-Total-Size"] == "40" and mc["size"] == 3
    assert client.get("/identity", headers={"X-Plex-Token": ""}).status_code == 200
    assert httpx.get(f"{fake.url}/library").status_code == 401
