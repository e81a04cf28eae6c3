"""Image and stream URLs, and transient tokens: a token only when asked, transient first,
never printed."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio.to_thread
import httpx
import pytest
from mgmt_helpers import Env, first_movie, resolve

from plexkit import ConfigurationError, ForbiddenError
from plexkit._core.urls import SecretURL
from plexkit._redact import get_logger, redact_text
from plexkit.testing.images import png_size

pytestmark = pytest.mark.anyio


async def fetch(url: str, **headers: str) -> httpx.Response:
    return await anyio.to_thread.run_sync(lambda: httpx.get(url, headers=headers, timeout=10))


def local(env: Env, url: str) -> str:
    """The URL on the fake's loopback address (the in-process client has a made-up host)."""
    parts = urlsplit(url)
    return env.url + parts.path + (f"?{parts.query}" if parts.query else "")


async def test_image_urls_without_a_token(env: Env) -> None:
    item = await resolve(env.plex.metadata.get(first_movie(env).rating_key))
    plain = await resolve(env.plex.urls.image(item.thumb))
    assert plain == env.plex.base_url + item.thumb and "Token" not in plain
    resized = await resolve(env.plex.urls.image(item.thumb, width=120, height=180))
    parts = urlsplit(resized)
    assert parts.path == "/photo/:/transcode"
    assert parse_qs(parts.query) == {
        "width": ["120"],
        "height": ["180"],
        "minSize": ["1"],
        "upscale": ["1"],
        "url": [item.thumb],
    }
    answer = await fetch(local(env, resized), **{"X-Plex-Token": env.server.token})
    assert answer.status_code == 200 and png_size(answer.content) == (120, 180)
    refused = await fetch(local(env, resized))
    assert refused.status_code == 401, "without a token the server refuses it"


async def test_a_requested_token_is_a_transient_one(env: Env, caplog: Any) -> None:
    item = await resolve(env.plex.metadata.get(first_movie(env, 1).rating_key))
    env.server.requests.clear()
    url = await resolve(env.plex.urls.image(item.art, width=64, include_token=True))
    again = await resolve(env.plex.urls.image(item.thumb, include_token=True))
    assert isinstance(url, SecretURL) and isinstance(again, SecretURL)
    token = parse_qs(urlsplit(url).query)["X-Plex-Token"][0]
    assert token.startswith("transient-") and token != env.server.token
    assert env.server.requests.count("/security/token") == 1, "the transient token is reused"
    assert token not in repr(url) and token not in url.redacted
    assert token not in redact_text(f"fetching {url}")
    answer = await fetch(local(env, url))
    assert answer.status_code == 200 and png_size(answer.content)[0] == 64
    with caplog.at_level(logging.DEBUG, logger="plexkit"):
        get_logger("plexkit.tests.urls").info("url=%s", url)
    assert token not in caplog.text


async def test_permanent_token_and_fallback(env: Env, caplog: Any) -> None:
    path = "/library/metadata/1/thumb/1"
    permanent = await resolve(env.plex.urls.image(path, include_token="permanent"))
    assert parse_qs(urlsplit(permanent).query)["X-Plex-Token"] == [env.server.token]
    env.server.faults.add(path="/security/token", status=403)
    with caplog.at_level(logging.WARNING, logger="plexkit"):
        fallback = await resolve(env.plex.urls.image(path, include_token=True))
    assert parse_qs(urlsplit(fallback).query)["X-Plex-Token"] == [env.server.token]
    assert "would not mint a transient token" in caplog.text
    with pytest.raises(ForbiddenError):
        await resolve(env.plex.urls.image(path, include_token="transient"))


async def test_external_images_never_get_the_token(env: Env) -> None:
    external = "https://image.tmdb.org/t/p/original/x.jpg"
    assert await resolve(env.plex.urls.image(external, include_token=True)) == external
    resized = await resolve(env.plex.urls.image(external, width=100, include_token="transient"))
    assert resized.startswith(env.plex.base_url + "/photo/:/transcode?")


async def test_stream_urls(env: Env) -> None:
    item = await resolve(env.plex.metadata.get(first_movie(env, 2).rating_key))
    part = item.media[0].parts[0]
    assert await resolve(env.plex.urls.stream(part)) == env.plex.base_url + part.key
    download = await resolve(env.plex.urls.stream(part.key, download=True, include_token=True))
    assert isinstance(download, SecretURL)
    query = parse_qs(urlsplit(download).query)
    assert query["download"] == ["1"] and query["X-Plex-Token"][0].startswith("transient-")


async def test_transient_token(env: Env) -> None:
    first = await resolve(env.plex.server.transient_token())
    assert first.startswith("transient-") and first in env.server.tokens
    assert await resolve(env.plex.server.transient_token()) == first
    fresh = await resolve(env.plex.server.transient_token(refresh=True))
    assert fresh != first
    [call, *_] = env.server.requests.matching(path="/security/token")
    assert call.method == "POST" and call.params == {"type": "delegation", "scope": "all"}


@pytest.mark.parametrize(
    "call",
    [
        lambda p: p.urls.image("relative/thumb"),
        lambda p: p.urls.image(""),
        lambda p: p.urls.image("/library/metadata/1/thumb/1", width=0),
        lambda p: p.urls.image("/library/metadata/1/thumb/1", height=100_000),
        lambda p: p.urls.image("/library/metadata/1/thumb/1", format="tiff"),
        lambda p: p.urls.image("/library/metadata/1/thumb/1?X-Plex-Token=abc"),
        lambda p: p.urls.image("ftp://elsewhere/x.jpg"),
        lambda p: p.urls.image("/library/metadata/1/thumb/1", include_token="yes"),
        lambda p: p.urls.stream("/library/metadata/1"),
    ],
)
async def test_bad_url_requests_fail_before_any_request(env: Env, call: Any) -> None:
    env.server.requests.clear()
    with pytest.raises(ConfigurationError):
        await resolve(call(env.plex))
    assert len(env.server.requests) == 0
