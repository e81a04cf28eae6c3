"""The fake's responses have the shape of real Plex Media Server responses.

For each endpoint, a real capture (``data/``, see its README) is compared with the fake's answer
in the same format: every element the capture has must exist in the fake's answer, with every
attribute the capture's element has (unions over all occurrences). What the fake deliberately
does not model is listed in ``NOT_MODELLED`` / per case, with the reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from fake_helpers import shape_json, shape_xml
from shape_cases import ANY, EXTRA_CASES

from plexkit.testing import FakePlexServer, played
from plexkit.testing.extras import add_extra
from plexkit.testing.tokens import OWNER_ACCOUNT_ID

DATA = Path(__file__).parent / "data"

NOT_MODELLED: dict[str, set[str]] = {
    # usage counts of a tag across the library, computed by PMS on the fly
    **{tag: {"count"} for tag in ("Genre", "Director", "Writer", "Producer", "Country", "Role")},
    # play-skipping is not modelled, nor extras in generated data (one movie gets a trailer in
    # the fixture: plex-api.rs/metadata_182_* check its Extras; list rows have none)
    "Video": {"primaryExtraKey", "hasPremiumPrimaryExtra", "skipCount"},
    "Directory": {"primaryExtraKey", "skipCount"},
    "Metadata": {"primaryExtraKey", "hasPremiumPrimaryExtra", "skipCount"},
    # Dolby Vision / accessibility stream flags; file checks only happen with checkFiles=1
    "Stream": {
        "DOVIBLCompatID",
        "DOVIBLPresent",
        "DOVIELPresent",
        "DOVILevel",
        "DOVIPresent",
        "DOVIProfile",
        "DOVIRPUPresent",
        "DOVIVersion",
        "hearingImpaired",
        "original",
        "dub",
    },
    "Part": {"accessible", "exists"},
    # a typo in the official example (``"ownerFeatures\""``)
    "MediaContainer": {'ownerFeatures"'},
}
OLD_ROWS: dict[str, set[str]] = {
    # PMS before ~1.20 (and hand-edited fixtures) put full tags and section fields in list
    # rows; modern rows are trimmed (``{"tag": ...}``), which is what the fake serves
    "MediaContainer": {"title", "mixedParents"},
    "Video": {"librarySectionID", "librarySectionKey", "librarySectionTitle"},
    "Track": {"librarySectionID", "librarySectionKey", "librarySectionTitle"},
    **{
        tag: {"filter", "id", "role", "thumb"}
        for tag in ("Genre", "Director", "Writer", "Country", "Role")
    },
    "Producer": {ANY},
    "Stream": {ANY},
}

HUB_ROWS: dict[str, set[str]] = {
    **OLD_ROWS,
    "Video": {*OLD_ROWS["Video"], "parentYear"},  # on episodes: PMS sends it only for some
    # the capture's library has home videos (clips) and photos with tags the fake lacks
    "Photo": {ANY},
    "Media": {ANY},
    "Part": {ANY},
    "Tag": {ANY},
    "Playlist": {"lastViewedAt", "viewCount"},
}
STATIONS: dict[str, set[str]] = {
    # music radio stations are not modelled; the capture's only hub is one
    "Hub": {ANY},
    "Playlist": {ANY},
}
CASES: list[tuple[str, str, dict[str, set[str]]]] = [
    ("home-assistant-core/library_sections.xml", "/library/sections", {}),
    ("pms-openapi-examples/libraryGetSections__200__basic.json", "/library/sections", {}),
    ("plex-api-spec/get-all-libraries.response1.json", "/library/sections", {}),
    (
        "pms-openapi-examples/librarySectionGetSection__200__movie.json",
        "/library/sections/1",
        # the per-type Filter/Sort block of the section's own Directory is not served
        {"Directory": {"type"}, "Filter": {ANY}, "Sort": {ANY}},
    ),
    ("home-assistant-core/media_1.xml", "/library/metadata/{movies}", {}),
    ("plex-api.rs/metadata_108.json", "/library/metadata/{movies}", {}),
    ("plex-api-spec/get-media-meta-data.response2.json", "/library/metadata/{movies}", {}),
    ("plex-api-spec/get-media-meta-data.response1.json", "/library/metadata/{shows}", {}),
    (
        "plex-api-spec/get-media-meta-data.response3.json",
        "/library/metadata/{episodes}",
        # a foreign-language episode title; generated episodes have none
        {"Metadata": {"originalTitle"}},
    ),
    ("home-assistant-core/media_100.xml", "/library/metadata/{tracks}", {}),
    ("home-assistant-core/album.xml", "/library/metadata/{albums}", {}),
    ("plex-api.rs/metadata_161.json", "/library/metadata/{collection}", {}),
    ("plex-api.rs/metadata_168.json", "/library/metadata/{playlist}", {}),
    ("home-assistant-core/library_movies_all.xml", "/library/sections/1/all", OLD_ROWS),
    ("plex-api.rs/movie_library.json", "/library/sections/1/all?type=1", {}),
    (
        "plex-api-spec/get-library-all.response1.json",
        "/library/sections/1/all?type=1&includeMeta=1&X-Plex-Container-Start=0&X-Plex-Container-Size=50",
        {},
    ),
    ("plex-api-spec/get-library-all.response2.json", "/library/sections/2/all", {}),
    (
        "plex-api-spec/get-library-all.response3.json",
        "/library/sections/2/all?type=4&includeMeta=1&X-Plex-Container-Start=0&X-Plex-Container-Size=50",
        {},
    ),
    ("plex-api-spec/get-library-all.response4.json", "/library/sections/3/all?type=9", {}),
    ("home-assistant-core/library_tvshows_all.xml", "/library/sections/2/all", OLD_ROWS),
    ("plex-api.rs/tv_library.json", "/library/sections/2/all?type=2", {}),
    (
        "home-assistant-core/library_movies_size.xml",
        "/library/sections/1/all?X-Plex-Container-Start=0&X-Plex-Container-Size=0",
        {},
    ),
    ("plex-api.rs/tv_seasons.json", "/library/metadata/{show}/children", {}),
    ("plex-api.rs/tv_episodes.json", "/library/metadata/{season}/children", {}),
    ("home-assistant-core/children_20.xml", "/library/metadata/{season}/children", OLD_ROWS),
    ("plex-api.rs/music_library.json", "/library/sections/3/all?type=8", {}),
    ("plex-api.rs/music_albums.json", "/library/metadata/{artist}/children", {}),
    ("home-assistant-core/children_300.xml", "/library/metadata/{artist}/children", {}),
    (
        "plex-api.rs/music_tracks.json",
        "/library/metadata/{album}/children",
        # AAC tracks carry an audioProfile; the fake's tracks are FLAC/MP3
        {"Media": {"audioProfile"}, "Part": {"audioProfile"}},
    ),
    ("home-assistant-core/grandchildren_300.xml", "/library/metadata/{artist}/allLeaves", OLD_ROWS),
    ("plex-api.rs/photo_library.json", "/library/sections/4/all", {}),
    (
        "plex-api.rs/photo_album.json",
        "/library/metadata/{photoalbum}/children",
        # that album holds a nested album (art/composite); the fake's albums are flat
        {"Metadata": {"art", "composite"}},
    ),
    (
        "home-assistant-core/library_movies_collections.xml",
        "/library/sections/1/collections?includeMeta=1",
        {},
    ),
    ("home-assistant-core/playlists.xml", "/playlists", {}),
    ("pms-openapi-examples/playlistGetSlash__200__playlists.json", "/playlists", {}),
    (
        "home-assistant-core/session_base.xml",
        "/status/sessions",
        # streaming-protocol details of a transcode (dash segments) are not modelled
        {
            "Media": {"optimizedForStreaming", "protocol"},
            "Part": {"optimizedForStreaming", "protocol", "bitrate", "height", "width"},
            "Stream": {"bitrateMode"},
        },
    ),
    (
        "fuzeman-plex.py/status/sessions.xml",
        "/status/sessions",
        # a locked field on the playing item; the generated session items have no locks
        {"Field": {ANY}},
    ),
    (
        "pms-openapi-examples/statusGetHistoryAll__200__aHistory.json",
        "/status/sessions/history/all?X-Plex-Container-Start=0&X-Plex-Container-Size=5",
        {},
    ),
    ("pms-openapi-examples/activitiesGetSlash__200__activity.json", "/activities", {}),
    ("home-assistant-core/security_token.xml", "/security/token", {}),
    ("pms-openapi-examples/securityPostToken__200__token.json", "/security/token", {}),
    ("pms-openapi-examples/getIdentity__200__identity.json", "/identity", {}),
    ("pms-openapi-examples/getSlash__200__info.json", "/", {}),
    ("home-assistant-core/plex_server_base.xml", "/", {}),
    ("home-assistant-core/plex_server_accounts.xml", "/accounts", {}),
    (
        "plexdevices/xml_samples.HUB_SEARCH.xml",
        "/hubs/search?query=e&limit=3",
        # PMS 0.9 put OnDeck, Location and full streams into search rows
        {"OnDeck": {ANY}, "Location": {ANY}, "Stream": {ANY}, "Writer": {"id"}, "Director": {"id"}},
    ),
    (
        "plex-api-spec/get-hubs-search.response1.json",
        "/hubs/search?query=e",
        # relevance reasons ("because you watched ...") are not modelled
        {"Directory": {"reason", "reasonID", "reasonTitle"}},
    ),
    (
        "pms-openapi-examples/hubsGetSearch__200__simpson.json",
        "/hubs/search?query=ar",
        # the spec's hand-written example puts the show in "Directory" (real PMS JSON uses
        # "Metadata", see get-hubs-search.response1) and marks rows with a synthetic "more"
        {"Directory": {ANY}, "Metadata": {"more"}},
    ),
    (
        "plex-api-spec/get-search-library.response1.json",
        "/library/search?query=the",
        {"Location": {ANY}},
    ),
    ("plex-api-spec/get-library-genres.response1.json", "/library/sections/1/genre", {}),
    ("fuzeman-plex.py/library/recently_added.xml", "/library/recentlyAdded", {}),
    ("home-assistant-core/library_movies_sort.xml", "/library/sections/1/sorts", {}),
    *EXTRA_CASES,
    ("home-assistant-core/hubs.xml", "/hubs", HUB_ROWS),
    ("home-assistant-core/hubs_library_section.xml", "/hubs/sections/1", STATIONS),
    (
        "plex-api.rs/timeline.json",
        "/:/timeline?ratingKey={movie}&key=/library/metadata/{movie}&state=playing&time=75000",
        {},
    ),
]


def real_shape(name: str) -> dict[str, set[str]]:
    raw = (DATA / name).read_text(encoding="utf-8")
    if name.endswith(".json"):
        return shape_json(json.loads(raw)["MediaContainer"])
    # Home Assistant's str.format() templates
    raw = raw.replace("{user_id}", "1").replace("{name}", "n").replace("{machine_identifier}", "m")
    return shape_xml(raw)


def missing(
    real: dict[str, set[str]], fake: dict[str, set[str]], skip: dict[str, set[str]]
) -> dict[str, set[str]]:
    gaps: dict[str, set[str]] = {}
    for element, keys in real.items():
        ignored = NOT_MODELLED.get(element, set()) | skip.get(element, set())
        if ANY in ignored:
            continue
        if element not in fake:
            gaps[element] = {"<element>"}
            continue
        lacking = keys - fake[element] - ignored
        if lacking:
            gaps[element] = lacking
    return gaps


@pytest.fixture(scope="module")
def server() -> FakePlexServer:
    """A server in the state the captures were taken in: a movie with a trailer, one half
    watched, one rated, an episode played."""
    server = FakePlexServer(movies=60, shows=6, artists=3, photo_albums=2)
    library = server.library
    library.start_activity("library.update.section", "Scanning", subtitle="Movies")
    movie = library.nodes[int(placeholders(server)["movie"])]
    add_extra(library, movie, "Official Trailer")
    by_title = sorted(library.items(library.sections[1], 1), key=lambda n: n.data["titleSort"])
    for started in (movie, by_title[1]):  # the second is on the spec's page (start=1, size=5)
        played.progress(library, OWNER_ACCOUNT_ID, started, 600_000, int(started.data["duration"]))
    played.rate(library, OWNER_ACCOUNT_ID, by_title[2], 8.0)
    played.scrobble(library, OWNER_ACCOUNT_ID, library.items(library.sections[2], 4)[0])
    return server


def placeholders(server: FakePlexServer) -> dict[str, str]:
    """``{movie}``: a movie's key (one with plays, if any); ``{movies}``: up to 40 keys."""
    by_kind: dict[str, list[str]] = {}
    played = sorted(server.library.nodes.values(), key=lambda n: not n.data.get("viewCount"))
    for node in played:
        by_kind.setdefault(node.kind, []).append(str(node.rating_key))
    values = {kind: keys[0] for kind, keys in by_kind.items()}
    values.update({f"{kind}s": ",".join(keys[:40]) for kind, keys in by_kind.items()})
    return values


@pytest.mark.anyio
@pytest.mark.parametrize(("capture", "path", "skip"), CASES, ids=[c[0] for c in CASES])
async def test_shape_matches_capture(
    server: FakePlexServer, capture: str, path: str, skip: dict[str, set[str]], anyio_backend: str
) -> None:
    url = path.format(**placeholders(server))
    is_json = capture.endswith(".json")
    async with httpx.AsyncClient(
        transport=server.asgi_transport(),
        base_url="http://plex",
        headers={
            "X-Plex-Token": server.token,
            **({"Accept": "application/json"} if is_json else {}),
        },
    ) as client:
        response = await client.get(url)
    assert response.status_code == 200, response.text
    fake = shape_json(response.json()["MediaContainer"]) if is_json else shape_xml(response.content)
    assert missing(real_shape(capture), fake, skip) == {}
