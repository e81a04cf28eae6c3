"""Generated accounts, collections, playlists, watch history and playback sessions."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from plexkit.testing import catalog
from plexkit.testing.generation import values as v
from plexkit.testing.generation.video import TV_COLLECTION
from plexkit.testing.store import Node, Section

if TYPE_CHECKING:
    from plexkit.testing.library import FakeLibrary

ACCOUNTS = ((1, "plexadmin"), (4201337, "alice"), (5123456, "bob"), (7654321, "carol"))
PLAYERS = (
    {
        "address": "192.168.1.23",
        "device": "SHIELD Android TV",
        "machineIdentifier": "9a3c1f2e7b6d4c58-com-plexapp-android",
        "model": "darcy",
        "platform": "Android",
        "platformVersion": "11",
        "product": "Plex for Android (TV)",
        "deviceClass": "stb",
        "profile": "Android",
        "remotePublicAddress": "203.0.113.7",
        "title": "Living Room",
        "vendor": "NVIDIA",
        "version": "10.12.0.1234",
    },
    {
        "address": "192.168.1.40",
        "device": "Linux",
        "machineIdentifier": "k3j8x2m9q4w7e1r5t6y0u2i8",
        "model": "bundled",
        "platform": "Chrome",
        "platformVersion": "126.0",
        "product": "Plex Web",
        "profile": "Web",
        "remotePublicAddress": "203.0.113.7",
        "title": "Chrome",
        "vendor": "",
        "version": "4.128.1",
    },
    {
        "address": "192.168.1.77",
        "device": "iPhone",
        "machineIdentifier": "5B1E9F0C-4A2D-4E7B-9C3A-1D2E3F4A5B6C",
        "model": "iPhone15,2",
        "platform": "iOS",
        "platformVersion": "17.5",
        "product": "Plexamp",
        "profile": "iOS",
        "remotePublicAddress": "198.51.100.20",
        "title": "Carol's iPhone",
        "vendor": "Apple",
        "version": "4.11.0",
    },
)

DEVICES = (
    (PLAYERS[1]["title"], PLAYERS[1]["platform"], PLAYERS[1]["machineIdentifier"]),
    (PLAYERS[0]["title"], PLAYERS[0]["platform"], PLAYERS[0]["machineIdentifier"]),
    ("Bedroom TV", "Roku", "c7f2a9e4b1d34f6a8e0b5c2d9f1a3e7b"),
    (PLAYERS[2]["title"], PLAYERS[2]["platform"], PLAYERS[2]["machineIdentifier"]),
)
"""``(name, platform, clientIdentifier)`` of the device each account plays on: device ``n``
(the ``deviceID`` of history rows) is the ``n``-th account's in `ACCOUNTS`."""


def collections(
    library: FakeLibrary,
    movies: Section,
    tv: Section,
    movie_nodes: list[Node],
    show_nodes: list[Node],
) -> None:
    """The franchise collections present, a smart sci-fi one and a tagged TV one."""
    present = {tag["tag"] for node in movie_nodes for tag in node.data.get("Collection", ())}
    for franchise in catalog.FRANCHISES:
        if franchise.title in present:
            library.add_collection(
                movies,
                franchise.title,
                summary=f"The {franchise.title.removesuffix(' Collection')} films.",
                added_at=v.BASE_TIME - 400 * 86400,
            )
    if movie_nodes:
        library.add_collection(
            movies,
            "Recently Added Sci-Fi",
            smart_query=f"/library/sections/{movies.key}/all?type=1&genre=Science%20Fiction"
            "&sort=addedAt:desc&limit=25",
            added_at=v.BASE_TIME - 200 * 86400,
        )
    if any(node.data.get("Collection") for node in show_nodes):
        library.add_collection(tv, TV_COLLECTION, added_at=v.BASE_TIME - 100 * 86400)


def playlists(
    library: FakeLibrary,
    rng: random.Random,
    movies: list[Node],
    episodes: list[Node],
    tracks: list[Node],
    photos: list[Node],
) -> None:
    """One playlist of each kind: movies, episodes, tracks and photos."""
    added = v.BASE_TIME - 30 * 86400
    if movies:
        library.add_playlist(
            "Movie Night",
            rng.sample(movies, min(8, len(movies))),
            added_at=added,
            viewCount=2,
            lastViewedAt=added + 86400,
        )
    if episodes:
        library.add_playlist("Binge List", episodes[:12], added_at=added + 60)
    if tracks:
        library.add_playlist(
            "Road Trip",
            rng.sample(tracks, min(15, len(tracks))),
            playlist_type="audio",
            added_at=added + 120,
        )
    if photos:
        library.add_playlist(
            "Holiday Photos", photos[:10], playlist_type="photo", added_at=added + 180
        )


def history(library: FakeLibrary, rng: random.Random, items: list[Node], count: int) -> None:
    """``count`` plays spread over a year, mostly by the owner."""
    if not items:
        return
    account_ids = [a for a, _ in ACCOUNTS]
    for position in range(count):
        item = rng.choice(items)
        account = rng.choices(account_ids, (50, 20, 20, 10))[0]
        viewed_at = v.BASE_TIME - int(position * 365 * 86400 / max(count, 1)) - rng.randrange(600)
        library.add_history(item, account, viewed_at, device_id=1 + account_ids.index(account))


def sessions(
    library: FakeLibrary, movies: list[Node], episodes: list[Node], tracks: list[Node]
) -> None:
    """Three sessions: a movie transcoding, an episode and a track playing directly."""
    if movies:
        movie = movies[-1]
        library.add_session(
            movie,
            4201337,
            PLAYERS[0],
            view_offset=int(movie.data["duration"]) // 4,
            transcode=True,
        )
    if episodes:
        episode = episodes[len(episodes) // 2]
        library.add_session(episode, 1, PLAYERS[1], view_offset=int(episode.data["duration"]) // 2)
    if tracks:
        library.add_session(tracks[0], 7654321, PLAYERS[2], view_offset=60_000)
