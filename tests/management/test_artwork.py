"""Posters and backgrounds against the fake server: list, upload by URL and by bytes, select,
lock; an image the server cannot fetch and an upload that is not an image fail clearly."""

from __future__ import annotations

from typing import Any

import anyio
import anyio.to_thread
import httpx
import pytest
from mgmt_helpers import Env, first_movie, resolve
from plexapi.server import PlexServer

from plexkit import ConfigurationError, NotFoundError, PlexClient, ServerError
from plexkit.models.management import Artwork
from plexkit.testing import FakePlexServer
from plexkit.testing.images import png

pytestmark = pytest.mark.anyio

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


async def test_list_and_select(env: Env) -> None:
    rk = first_movie(env).rating_key
    posters = await resolve(env.plex.artworks.posters(rk))
    arts = await resolve(env.plex.artworks.arts(rk))
    assert len(posters) == 2 and all(isinstance(p, Artwork) for p in posters)
    assert [p.selected for p in posters] == [True, False] and len(arts) == 2
    thumb_before = (await resolve(env.plex.metadata.get(rk))).thumb

    await resolve(env.plex.artworks.select_poster(rk, posters[1]))
    await resolve(env.plex.artworks.select_art(rk, arts[1].rating_key))
    posters = await resolve(env.plex.artworks.posters(rk))
    arts = await resolve(env.plex.artworks.arts(rk))
    assert [p.selected for p in posters] == [False, True]
    assert [a.selected for a in arts] == [False, True]
    item = await resolve(env.plex.metadata.get(rk))
    assert item.thumb != thumb_before and item.thumb.startswith(f"/library/metadata/{rk}/thumb/")


async def test_upload_by_url_and_by_bytes(env: Env) -> None:
    rk = first_movie(env, 1).rating_key
    await resolve(
        env.plex.artworks.upload_poster(rk, url="https://image.tmdb.org/t/p/original/heat.jpg")
    )
    posters = await resolve(env.plex.artworks.posters(rk))
    uploaded = [p for p in posters if p.selected]
    assert len(posters) == 3 and len(uploaded) == 1
    assert uploaded[0].rating_key.startswith("upload://posters/")

    image = png(60, 90, "art")
    await resolve(env.plex.artworks.upload_art(rk, data=image, lock=True))
    arts = await resolve(env.plex.artworks.arts(rk))
    [selected] = [a for a in arts if a.selected]
    assert selected.rating_key.startswith("upload://arts/")
    assert "art" in await resolve(env.plex.metadata.locked_fields(rk))
    headers = {"X-Plex-Token": env.server.token}
    served = await anyio.to_thread.run_sync(
        lambda: httpx.get(env.url + selected.key, headers=headers, timeout=10)
    )
    assert served.content == image

    await resolve(env.plex.artworks.upload_poster(rk, data=JPEG))
    assert len(await resolve(env.plex.artworks.posters(rk))) == 4


async def test_lock_and_unlock(env: Env) -> None:
    rk = first_movie(env, 2).rating_key
    await resolve(env.plex.artworks.lock_poster(rk))
    await resolve(env.plex.artworks.lock_art(rk))
    assert {"poster", "art"} <= await resolve(env.plex.metadata.locked_fields(rk))
    theirs = env.plexapi().fetchItem(int(rk))
    assert theirs.isLocked("thumb") and theirs.isLocked("art")
    await resolve(env.plex.artworks.unlock_poster(rk))
    await resolve(env.plex.artworks.unlock_art(rk))
    assert not {"poster", "art"} & await resolve(env.plex.metadata.locked_fields(rk))


async def test_an_image_the_server_cannot_fetch(env: Env) -> None:
    rk = first_movie(env, 3).rating_key
    for url in ("https://images.invalid/poster.jpg", "https://example.com/readme.txt"):
        with pytest.raises(ServerError) as caught:
            await resolve(env.plex.artworks.upload_poster(rk, url=url))
        assert caught.value.status_code == 500
        assert "could not fetch or decode the image at the given URL" in str(caught.value)
    assert len(await resolve(env.plex.artworks.posters(rk))) == 2


async def test_an_upload_that_is_not_an_image_fails_before_any_request(env: Env) -> None:
    rk = first_movie(env, 4).rating_key
    env.server.requests.clear()
    for bad in (b"<html>not an image</html>", b"", b"GIF8"):
        with pytest.raises(ConfigurationError):
            await resolve(env.plex.artworks.upload_poster(rk, data=bad))
    with pytest.raises(ConfigurationError):
        await resolve(env.plex.artworks.upload_poster(rk, url="ftp://example.com/a.jpg"))
    with pytest.raises(ConfigurationError):
        await resolve(env.plex.artworks.upload_poster(rk, url="https://x/a.jpg", data=JPEG))
    with pytest.raises(ConfigurationError):
        await resolve(env.plex.artworks.select_poster(rk, ""))
    assert len(env.server.requests) == 0


async def test_unknown_items_and_artwork(env: Env) -> None:
    with pytest.raises(NotFoundError):
        await resolve(env.plex.artworks.posters(987654))
    with pytest.raises(NotFoundError):
        await resolve(env.plex.artworks.upload_poster(987654, data=JPEG))
    rk = first_movie(env, 5).rating_key
    with pytest.raises(NotFoundError):
        await resolve(env.plex.artworks.select_poster(rk, "upload://posters/nothing"))


def test_the_fake_rejects_what_pms_rejects(server: FakePlexServer, url: str) -> None:
    """Straight at the fake (no plexkit checks): PMS answers 500 to unusable uploads."""
    rk = server.library.items(server.library.section(1), 1)[0].rating_key
    headers = {"X-Plex-Token": server.token}
    with httpx.Client(base_url=url, headers=headers, timeout=10) as http:
        bad_body = http.post(f"/library/metadata/{rk}/posters", content=b"plain text")
        bad_url = http.post(
            f"/library/metadata/{rk}/posters", params={"url": "http://nowhere.invalid/x.png"}
        )
        good = http.post(f"/library/metadata/{rk}/posters", content=png(10, 10, "x"))
    assert (bad_body.status_code, bad_url.status_code, good.status_code) == (500, 500, 200)


def test_plexapi_sees_uploads_and_selection(server: FakePlexServer, url: str) -> None:
    rk = server.library.items(server.library.section(1), 1)[6].rating_key
    with PlexClient(url, token=server.token) as plex:
        plex.artworks.upload_poster(rk, url="https://image.tmdb.org/t/p/original/x.jpg")
        ours = plex.artworks.posters(rk)
        movie: Any = PlexServer(url, server.token).fetchItem(rk)
        theirs = movie.posters()
        assert [(p.ratingKey, p.selected) for p in theirs] == [
            (p.rating_key, p.selected) for p in ours
        ]
        movie.setPoster(theirs[0])
        assert [p.selected for p in plex.artworks.posters(rk)] == [True, False, False]
