"""The path-scoped scan ownership rules of ``_core.waits``, table-driven, without I/O."""

from __future__ import annotations

import pytest

from plexkit._core.waits import ScanClaims, ScanTracker
from plexkit.models import Activity
from plexkit.models.status import ActivityContext


def scan(uuid: str, section: int = 1, subtitle: str = "Movies") -> Activity:
    return Activity(
        uuid=uuid,
        type="library.update.section",
        subtitle=subtitle,
        context=ActivityContext(library_section_id=section),
    )


CASES = [
    pytest.param(
        [("reg", "/m/A"), ("reg", "/m/B"), ("see", scan("a")), ("see", scan("b"))],
        ["/m/A", "/m/B"],
        id="order-of-acknowledgement",
    ),
    pytest.param(
        [("reg", "/m/A"), ("reg", "/m/B"), ("see", scan("b", subtitle="/m/B/x.mkv"))],
        ["/m/B"],
        id="subtitle-naming-a-path-wins",
    ),
    pytest.param(
        [("see", scan("old")), ("reg", "/m/A"), ("see", scan("old")), ("see", scan("a"))],
        [None, None, "/m/A"],
        id="known-before-registration-is-never-ours",
    ),
    pytest.param([("reg", "/m/A"), ("see", scan("x", section=2))], [None], id="other-section"),
    pytest.param(
        [("reg", "/m/A"), ("see", scan("a")), ("see", scan("a")), ("see", scan("b"))],
        ["/m/A", "/m/A", None],
        id="one-activity-per-wait",
    ),
]


@pytest.mark.parametrize(("steps", "owners"), CASES)
def test_claims(steps: list[tuple[str, object]], owners: list[str | None]) -> None:
    claims = ScanClaims()
    paths: dict[int, str] = {}
    seen: list[str | None] = []
    for kind, value in steps:
        if kind == "reg":
            assert isinstance(value, str)
            paths[claims.register("1", value)] = value
        else:
            assert isinstance(value, Activity)
            token = claims.owner(value)
            seen.append(None if token is None else paths[token])
    assert seen == owners


def test_a_path_wait_ignores_the_other_scan_and_ends_on_its_own_end() -> None:
    claims = ScanClaims()
    mine = ScanTracker("1", None, 0.0, claims=claims, token=claims.register("1", "/m/A"))
    claims.register("1", "/m/B")
    assert mine.observe(scan("a"))
    assert not mine.observe(scan("b"))
    assert mine.observe(scan("a"), ended=True)
    assert mine.ended_by_notification() and mine.activities == ("a",)
    # the other scan still runs and the section still refreshes, but ours is gone
    assert mine.poll([scan("b")], refreshing=True, scanned_at=None, now=1.0)


def test_release_frees_the_wait_and_its_activities() -> None:
    claims = ScanClaims()
    token = claims.register("1", "/m/A")
    assert claims.owner(scan("a")) == token
    claims.release(token)
    assert claims.owner(scan("b")) is None
