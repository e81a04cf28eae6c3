"""The sans-I/O parts: scan path checks, image sniffing, scan and activity trackers, edit
helpers, URL building."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from plexkit import ConfigurationError
from plexkit._core import artwork, edits, scan_paths, urls
from plexkit._core.waits import ActivityTracker, ScanTracker
from plexkit.models import Activity, ActivityContext
from plexkit.testing.images import png

LOCATIONS = ["/data/media/movies", "/mnt/more movies/"]


@pytest.mark.parametrize(
    "path",
    [
        "/data/media/movies",
        "/data/media/movies/Heat (1995)",
        "/data/media/movies/Heat (1995)/Heat (1995).mkv",
        "/mnt/more movies/A",
        " /data/media/movies/B ",
    ],
)
def test_paths_inside_a_location(path: str) -> None:
    assert scan_paths.check_scan_path(path, LOCATIONS) == path.strip()


@pytest.mark.parametrize(
    "path",
    [
        "/data/media/movies2",
        "/data/media",
        "/data/media/movies/../tv",
        "data/media/movies/x",
        "",
        "   ",
        None,
        "/mnt/more",
    ],
)
def test_paths_outside_every_location(path: str) -> None:
    with pytest.raises(ConfigurationError):
        scan_paths.check_scan_path(path, LOCATIONS)


def test_windows_locations_compare_case_insensitively() -> None:
    locations = ["D:\\Media\\Movies"]
    assert scan_paths.check_scan_path("d:/media/movies/Heat", locations)
    assert scan_paths.check_scan_path("D:\\MEDIA\\Movies\\Heat\\", locations)
    with pytest.raises(ConfigurationError, match="outside every location"):
        scan_paths.check_scan_path("E:\\Media\\Movies", locations)


def test_the_deepest_location_picks_the_section() -> None:
    sections = [("1", ["/data"]), ("2", ["/data/media/tv"]), ("3", [])]
    assert scan_paths.section_for_path("/data/media/tv/Dark", sections) == "2"
    assert scan_paths.section_for_path("/data/other", sections) == "1"
    assert scan_paths.section_for_path("/srv", sections) is None


def test_the_error_names_the_locations() -> None:
    many = [f"/m/{i}" for i in range(8)]
    with pytest.raises(ConfigurationError) as caught:
        scan_paths.check_scan_path("/x", many, section="section 1 ('Movies')")
    assert "'/m/0'" in str(caught.value) and "and 3 more" in str(caught.value)
    assert "section 1 ('Movies')" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "mime"),
    [
        (png(2, 2, "x"), "image/png"),
        (b"\xff\xd8\xff\xdb" + b"\x00" * 20, "image/jpeg"),
        (b"GIF89a" + b"\x00" * 20, "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"BM" + b"\x00" * 20, "image/bmp"),
        (b"\x00\x00\x00\x1cftypavif" + b"\x00" * 8, "image/avif"),
        (b"<svg></svg>", None),
        (b"", None),
        (b"%PDF-1.7", None),
    ],
)
def test_image_sniffing(data: bytes, mime: str | None) -> None:
    assert artwork.image_type(data) == mime


def test_upload_request_shape() -> None:
    spec = artwork.upload_request("/library/metadata/7", "poster", data=png(2, 2, "x"))
    assert spec.content is not None and spec.content.startswith(b"\x89PNG")
    assert (spec.method, spec.path, spec.headers["Content-Type"]) == (
        "POST",
        "/library/metadata/7/posters",
        "image/png",
    )
    assert not spec.idempotent and "bytes>" in repr(spec)
    by_url = artwork.upload_request("/library/metadata/7", "art", url="https://x.org/a.jpg")
    assert (by_url.path, dict(by_url.params)) == (
        "/library/metadata/7/arts",
        {"url": "https://x.org/a.jpg"},
    )
    with pytest.raises(ConfigurationError):
        artwork.upload_request("/library/metadata/7", "poster", data=b"\xff\xd8\xff" * 4_000_000)


def activity(progress: int, uuid: str = "u1", section: int = 1) -> Activity:
    return Activity(
        uuid=uuid,
        type="library.update.section",
        progress=progress,
        context=ActivityContext(library_section_id=section),
    )


def test_scan_tracker_by_notification() -> None:
    tracker = ScanTracker(section_key="1", scanned_before=None, started=0.0)
    assert tracker.observe(activity(0)) and not tracker.observe(activity(0))
    assert not tracker.observe(activity(5, section=2)), "another section's scan"
    assert tracker.observe(activity(50))
    assert not tracker.observe(activity(40)), "a stale update that crossed a poll"
    assert not tracker.ended_by_notification()
    assert tracker.observe(activity(100), ended=True)
    assert tracker.ended_by_notification() and tracker.activities == ("u1",)


def test_scan_tracker_by_polling() -> None:
    before = datetime(2024, 1, 1, tzinfo=timezone.utc)
    tracker = ScanTracker(section_key="1", scanned_before=before, started=0.0, start_grace=5.0)
    assert not tracker.poll([], refreshing=False, scanned_at=before, now=1.0), "not started yet"
    assert not tracker.poll([activity(10)], refreshing=True, scanned_at=before, now=2.0)
    assert tracker.poll([], refreshing=False, scanned_at=before, now=3.0)

    quick = ScanTracker(section_key="1", scanned_before=before, started=0.0)
    later = datetime(2024, 1, 2, tzinfo=timezone.utc)
    assert quick.poll([], refreshing=False, scanned_at=later, now=0.5), "scanned_at moved"

    silent = ScanTracker(section_key="1", scanned_before=None, started=0.0, start_grace=5.0)
    assert not silent.silent(4.9) and silent.silent(5.0)
    assert silent.poll([], refreshing=False, scanned_at=None, now=6.0), "grace elapsed"


def test_activity_tracker_skips_stale_updates() -> None:
    tracker = ActivityTracker(uuid="u1")
    assert tracker.changed(activity(11))
    assert not tracker.changed(activity(10)), "older than what was yielded"
    assert not tracker.changed(activity(11))
    assert tracker.changed(activity(12))
    assert tracker.changed(Activity(uuid="u1", progress=-1, subtitle="Matching"))


def test_locked_fields_and_current_tags() -> None:
    item = {
        "Field": [
            {"name": "title", "locked": True},
            {"name": "thumb", "locked": "1"},
            {"name": "genre", "locked": True},
            {"name": "summary", "locked": False},
            {"name": "mood", "locked": 1},
            "junk",
        ],
        "Genre": [{"tag": "Drama"}, {"tag": "drama"}, {"tag": ""}, "x"],
    }
    assert edits.locked_fields(item) == {"title", "poster", "genres", "moods"}
    other = {"Genre": {"tag": "Crime"}}
    assert edits.current_tags([item, other], ["Genre", "Label"]) == {
        "Genre": ["Drama", "Crime"],
        "Label": [],
    }


def test_url_building() -> None:
    base = "http://pms:32400"
    assert urls.image_url(base, "/t", blur=20, format="png") == (
        f"{base}/photo/:/transcode?minSize=1&upscale=1&format=png&blur=20&url=%2Ft"
    )
    assert urls.image_url(base, "/t", width=10, min_size=False, upscale=False).endswith(
        "width=10&minSize=0&upscale=0&url=%2Ft"
    )
    signed = urls.with_token(urls.stream_url(base, "/library/parts/1/2/file.mkv"), "sekrit-token")
    assert str(signed) == f"{base}/library/parts/1/2/file.mkv?X-Plex-Token=sekrit-token"
    assert "sekrit" not in repr(signed) and "sekrit" not in f"{signed!r}"


def test_match_rejects_a_year_that_is_not_a_number() -> None:
    from plexkit import ConfigurationError
    from plexkit._core import matching

    with pytest.raises(ConfigurationError):
        matching.match_request(1, "tmdb://949", year="abc")  # type: ignore[arg-type]
