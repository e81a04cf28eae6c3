"""Paging maths: windows, totals and when a walk over a listing stops."""

from __future__ import annotations

import pytest

from plexkit import ConfigurationError, Page
from plexkit._core.paging import PageCursor, page_headers, total_from


def test_page_headers_map_offset_and_limit_to_container_window() -> None:
    assert page_headers(100, 50) == {
        "X-Plex-Container-Start": "100",
        "X-Plex-Container-Size": "50",
    }
    assert page_headers(0, None) == {"X-Plex-Container-Start": "0"}


@pytest.mark.parametrize(("offset", "limit"), [(-1, 10), (0, 0), (0, -5), ("0", 10), (0, True)])
def test_invalid_windows_are_rejected_before_any_request(offset: object, limit: object) -> None:
    with pytest.raises(ConfigurationError):
        page_headers(offset, limit)  # type: ignore[arg-type]


def test_total_prefers_body_then_header() -> None:
    assert total_from(7, {"x-plex-container-total-size": "9"}) == 7
    assert total_from(None, {"x-plex-container-total-size": "9"}) == 9
    assert total_from(None, {"x-plex-container-total-size": "abc"}) is None
    assert total_from(None, {}) is None


def walk(
    total: int, page_size: int, limit: int | None = None, report_total: bool = True
) -> list[tuple[int, int]]:
    """The windows a cursor asks for against a server holding ``total`` items."""
    cursor = PageCursor(page_size=page_size, limit=limit)
    windows = []
    while not cursor.done:
        offset, size = cursor.window()
        windows.append((offset, size))
        received = max(0, min(size, total - offset))
        cursor.advance(received, total if report_total else None)
    return windows


def test_cursor_stops_exactly_at_the_total() -> None:
    assert walk(1000, 400) == [(0, 400), (400, 400), (800, 400)]
    assert walk(800, 400) == [(0, 400), (400, 400)]


def test_cursor_without_total_stops_on_short_or_empty_page() -> None:
    assert walk(800, 400, report_total=False) == [(0, 400), (400, 400), (800, 400)]
    assert walk(750, 400, report_total=False) == [(0, 400), (400, 400)]


def test_cursor_honours_an_overall_limit() -> None:
    assert walk(10_000, 400, limit=500) == [(0, 400), (400, 100)]


def test_empty_library_makes_one_request() -> None:
    assert walk(0, 400) == [(0, 400)]


def test_page_has_more() -> None:
    assert Page(items=(1, 2), offset=0, total=3).has_more
    assert not Page(items=(1, 2), offset=1, total=3).has_more
    assert not Page(items=(), offset=0, total=None).has_more


def test_overall_limit_may_exceed_the_page_size_cap() -> None:
    assert walk(20_000, 5000, limit=12_000) == [(0, 5000), (5000, 5000), (10_000, 2000)]


def test_server_capping_pages_below_the_ask_is_followed_to_the_total() -> None:
    cursor = PageCursor(page_size=25)
    windows = []
    while not cursor.done:
        offset, size = cursor.window()
        windows.append(offset)
        received = max(0, min(10, size, 25 - offset))  # the server sends at most 10
        cursor.advance(received, 25)
    assert windows == [0, 10, 20]


def test_server_ignoring_the_window_is_cut_and_stops() -> None:
    cursor = PageCursor(page_size=5)
    assert cursor.advance(25, None) == 5
    assert cursor.done
    limited = PageCursor(page_size=50, limit=5)
    assert limited.advance(25, 25) == 5
    assert limited.done
