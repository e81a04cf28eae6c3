"""The fake server's played state, hubs, playlist/collection writes, filters, media files,
transcoder and prefs over HTTP: the exact answers and the errors PMS gives."""

from __future__ import annotations

import httpx
import pytest
from fake_helpers import load_json

from plexkit.testing import FakePlexServer

pytestmark = pytest.mark.anyio
JSON = {"Accept": "application/json"}
LIB = "identifier=com.plexapp.plugins.library"


async def mc(
    client: httpx.AsyncClient, path: str, headers: dict[str, str] | None = None
) -> dict[str, object]:
    response = await client.get(path, headers={**JSON, **(headers or {})})
    assert response.status_code == 200, response.text
    return load_json(response.content)  # type: ignore[no-any-return]


async def item(client: httpx.AsyncClient, key: str) -> dict[str, object]:
    return (await mc(client, f"/library/metadata/{key}"))["Metadata"][0]  # type: ignore[index,no-any-return]


def unplayed_movie(fake: FakePlexServer) -> str:
    section = fake.library.sections[1]
    node = next(n for n in fake.library.items(section, 1) if not n.data.get("viewCount"))
    return str(node.rating_key)


async def test_scrobble_unscrobble_and_rate(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    key = unplayed_movie(fake)
    assert (await aclient.get(f"/:/scrobble?key={key}&{LIB}")).status_code == 200
    movie = await item(aclient, key)
    assert movie["viewCount"] == 1 and "lastViewedAt" in movie
    await aclient.get(f"/:/scrobble?key={key}&{LIB}")
    assert (await item(aclient, key))["viewCount"] == 2
    await aclient.get(f"/:/unscrobble?key={key}&{LIB}")
    movie = await item(aclient, key)
    assert "viewCount" not in movie and "lastViewedAt" not in movie
    assert (await aclient.put(f"/:/rate?key={key}&{LIB}&rating=8")).status_code == 200
    assert (await item(aclient, key))["userRating"] == 8.0
    await aclient.put(f"/:/rate?key={key}&{LIB}&rating=-1")
    assert "userRating" not in await item(aclient, key)


async def test_played_state_errors(aclient: httpx.AsyncClient) -> None:
    assert (await aclient.get(f"/:/scrobble?key=999999&{LIB}")).status_code == 404
    assert (await aclient.get("/:/scrobble?key=1&identifier=other")).status_code == 400
    assert (await aclient.get(f"/:/scrobble?{LIB}")).status_code == 400
    assert (await aclient.put(f"/:/rate?key=1&{LIB}&rating=11")).status_code == 400
    assert (await aclient.get(f"/:/progress?key=1&{LIB}&time=soon")).status_code == 400
    assert (await aclient.get("/:/timeline?ratingKey=1&time=5&state=flying")).status_code == 400


async def test_timeline_answers_like_pms(aclient: httpx.AsyncClient, fake: FakePlexServer) -> None:
    key = unplayed_movie(fake)
    path = f"/:/timeline?ratingKey={key}&key=/library/metadata/{key}&state=playing&time=75000"
    assert await mc(aclient, path) == {
        "playbackState": "playing",
        "size": 0,
        "skipCount": 0,
        "viewCount": 0,
        "viewOffset": 75000,
    }
    duration = int(fake.library.nodes[int(key)].data["duration"])
    done = await mc(aclient, f"/:/timeline?ratingKey={key}&state=stopped&time={duration}")
    assert done["viewCount"] == 1 and done["viewOffset"] == 0


async def test_each_account_sees_its_own_plays(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    fake.add_token("friend", 2)
    key = unplayed_movie(fake)
    friend = {"X-Plex-Token": "friend"}
    await aclient.get(f"/:/progress?key={key}&{LIB}&time=5000", headers=friend)
    mine = await item(aclient, key)
    theirs = await mc(aclient, f"/library/metadata/{key}", headers=friend)
    assert "viewOffset" not in mine
    assert theirs["Metadata"][0]["viewOffset"] == 5000  # type: ignore[index]
    deck = await mc(aclient, "/hubs/continueWatching/items", headers=friend)
    assert key in [m["ratingKey"] for m in deck.get("Metadata", [])]  # type: ignore[attr-defined]
    owner_deck = await mc(aclient, "/hubs/continueWatching/items")
    assert key not in [m["ratingKey"] for m in owner_deck.get("Metadata", [])]  # type: ignore[attr-defined]


async def test_marking_a_show_marks_its_episodes(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    show = fake.library.items(fake.library.sections[2], 2)[0]
    await aclient.get(f"/:/scrobble?key={show.rating_key}&{LIB}")
    data = await item(aclient, str(show.rating_key))
    assert data["viewedLeafCount"] == data["leafCount"]
    await aclient.get(f"/:/unscrobble?key={show.rating_key}&{LIB}")
    assert (await item(aclient, str(show.rating_key)))["viewedLeafCount"] == 0


async def test_hubs_shapes(aclient: httpx.AsyncClient) -> None:
    home = await mc(aclient, "/hubs")
    hubs = home["Hub"]
    assert hubs[0]["hubIdentifier"] == "home.continue" and hubs[0]["style"] == "hero"  # type: ignore[index]
    assert all(h["promoted"] for h in hubs)  # type: ignore[attr-defined]
    section = await mc(aclient, "/hubs/sections/1")
    assert section["librarySectionID"] == 1 and section["librarySectionUUID"]
    assert (await aclient.get("/hubs/sections/99")).status_code == 404
    recent = await mc(aclient, "/hubs/home/recentlyAdded?type=1&sectionID=1")
    added = [m["addedAt"] for m in recent["Metadata"]]  # type: ignore[attr-defined]
    assert added == sorted(added, reverse=True)


def server_uri(fake: FakePlexServer, path: str) -> str:
    machine = fake.library.server["machineIdentifier"]
    return f"server://{machine}/com.plexapp.plugins.library{path}"


async def test_playlist_writes(aclient: httpx.AsyncClient, fake: FakePlexServer) -> None:
    uri = server_uri(fake, "/library/metadata/1,2,3")
    created = await aclient.post(
        "/playlists",
        params={"uri": uri, "type": "video", "title": "Mine", "smart": "0"},
        headers=JSON,
    )
    playlist = load_json(created.content)["Metadata"][0]
    assert playlist["leafCount"] == 3 and playlist["smart"] is False
    key = playlist["ratingKey"]
    items = (await mc(aclient, f"/playlists/{key}/items"))["Metadata"]
    ids = [i["playlistItemID"] for i in items]  # type: ignore[attr-defined]
    move = await aclient.put(f"/playlists/{key}/items/{ids[2]}/move", params={"after": ids[0]})
    assert move.status_code == 200
    order = [i["ratingKey"] for i in (await mc(aclient, f"/playlists/{key}/items"))["Metadata"]]  # type: ignore[attr-defined]
    assert order == ["1", "3", "2"]
    assert (await aclient.delete(f"/playlists/{key}/items/{ids[0]}")).status_code == 200
    assert (await aclient.delete(f"/playlists/{key}/items/999999")).status_code == 404
    await aclient.put(f"/playlists/{key}", params={"title": "Ours"})
    assert (await mc(aclient, f"/playlists/{key}"))["Metadata"][0]["title"] == "Ours"  # type: ignore[index]
    assert (await aclient.delete(f"/playlists/{key}")).status_code == 200
    assert (await aclient.get(f"/playlists/{key}")).status_code == 404


async def test_playlist_errors(aclient: httpx.AsyncClient, fake: FakePlexServer) -> None:
    good = server_uri(fake, "/library/metadata/1")
    cases = [
        ({"uri": good, "type": "video"}, 400),  # no title
        ({"uri": good, "type": "film", "title": "x"}, 400),
        ({"uri": server_uri(fake, "/library/metadata/999999"), "type": "video", "title": "x"}, 404),
        (
            {
                "uri": "server://elsewhere/com.plexapp.plugins.library/library/metadata/1",
                "type": "video",
                "title": "x",
            },
            400,
        ),
        ({"uri": good, "type": "audio", "title": "x"}, 400),  # a movie in an audio playlist
    ]
    for query, status in cases:
        assert (await aclient.post("/playlists", params=query)).status_code == status, query


async def test_smart_playlist_follows_its_filter(
    aclient: httpx.AsyncClient, fake: FakePlexServer
) -> None:
    uri = server_uri(fake, "/library/sections/1/all?type=1&year<<=1990")
    created = await aclient.post(
        "/playlists",
        params={"uri": uri, "type": "video", "title": "Old", "smart": "1"},
        headers=JSON,
    )
    playlist = load_json(created.content)["Metadata"][0]
    assert playlist["smart"] is True
    assert playlist["content"].startswith("library://")
    years = [
        i["year"]
        for i in (await mc(aclient, f"/playlists/{playlist['ratingKey']}/items"))["Metadata"]
    ]  # type: ignore[attr-defined]
    assert years and all(y < 1990 for y in years)


async def test_collection_writes(aclient: httpx.AsyncClient, fake: FakePlexServer) -> None:
    uri = server_uri(fake, "/library/metadata/1,2")
    created = await aclient.post(
        "/library/collections",
        params={"uri": uri, "type": "1", "title": "Duo", "smart": "0", "sectionId": "1"},
        headers=JSON,
    )
    collection = load_json(created.content)["Metadata"][0]
    key = collection["ratingKey"]
    assert collection["childCount"] == 2 and collection["subtype"] == "movie"
    assert "Duo" in [t["tag"] for t in (await item(aclient, "1"))["Collection"]]  # type: ignore[attr-defined]
    await aclient.put(
        f"/library/collections/{key}/items", params={"uri": server_uri(fake, "/library/metadata/3")}
    )
    await aclient.delete(f"/library/collections/{key}/items/1")
    members = await mc(aclient, f"/library/collections/{key}/children")
    assert sorted(m["ratingKey"] for m in members["Metadata"]) == ["2", "3"]  # type: ignore[attr-defined]
    assert (
        await aclient.put(f"/library/collections/{key}/prefs?collectionMode=9")
    ).status_code == 400
    await aclient.put(f"/library/collections/{key}/prefs?collectionMode=2&collectionSort=1")
    detail = await mc(aclient, f"/library/collections/{key}?includePreferences=1")
    settings = {s["id"]: s["value"] for s in detail["Metadata"][0]["Preferences"]["Setting"]}  # type: ignore[index]
    assert settings == {"collectionMode": "2", "collectionSort": "1"}
    assert (await aclient.delete(f"/library/collections/{key}")).status_code == 200
    assert (await aclient.get(f"/library/collections/{key}")).status_code == 404
    assert "Collection" not in await item(aclient, "3") or "Duo" not in [
        t["tag"]
        for t in (await item(aclient, "3"))["Collection"]  # type: ignore[attr-defined]
    ]


async def test_or_filters_and_operators(aclient: httpx.AsyncClient) -> None:
    either = await mc(aclient, "/library/sections/1/all?push=1&year=1977&or=1&year=1980&pop=1")
    assert {m["year"] for m in either["Metadata"]} == {1977, 1980}  # type: ignore[attr-defined]
    both = await mc(
        aclient, "/library/sections/1/all?push=1&year=1977&or=1&year=1980&pop=1&title=Empire"
    )
    assert [m["year"] for m in both["Metadata"]] == [1980]  # type: ignore[attr-defined]
    assert (await aclient.get("/library/sections/1/all?push=1&year=1977")).status_code == 400
    assert (await aclient.get("/library/sections/1/all?pop=1")).status_code == 400
    not_star = await mc(aclient, "/library/sections/1/all?title!=Star")
    assert not_star["size"] and all("star" not in m["title"].lower() for m in not_star["Metadata"])  # type: ignore[attr-defined]
    after = await mc(aclient, "/library/sections/1/all?year>>=2000")
    assert all(m["year"] > 2000 for m in after["Metadata"])  # type: ignore[attr-defined]
    letter = await mc(aclient, "/library/sections/1/all?firstCharacter=S")
    assert letter["size"] and all(m["titleSort"].startswith("S") for m in letter["Metadata"])  # type: ignore[attr-defined]


async def test_flags_are_not_filters(aclient: httpx.AsyncClient) -> None:
    every = (await mc(aclient, "/library/sections/1/all"))["size"]
    flags = (
        "includeGuids=1&includeRelated=0&nocache=1&checkFiles=1&includeExtras=0"
        "&includePreferences=0&asyncAugmentMetadata=1&unwatched=0&includeCredits=0"
    )
    assert (await mc(aclient, f"/library/sections/1/all?{flags}"))["size"] == every


async def test_sorts_filters_first_characters_albums(aclient: httpx.AsyncClient) -> None:
    sorts = await mc(aclient, "/library/sections/1/sorts")
    assert sorts["Directory"][0]["key"] == "titleSort"  # type: ignore[index]
    filters = await mc(aclient, "/library/sections/1/filters")
    assert "genre" in [f["filter"] for f in filters["Directory"]]  # type: ignore[attr-defined]
    chars = await mc(aclient, "/library/sections/1/firstCharacter")
    assert (
        sum(c["size"] for c in chars["Directory"])
        == (await mc(aclient, "/library/sections/1/all"))["size"]
    )  # type: ignore[attr-defined]
    albums = await mc(aclient, "/library/sections/3/albums")
    assert albums["size"] and all(a["type"] == "album" for a in albums["Metadata"])  # type: ignore[attr-defined]
    assert (await aclient.get("/library/sections/1/albums")).status_code == 400
    assert (await mc(aclient, "/library/sections/all"))["Directory"]


async def test_part_ranges(aclient: httpx.AsyncClient, fake: FakePlexServer) -> None:
    part = fake.library.nodes[1].data["Media"][0]["Part"][0]
    size = int(part["size"])
    first = await aclient.get(part["key"], headers={"Range": "bytes=0-9"})
    assert first.status_code == 206 and len(first.content) == 10
    assert first.headers["content-range"] == f"bytes 0-9/{size}"
    tail = await aclient.get(part["key"], headers={"Range": "bytes=-5"})
    assert tail.headers["content-range"] == f"bytes {size - 5}-{size - 1}/{size}"
    again = await aclient.get(part["key"], headers={"Range": "bytes=5-14"})
    assert again.content[:5] == first.content[5:]
    bad = await aclient.get(part["key"], headers={"Range": f"bytes={size}-"})
    assert bad.status_code == 416 and bad.headers["content-range"] == f"bytes */{size}"
    head = await aclient.head(part["key"])
    assert head.status_code == 200 and head.headers["content-length"] == str(size)
    assert head.headers["accept-ranges"] == "bytes"
    wrong = part["key"].replace(f"/{part['id']}/", "/999999/")
    assert (await aclient.get(wrong, headers={"Range": "bytes=0-1"})).status_code == 404


async def test_transcode_decision_and_sessions(aclient: httpx.AsyncClient) -> None:
    decision = await mc(aclient, "/video/:/transcode/universal/decision?path=/library/metadata/1")
    assert decision["generalDecisionCode"] == 1000
    part = decision["Metadata"][0]["Media"][0]["Part"][0]  # type: ignore[index]
    assert part["decision"] == "directplay" and part["selected"] is True
    start = await aclient.get(
        "/video/:/transcode/universal/start.m3u8?path=/library/metadata/1&session=abc"
    )
    assert start.status_code == 200 and "#EXTM3U" in start.text
    sessions = await mc(aclient, "/transcode/sessions")
    keys = [s["key"] for s in sessions["TranscodeSession"]]  # type: ignore[attr-defined]
    assert len(keys) >= 2  # the playing session's and the one just started
    assert (await aclient.delete(f"/transcode/sessions/{keys[-1]}")).status_code == 200
    assert (
        await aclient.get("/video/:/transcode/universal/decision?path=/nowhere")
    ).status_code == 400
    assert (
        await aclient.get("/music/:/transcode/universal/decision?path=/library/metadata/1")
    ).status_code == 400


async def test_prefs_providers_clients(aclient: httpx.AsyncClient) -> None:
    prefs = await mc(aclient, "/:/prefs")
    by_id = {s["id"]: s for s in prefs["Setting"]}  # type: ignore[attr-defined]
    assert by_id["FriendlyName"]["value"] == "plexkit fake server"
    assert (await aclient.put("/:/prefs?NoSuchPref=1")).status_code == 400
    assert (await aclient.put("/:/prefs?autoEmptyTrash=maybe")).status_code == 400
    assert (await aclient.put("/:/prefs?ScheduledLibraryUpdateInterval=5")).status_code == 400
    assert (await aclient.put("/:/prefs?ScheduledLibraryUpdateInterval=3600")).status_code == 200
    changed = {s["id"]: s["value"] for s in (await mc(aclient, "/:/prefs"))["Setting"]}  # type: ignore[attr-defined]
    assert changed["ScheduledLibraryUpdateInterval"] == 3600
    providers = await mc(aclient, "/media/providers")
    provider = providers["MediaProvider"][0]  # type: ignore[index]
    assert provider["identifier"] == "com.plexapp.plugins.library"
    content = next(f for f in provider["Feature"] if f["type"] == "content")
    assert len(content["Directory"]) == 5  # Home + 4 sections
    assert (await mc(aclient, "/clients"))["size"] == 0


async def test_streams_carry_what_real_servers_send(aclient: httpx.AsyncClient) -> None:
    """aac audio streams have ``profile="lc"`` and subtitles a ``bitrate`` (as in
    plex-api.rs/server/media/metadata_108.json)."""
    found = {"aac": False, "srt": False}
    for key in range(1, 11):
        for media in (await item(aclient, str(key)))["Media"]:  # type: ignore[attr-defined]
            for stream in media["Part"][0]["Stream"]:
                if stream["codec"] == "aac":
                    assert stream["profile"] == "lc"
                    found["aac"] = True
                if stream["codec"] == "srt":
                    assert stream["bitrate"] == 0
                    found["srt"] = True
    assert all(found.values())
