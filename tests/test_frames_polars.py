"""``plexkit.frames`` with ``backend="polars"``: the pandas tables' columns and values."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime

import pytest

from plexkit import ConfigurationError, PlexClient
from plexkit.testing import FakePlexServer

polars = pytest.importorskip("polars")
frames = pytest.importorskip("plexkit.frames")


@pytest.fixture(scope="module")
def plex() -> Iterator[PlexClient]:
    server = FakePlexServer()
    with server.run_in_thread() as url, PlexClient(url, token=server.token) as client:
        yield client


def test_items_table_has_the_item_columns_and_aware_datetimes(plex: PlexClient) -> None:
    movies = list(plex.library.iter_items("Movies", type="movie", limit=20))
    table = frames.items_frame(movies, backend="polars")
    assert isinstance(table, polars.DataFrame)
    assert table.columns == list(frames.ITEM_COLUMNS) and table.height == len(movies)
    assert table["rating_key"].to_list() == [m.rating_key for m in movies]
    assert table["file"].to_list() == [m.media[0].parts[0].file for m in movies]
    added = table["added_at"]
    assert isinstance(added.dtype, polars.Datetime) and added.dtype.time_zone is not None
    first = added.to_list()[0]
    assert isinstance(first, datetime) and first == movies[0].added_at


def test_history_and_sessions_tables_match_the_pandas_ones(plex: PlexClient) -> None:
    pytest.importorskip("pandas")
    history = plex.history.list(limit=10)
    table = frames.history_frame(history, backend="polars")
    assert table.columns == list(frames.HISTORY_COLUMNS) and "viewed_at" in table.columns
    assert table["title"].to_list() == list(frames.history_frame(history)["title"])
    sessions = plex.sessions.list()
    playing = frames.sessions_frame(sessions, backend="polars")
    assert playing.columns == list(frames.SESSION_COLUMNS)
    assert playing["user"].to_list() == [
        s.session_user.title if s.session_user else None for s in sessions
    ]


def test_empty_rows_other_kinds_and_unknown_backends() -> None:
    empty = frames.items_frame([], backend="polars")
    assert empty.height == 0 and empty.columns == list(frames.ITEM_COLUMNS)
    with pytest.raises(ConfigurationError, match="items_frame"):
        frames.items_frame([object()], backend="polars")  # type: ignore[list-item]
    with pytest.raises(ConfigurationError, match="backend"):
        frames.items_frame([], backend="arrow")  # type: ignore[call-overload]


def test_a_missing_backend_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ConfigurationError, match=r"plexkit\[polars\]"):
        frames.sessions_frame([], backend="polars")
