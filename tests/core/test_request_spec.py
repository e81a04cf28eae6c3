"""What a request spec works out once and hands out again: windows, listing specs, page ends.

A cache hit on a listing reads the same spec, window and cache key each time; sharing them
must never let one request stand in for another (``True`` is not ``1`` there, a bad
argument is refused every time, not only the first).
"""

from __future__ import annotations

import pickle

import pytest

from plexkit._core import endpoints, spec_memo
from plexkit._core.paging import PageCursor, next_start
from plexkit._core.request_spec import RequestSpec
from plexkit.errors import ConfigurationError
from plexkit.filters import Filter, any_of, where


def listing() -> RequestSpec:
    return RequestSpec(method="GET", path="/library/sections/1/all", cache_name="items")


def test_a_window_is_the_same_spec_each_time_and_sends_its_headers() -> None:
    spec = listing()
    window = spec.with_window(200, 100)
    assert spec.with_window(200, 100) is window
    assert window.headers == {"X-Plex-Container-Start": "200", "X-Plex-Container-Size": "100"}
    assert (window.offset, window.limit, window.path) == (200, 100, spec.path)
    assert spec.with_window(300, 100) is not window


@pytest.mark.parametrize(("offset", "limit"), [(True, 1), (1, True), (1.0, 1), (1, 1.0)])
def test_a_bool_or_float_window_is_refused_after_the_equal_int_one(
    offset: object, limit: object
) -> None:
    spec = listing()
    spec.with_window(1, 1)
    with pytest.raises(ConfigurationError):
        spec.with_window(offset, limit)  # type: ignore[arg-type]


def test_a_spec_keeps_a_bounded_number_of_windows() -> None:
    spec = listing()
    first = spec.with_window(0, 50)
    for offset in range(50, 50 * 40, 50):
        spec.with_window(offset, 50)
    rebuilt = spec.with_window(0, 50)
    assert rebuilt == first and rebuilt is not first


def test_remembered_values_do_not_change_equality_repr_or_pickling() -> None:
    spec = listing()
    spec.with_window(0, 10)
    spec.remembered("anything", lambda: "value")
    assert spec == listing()
    assert "value" not in repr(spec)
    assert pickle.loads(pickle.dumps(spec)) == spec


def test_remembered_builds_once_and_keeps_no_failure() -> None:
    spec = listing()
    calls: list[int] = []

    def failing() -> str:
        calls.append(1)
        raise ConfigurationError("no")

    for _ in range(2):
        with pytest.raises(ConfigurationError):
            spec.remembered("x", failing)
    assert len(calls) == 2
    assert spec.remembered("y", lambda: [1]) is spec.remembered("y", lambda: [2])


def test_the_same_plain_listing_shares_one_spec_equal_to_a_fresh_one() -> None:
    kwargs = {"type": "movie", "sort": "titleSort", "filters": where(Filter("year", "=", 1999))}
    spec = spec_memo.library_items("7", **kwargs)  # type: ignore[arg-type]
    assert spec_memo.library_items("7", **kwargs) is spec  # type: ignore[arg-type]
    assert spec == endpoints.library_items("7", **kwargs)  # type: ignore[arg-type]
    assert spec_memo.library_items("8", **kwargs) != spec  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "filters",
    [
        {"year": 1999},
        {"genre": ["Drama", "Comedy"]},
        {"unwatched": True},
        any_of(Filter("genre", "=", "Action"), Filter("year", ">>=", 2000)),
    ],
)
def test_other_filters_are_built_afresh_and_sent_as_before(filters: object) -> None:
    spec = spec_memo.library_items("1", filters=filters)  # type: ignore[arg-type]
    assert spec == endpoints.library_items("1", filters=filters)  # type: ignore[arg-type]
    assert spec_memo.library_items("1", filters=filters) is not spec  # type: ignore[arg-type]


def test_true_is_not_taken_for_one_after_a_remembered_listing() -> None:
    assert spec_memo.library_items("1", type=1).params["type"] == "1"
    with pytest.raises(ConfigurationError):
        spec_memo.library_items("1", type=True)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"filters": {"title": "a\r\nX-Evil: 1"}},
        {"filters": {"type": "1"}},
        {"sort": "title:sideways"},
        {"type": "moviez"},
    ],
)
def test_bad_arguments_are_refused_every_time(kwargs: dict[str, object]) -> None:
    spec_memo.library_items("1")
    for _ in range(2):
        with pytest.raises(ConfigurationError):
            spec_memo.library_items("1", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("offset", "asked", "received", "total"),
    [
        (0, 10, 10, 25),
        (20, 10, 5, 25),
        (0, 10, 10, None),
        (0, 10, 7, None),
        (0, 10, 0, 30),
        (0, 10, 15, 30),
        (10, 10, 10, 20),
        (0, 10, 4, 30),
    ],
)
def test_next_start_follows_the_cursor_rules(
    offset: int, asked: int, received: int, total: int | None
) -> None:
    cursor = PageCursor(page_size=asked, offset=offset)
    cursor.advance(received, total)
    expected = None if cursor.done else cursor.offset
    assert next_start(offset, asked, received, total) == expected


def test_next_start_values() -> None:
    assert next_start(0, 10, 10, 25) == 10
    assert next_start(20, 10, 5, 25) is None  # reached the total
    assert next_start(0, 10, 4, 30) == 4  # a server capping pages is followed
    assert next_start(0, 10, 10, None) == 10
    assert next_start(0, 10, 7, None) is None  # short page, no total
    assert next_start(0, 10, 15, 30) is None  # the window was ignored


def test_a_window_follows_headers_changed_after_it_was_made() -> None:
    headers = {"X-Custom": "a"}
    spec = RequestSpec(method="GET", path="/library/sections/1/all", headers=headers)
    assert spec.with_window(0, 10).headers["X-Custom"] == "a"
    headers["X-Custom"] = "b"
    assert spec.with_window(0, 10).headers["X-Custom"] == "b"


def test_a_remembered_value_is_worked_out_again_when_params_change() -> None:
    params = {"type": "1"}
    spec = RequestSpec(method="GET", path="/library/sections/1/all", params=params)
    assert spec.remembered("seen", lambda: dict(spec.params)) == {"type": "1"}
    params["type"] = "2"
    assert spec.remembered("seen", lambda: dict(spec.params)) == {"type": "2"}
