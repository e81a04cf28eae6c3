"""``plexkit.frames``: items, history and sessions of the fake server as DataFrames."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from plexkit import ConfigurationError, PlexClient
from plexkit.testing import FakePlexServer

pandas = pytest.importorskip("pandas")
frames = pytest.importorskip("plexkit.frames")


@pytest.fixture(scope="module")
def plex() -> Iterator[PlexClient]:
    server = FakePlexServer()
    with server.run_in_thread() as url, PlexClient(url, token=server.token) as client:
        yield client


def test_items_frame_has_one_row_per_item_with_media_columns(plex: PlexClient) -> None:
    movies = list(plex.library.iter_items("Movies", type="movie", limit=20))
    table = frames.items_frame(movies)
    assert list(table.columns) == list(frames.ITEM_COLUMNS)
    assert list(table["rating_key"]) == [m.rating_key for m in movies]
    assert list(table["title"]) == [m.title for m in movies]
    assert list(table["file"]) == [m.media[0].parts[0].file for m in movies]
    assert str(table["added_at"].dtype).startswith("datetime64")
    episodes = plex.metadata.episodes(plex.library.items("TV Shows", type="show").items[0])
    shows = frames.items_frame(episodes)
    assert set(shows["grandparent_title"]) == {episodes[0].grandparent_title}


def test_history_and_sessions_frames(plex: PlexClient) -> None:
    history = plex.history.list(limit=10)
    table = frames.history_frame(history)
    assert len(table) == len(history) and "viewed_at" in table.columns
    assert list(table["title"]) == [e.title for e in history]
    sessions = plex.sessions.list()
    playing = frames.sessions_frame(sessions)
    assert list(playing.columns) == list(frames.SESSION_COLUMNS)
    assert list(playing["title"]) == [s.item.title for s in sessions]
    assert list(playing["user"]) == [
        s.session_user.title if s.session_user else None for s in sessions
    ]


def test_rows_of_another_kind_are_refused(plex: PlexClient) -> None:
    with pytest.raises(ConfigurationError, match="HistoryEntry"):
        frames.items_frame(plex.history.list(limit=1))
    assert frames.items_frame([]).empty
