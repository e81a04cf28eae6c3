"""update_library against the fake server: mapping, grouping, bounded parallel scans,
per-path completion and progress, items in no section, failures that stop nothing."""

from __future__ import annotations

import pytest
from player_helpers import LOCAL_MOVIES, LOCAL_TV, MOVIES, TV, Env, add_movies, resolve

from plexkit import ConfigurationError, ServerError
from plexkit.paths import UnmappedPathError
from plexkit.player import ScanProgress, UpdateReport
from plexkit.testing import FakePlexServer

pytestmark = pytest.mark.anyio

NEW = [("Heat", 1995), ("Ronin", 1998), ("Collateral", 2004), ("Thief", 1981)]


def peak_scans(server: FakePlexServer) -> list[int]:
    """Record the most scans running at once at the fake (``[peak]``, updated live)."""
    scans = server.library.scans
    peak = [0]
    start = scans.start

    def counting_start(section: object, path: str | None = None) -> object:
        activity = start(section, path)  # type: ignore[arg-type]
        peak[0] = max(peak[0], len(scans.running))
        return activity

    scans.start = counting_start  # type: ignore[method-assign]
    return peak


async def test_new_files_are_scanned_found_and_reported_in_order(env: Env) -> None:
    folders = add_movies(env.server, *NEW[:2])
    files = [f"{folders[0]}/Heat (1995).mkv", folders[1]]
    report = await resolve(env.player.update_library(files))
    assert isinstance(report, UpdateReport)
    assert [r.path for r in report.items] == files
    assert [r.status for r in report.items] == ["found", "found"]
    assert report.ok and report.scans == 2
    heat, ronin = report.items
    assert heat.server_path == f"{MOVIES}/Heat (1995)/Heat (1995).mkv"
    assert (heat.section_key, heat.section_title) == ("1", "Movies")
    assert heat.scan_path == heat.server_path and ronin.scan_path == f"{MOVIES}/Ronin (1998)"
    by_title = {str(n.data["title"]): n for n in env.library.items(env.library.section(1), 1)}
    assert heat.rating_key == str(by_title["Heat"].rating_key)
    assert ronin.rating_key == str(by_title["Ronin"].rating_key)
    assert sorted(s.path or "" for s in env.library.scans.completed) == sorted(
        [heat.scan_path, ronin.scan_path]
    )
    assert "2 found" in report.summary()


async def test_never_more_than_parallel_scans_in_flight(env: Env) -> None:
    peak = peak_scans(env.server)
    env.player.parallel_scans = 2
    folders = add_movies(env.server, *NEW) + [f"{LOCAL_TV}/Show {i}" for i in range(3)]
    report = await resolve(env.player.update_library(folders))
    assert report.scans == 7 and len(env.library.scans.completed) == 7
    assert 1 < peak[0] <= 2
    assert [r.status for r in report.items[:4]] == ["found"] * 4
    assert [r.status for r in report.items[4:]] == ["scanned"] * 3  # no such show on disk


async def test_the_default_bound_is_three(env: Env) -> None:
    peak = peak_scans(env.server)
    report = await resolve(env.player.update_library(add_movies(env.server, *NEW)))
    assert env.player.parallel_scans == 3 and report.scans == 4
    assert 1 < peak[0] <= 3


async def test_each_path_scan_follows_only_its_own_activity(env: Env) -> None:
    folders = add_movies(env.server, *NEW[:2])
    report = await resolve(env.player.update_library(folders))
    uuids = {s.path: s.activity["uuid"] for s in env.library.scans.completed}
    heat, ronin = report.items
    assert heat.activities == (uuids[f"{MOVIES}/Heat (1995)"],)
    assert ronin.activities == (uuids[f"{MOVIES}/Ronin (1998)"],)


async def test_progress_is_reported_per_path(env: Env) -> None:
    folders = add_movies(env.server, *NEW[:2])
    seen: list[ScanProgress] = []
    await resolve(env.player.update_library(folders, on_progress=seen.append))
    paths = {p.scan_path for p in seen}
    assert paths <= {f"{MOVIES}/Heat (1995)", f"{MOVIES}/Ronin (1998)"} and paths
    assert all(p.section_key == "1" and p.activity.type == "library.update.section" for p in seen)


async def test_paths_in_no_section_and_unmapped_paths_are_reported_not_raised(
    env: Env,
) -> None:
    [heat] = add_movies(env.server, NEW[0])
    unmapped = "/somewhere/else/x.mkv"
    env.player.mapper = env.player.mapper.__class__(
        [(LOCAL_MOVIES, MOVIES), (LOCAL_TV, TV), ("/srv/manager/books", "/data/books")]
    )
    report = await resolve(env.player.update_library([unmapped, "/srv/manager/books/A", heat]))
    gone, book, found = report.items
    assert gone.status == "unmapped" and isinstance(gone.error, UnmappedPathError)
    assert (book.status, book.server_path, book.section_key) == (
        "not_in_section",
        "/data/books/A",
        None,
    )
    assert found.status == "found" and not report.ok
    assert report.failed == (gone,) and report.not_in_section == (book,)
    assert report.scans == 1


async def test_a_failing_scan_does_not_stop_the_others(env: Env) -> None:
    env.player.parallel_scans = 1
    folders = add_movies(env.server, *NEW[:3])
    env.server.faults.add("/library/sections/1/refresh", status=500, times=1)
    report = await resolve(env.player.update_library(folders))
    first, *rest = report.items
    assert first.status == "failed" and isinstance(first.error, ServerError)
    assert first.error.status_code == 500
    assert [r.status for r in rest] == ["found", "found"]
    assert len(report.items) == 3


async def test_nested_paths_share_one_scan_and_sections_mode_scans_once(env: Env) -> None:
    folders = add_movies(env.server, *NEW[:2])
    report = await resolve(
        env.player.update_library([folders[0], f"{folders[0]}/Heat (1995).mkv", folders[1]])
    )
    assert report.scans == 2
    assert report.items[0].scan_path == report.items[1].scan_path == f"{MOVIES}/Heat (1995)"
    more = add_movies(env.server, *NEW[2:])
    env.library.scans.completed.clear()
    report = await resolve(env.player.update_library(more, mode="sections"))
    assert report.scans == 1 and [s.path for s in env.library.scans.completed] == [None]
    assert [r.status for r in report.items] == ["found", "found"]
    assert all(r.scan_path is None for r in report.items)


async def test_without_waiting_the_scans_are_only_requested(env: Env) -> None:
    folders = add_movies(env.server, *NEW[:2])
    env.server.requests.clear()
    report = await resolve(env.player.update_library(folders, wait=False))
    assert [r.status for r in report.items] == ["requested", "requested"]
    assert env.server.requests.count("/activities") == 0
    assert env.server.requests.count("/library/sections/1/refresh") == 2


async def test_bad_arguments_are_refused_before_any_request(env: Env) -> None:
    env.server.requests.clear()
    for call in (
        lambda: env.player.update_library("/srv/manager/movies/A"),
        lambda: env.player.update_library([42]),
        lambda: env.player.update_library(["/a"], mode="everything"),
        lambda: env.player.update_library(["/a"], on_progress="print"),
    ):
        with pytest.raises(ConfigurationError):
            await resolve(call())
    assert len(env.server.requests) == 0
    assert (await resolve(env.player.update_library([]))).items == ()
