"""A model's printed forms never show a token: PMS puts the caller's ``X-Plex-Token`` into a
release's ``downloadURL``, so repr, IPython's and rich's pretty printers redact secrets from
text fields (nested ones too), while the field itself keeps the URL the caller downloads."""

from __future__ import annotations

import json

import pytest

from plexkit._redact import register_secret
from plexkit.models import Movie, Release, Tag, UpdateStatus, decode_body, structure

SECRET = "abc123secret"
URL = f"https://plex.tv/downloads/latest/5?channel=8&X-Plex-Token={SECRET}"
BODY = {
    "MediaContainer": {
        "canInstall": False,
        "downloadURL": URL,
        "Release": [{"key": "https://plex.tv/updater/releases/9", "downloadURL": URL}],
    }
}


def _status() -> UpdateStatus:
    return structure(decode_body(json.dumps(BODY)), UpdateStatus)


def _release() -> Release:
    release = _status().release
    assert release is not None
    return release


def test_release_repr_hides_the_token_but_the_url_keeps_it() -> None:
    release = _release()
    assert release.download_url == URL
    assert SECRET not in repr(release)
    assert SECRET not in repr(_status())
    short = Release(version="1.50.0", download_url="https://x/?X-Plex-Token=abc123secret")
    assert (
        repr(short) == "Release(version='1.50.0', download_url='https://x/?X-Plex-Token=REDACTED')"
    )


def test_ipython_pretty_hides_the_token_of_a_release_and_of_nested_ones() -> None:
    pretty = pytest.importorskip("IPython.lib.pretty")
    for model in (_release(), _status()):
        text = pretty.pretty(model)
        assert SECRET not in text
        assert "X-Plex-Token=REDACTED" in text
    assert _release().download_url == URL


def test_rich_pretty_hides_the_token() -> None:
    rich_pretty = pytest.importorskip("rich.pretty")
    for model in (_release(), _status()):
        text = rich_pretty.pretty_repr(model)
        assert SECRET not in text
        assert "X-Plex-Token=REDACTED" in text and "download_url=" in text


def test_a_registered_secret_is_hidden_in_any_text_field() -> None:
    register_secret("registered-token-9f8e7d")
    movie = Movie(
        rating_key="7",
        key="/library/metadata/7",
        type="movie",
        title="see registered-token-9f8e7d",
        summary="registered-token-9f8e7d",
        genres=(Tag(tag="registered-token-9f8e7d"),),
    )
    assert "registered-token-9f8e7d" not in repr(movie)
    pretty = pytest.importorskip("IPython.lib.pretty")
    assert "registered-token-9f8e7d" not in pretty.pretty(movie)
    assert movie.title == "see registered-token-9f8e7d"


def test_text_without_secrets_shows_as_before() -> None:
    movie = Movie(rating_key="7", key="/k", type="movie", title="Heat", year=1995)
    assert repr(movie) == "Movie(rating_key='7', type='movie', title='Heat', year=1995)"
    rich_pretty = pytest.importorskip("rich.pretty")
    text = rich_pretty.pretty_repr(movie)
    assert "title='Heat'" in text and "summary=None" in text
