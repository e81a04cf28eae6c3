"""Every item type narrows every typed listing in both clients: tests/typing/test_user_script.py
checks each ``assert_type`` here with ``mypy --strict`` and pyright strict."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

from typing_extensions import assert_type

from plexkit import AsyncPage, AsyncPlexClient, Page, PlexClient
from plexkit.models import (
    Album,
    Artist,
    Clip,
    Collection,
    Episode,
    Movie,
    Photo,
    PhotoAlbum,
    Playlist,
    Season,
    Show,
    Track,
)


def sync_listings(plex: PlexClient) -> None:
    assert_type(plex.library.items("1", type="movie"), Page[Movie])
    assert_type(plex.library.iter_items("1", type="movie"), Iterator[Movie])
    assert_type(plex.library.search("q", type="movie"), tuple[Movie, ...])
    assert_type(plex.library.recently_added(type="movie"), tuple[Movie, ...])
    assert_type(plex.library.items("1", type="show"), Page[Show])
    assert_type(plex.library.iter_items("1", type="show"), Iterator[Show])
    assert_type(plex.library.search("q", type="show"), tuple[Show, ...])
    assert_type(plex.library.recently_added(type="show"), tuple[Show, ...])
    assert_type(plex.library.items("1", type="season"), Page[Season])
    assert_type(plex.library.iter_items("1", type="season"), Iterator[Season])
    assert_type(plex.library.search("q", type="season"), tuple[Season, ...])
    assert_type(plex.library.recently_added(type="season"), tuple[Season, ...])
    assert_type(plex.library.items("1", type="episode"), Page[Episode])
    assert_type(plex.library.iter_items("1", type="episode"), Iterator[Episode])
    assert_type(plex.library.search("q", type="episode"), tuple[Episode, ...])
    assert_type(plex.library.recently_added(type="episode"), tuple[Episode, ...])
    assert_type(plex.library.items("1", type="trailer"), Page[Clip])
    assert_type(plex.library.iter_items("1", type="trailer"), Iterator[Clip])
    assert_type(plex.library.search("q", type="trailer"), tuple[Clip, ...])
    assert_type(plex.library.recently_added(type="trailer"), tuple[Clip, ...])
    assert_type(plex.library.items("1", type="artist"), Page[Artist])
    assert_type(plex.library.iter_items("1", type="artist"), Iterator[Artist])
    assert_type(plex.library.search("q", type="artist"), tuple[Artist, ...])
    assert_type(plex.library.recently_added(type="artist"), tuple[Artist, ...])
    assert_type(plex.library.items("1", type="album"), Page[Album])
    assert_type(plex.library.iter_items("1", type="album"), Iterator[Album])
    assert_type(plex.library.search("q", type="album"), tuple[Album, ...])
    assert_type(plex.library.recently_added(type="album"), tuple[Album, ...])
    assert_type(plex.library.items("1", type="track"), Page[Track])
    assert_type(plex.library.iter_items("1", type="track"), Iterator[Track])
    assert_type(plex.library.search("q", type="track"), tuple[Track, ...])
    assert_type(plex.library.recently_added(type="track"), tuple[Track, ...])
    assert_type(plex.library.items("1", type="photoalbum"), Page[PhotoAlbum])
    assert_type(plex.library.iter_items("1", type="photoalbum"), Iterator[PhotoAlbum])
    assert_type(plex.library.search("q", type="photoalbum"), tuple[PhotoAlbum, ...])
    assert_type(plex.library.recently_added(type="photoalbum"), tuple[PhotoAlbum, ...])
    assert_type(plex.library.items("1", type="photo"), Page[Photo])
    assert_type(plex.library.iter_items("1", type="photo"), Iterator[Photo])
    assert_type(plex.library.search("q", type="photo"), tuple[Photo, ...])
    assert_type(plex.library.recently_added(type="photo"), tuple[Photo, ...])
    assert_type(plex.library.items("1", type="playlist"), Page[Playlist])
    assert_type(plex.library.iter_items("1", type="playlist"), Iterator[Playlist])
    assert_type(plex.library.search("q", type="playlist"), tuple[Playlist, ...])
    assert_type(plex.library.recently_added(type="playlist"), tuple[Playlist, ...])
    assert_type(plex.library.items("1", type="collection"), Page[Collection])
    assert_type(plex.library.iter_items("1", type="collection"), Iterator[Collection])
    assert_type(plex.library.search("q", type="collection"), tuple[Collection, ...])
    assert_type(plex.library.recently_added(type="collection"), tuple[Collection, ...])


async def async_listings(plex: AsyncPlexClient) -> None:
    assert_type(await plex.library.items("1", type="movie"), AsyncPage[Movie])
    assert_type(plex.library.iter_items("1", type="movie"), AsyncIterator[Movie])
    assert_type(await plex.library.search("q", type="movie"), tuple[Movie, ...])
    assert_type(await plex.library.recently_added(type="movie"), tuple[Movie, ...])
    assert_type(await plex.library.items("1", type="show"), AsyncPage[Show])
    assert_type(plex.library.iter_items("1", type="show"), AsyncIterator[Show])
    assert_type(await plex.library.search("q", type="show"), tuple[Show, ...])
    assert_type(await plex.library.recently_added(type="show"), tuple[Show, ...])
    assert_type(await plex.library.items("1", type="season"), AsyncPage[Season])
    assert_type(plex.library.iter_items("1", type="season"), AsyncIterator[Season])
    assert_type(await plex.library.search("q", type="season"), tuple[Season, ...])
    assert_type(await plex.library.recently_added(type="season"), tuple[Season, ...])
    assert_type(await plex.library.items("1", type="episode"), AsyncPage[Episode])
    assert_type(plex.library.iter_items("1", type="episode"), AsyncIterator[Episode])
    assert_type(await plex.library.search("q", type="episode"), tuple[Episode, ...])
    assert_type(await plex.library.recently_added(type="episode"), tuple[Episode, ...])
    assert_type(await plex.library.items("1", type="trailer"), AsyncPage[Clip])
    assert_type(plex.library.iter_items("1", type="trailer"), AsyncIterator[Clip])
    assert_type(await plex.library.search("q", type="trailer"), tuple[Clip, ...])
    assert_type(await plex.library.recently_added(type="trailer"), tuple[Clip, ...])
    assert_type(await plex.library.items("1", type="artist"), AsyncPage[Artist])
    assert_type(plex.library.iter_items("1", type="artist"), AsyncIterator[Artist])
    assert_type(await plex.library.search("q", type="artist"), tuple[Artist, ...])
    assert_type(await plex.library.recently_added(type="artist"), tuple[Artist, ...])
    assert_type(await plex.library.items("1", type="album"), AsyncPage[Album])
    assert_type(plex.library.iter_items("1", type="album"), AsyncIterator[Album])
    assert_type(await plex.library.search("q", type="album"), tuple[Album, ...])
    assert_type(await plex.library.recently_added(type="album"), tuple[Album, ...])
    assert_type(await plex.library.items("1", type="track"), AsyncPage[Track])
    assert_type(plex.library.iter_items("1", type="track"), AsyncIterator[Track])
    assert_type(await plex.library.search("q", type="track"), tuple[Track, ...])
    assert_type(await plex.library.recently_added(type="track"), tuple[Track, ...])
    assert_type(await plex.library.items("1", type="photoalbum"), AsyncPage[PhotoAlbum])
    assert_type(plex.library.iter_items("1", type="photoalbum"), AsyncIterator[PhotoAlbum])
    assert_type(await plex.library.search("q", type="photoalbum"), tuple[PhotoAlbum, ...])
    assert_type(await plex.library.recently_added(type="photoalbum"), tuple[PhotoAlbum, ...])
    assert_type(await plex.library.items("1", type="photo"), AsyncPage[Photo])
    assert_type(plex.library.iter_items("1", type="photo"), AsyncIterator[Photo])
    assert_type(await plex.library.search("q", type="photo"), tuple[Photo, ...])
    assert_type(await plex.library.recently_added(type="photo"), tuple[Photo, ...])
    assert_type(await plex.library.items("1", type="playlist"), AsyncPage[Playlist])
    assert_type(plex.library.iter_items("1", type="playlist"), AsyncIterator[Playlist])
    assert_type(await plex.library.search("q", type="playlist"), tuple[Playlist, ...])
    assert_type(await plex.library.recently_added(type="playlist"), tuple[Playlist, ...])
    assert_type(await plex.library.items("1", type="collection"), AsyncPage[Collection])
    assert_type(plex.library.iter_items("1", type="collection"), AsyncIterator[Collection])
    assert_type(await plex.library.search("q", type="collection"), tuple[Collection, ...])
    assert_type(await plex.library.recently_added(type="collection"), tuple[Collection, ...])
