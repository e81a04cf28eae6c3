"""The notification-or-poll state machine of ``_core.waits``: event sequences -> decisions.

Each case feeds `Follow` a script of clock readings and events and compares what it
decides (read, sleep, poll, expire) and what it outputs (emit, finish) with the expected
sequence. No I/O, no real clock.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from plexkit._core.waits import (
    ActivityJudge,
    ActivityTracker,
    Emit,
    Expire,
    Finish,
    Follow,
    Judge,
    Poll,
    Polled,
    Receive,
    ScanJudge,
    ScanTracker,
    Sleep,
)
from plexkit.models import Activity
from plexkit.models.management import ActivityEvent, ConnectionEvent, Notification
from plexkit.models.status import ActivityContext


def act(uuid: str = "a", progress: int = 0, section: int = 1) -> Activity:
    return Activity(
        uuid=uuid,
        type="library.update.section",
        progress=progress,
        subtitle="Movies",
        context=ActivityContext(library_section_id=section),
    )


def event(kind: str, activity: Activity | None = None, uuid: str = "a") -> ActivityEvent:
    return ActivityEvent(event=kind, uuid=uuid, activity=activity)


DROPPED = ConnectionEvent(state="disconnected")


def scan_follow(*, streaming: bool, grace: float = 5.0) -> Follow:
    tracker = ScanTracker(section_key="1", scanned_before=None, started=0.0, start_grace=grace)
    judge: Judge = ScanJudge(tracker)
    return Follow(judge, interval=1.0, slow=30.0, deadline=100.0, now=0.0, streaming=streaming)


def watch_follow(*, streaming: bool) -> Follow:
    judge: Judge = ActivityJudge(ActivityTracker(uuid="a"), final_wait=1.0)
    return Follow(
        judge, interval=1.0, slow=10.0, deadline=50.0, now=0.0, streaming=streaming,
        poll_first=True,
    )  # fmt: skip


Script = list[tuple[str, float, object]]
"""("step", now, stream_live) -> a decision; ("event", now, Notification | None) and
("poll", now, Polled) -> outputs."""


def run(follow: Follow, script: Script) -> list[object]:
    seen: list[object] = []
    for kind, now, value in script:
        if kind == "step":
            assert isinstance(value, bool)
            seen.append(follow.step(now, value))
        elif kind == "event":
            assert value is None or isinstance(value, Notification)
            seen.extend(follow.notified(value, now))
        else:
            assert isinstance(value, Polled)
            seen.extend(follow.polled(value, now))
    return seen


NOTHING = Polled(())

SCAN_CASES = [
    pytest.param(
        True,
        [
            ("step", 0.0, True),
            ("event", 0.5, event("started", act())),
            ("step", 0.5, True),
            ("event", 1.0, event("ended", act(progress=100))),
        ],
        [Receive(5.0), Emit(act()), Receive(29.5), Emit(act(progress=100)), Finish("websocket")],
        id="notified-start-to-end",
    ),
    pytest.param(
        True,
        [("step", 0.0, True), ("event", 5.0, None), ("step", 5.0, True)],
        [Receive(5.0), Poll()],
        id="silent-stream-polls-after-grace",
    ),
    pytest.param(
        True,
        [("step", 0.0, True), ("event", 1.0, DROPPED), ("step", 1.0, False)],
        [Receive(5.0), Poll()],
        id="dropped-stream-polls-at-once",
    ),
    pytest.param(
        False,
        [
            ("step", 0.0, False),
            ("poll", 0.0, Polled((act(),), refreshing=True)),
            ("step", 0.2, False),
            ("step", 1.0, False),
            ("poll", 1.0, NOTHING),
        ],
        [Poll(), Emit(act()), Sleep(0.8), Poll(), Finish("polling")],
        id="polled-running-then-gone",
    ),
    pytest.param(
        False,
        [("step", 0.0, False), ("poll", 0.0, NOTHING), ("step", 1.0, False)],
        [Poll(), Poll()],
        id="never-seen-is-not-over-before-grace",
    ),
    pytest.param(
        False,
        [
            ("step", 0.0, False),
            ("poll", 6.0, Polled((), scanned_at=datetime(2026, 1, 1, tzinfo=timezone.utc))),
        ],
        [Poll(), Finish("polling")],
        id="too-quick-to-see-ends-by-scanned-at",
    ),
    pytest.param(
        False,
        [("step", 100.0, False)],
        [Expire()],
        id="deadline",
    ),
    pytest.param(
        True,
        [("step", 0.0, True), ("event", 0.1, event("started", act(section=2)))],
        [Receive(5.0)],
        id="other-section-ignored",
    ),
]


@pytest.mark.parametrize(("streaming", "script", "expected"), SCAN_CASES)
def test_scan_follow(streaming: bool, script: Script, expected: list[object]) -> None:
    assert run(scan_follow(streaming=streaming), script) == expected


WATCH_CASES = [
    pytest.param(
        False,
        [
            ("step", 0.0, False),
            ("poll", 0.0, Polled((act(),))),
            ("step", 0.0, False),
            ("step", 1.0, False),
            ("poll", 1.0, Polled((act(),))),
            ("step", 2.0, False),
            ("poll", 2.0, Polled((act(progress=50),))),
            ("step", 3.0, False),
            ("poll", 3.0, NOTHING),
        ],
        [
            Poll(),
            Emit(act()),
            Sleep(1.0),
            Poll(),
            Poll(),
            Emit(act(progress=50)),
            Poll(),
            Finish("polling"),
        ],
        id="polled-first-changes-gone",
    ),
    pytest.param(
        False,
        [("step", 0.0, False), ("poll", 0.0, NOTHING)],
        [Poll(), Finish("polling")],
        id="never-running-ends-at-once",
    ),
    pytest.param(
        True,
        [
            ("step", 0.0, True),
            ("poll", 0.0, Polled((act(),))),
            ("step", 0.0, True),
            ("event", 1.0, event("updated", act(progress=10))),
            ("event", 1.5, event("updated", act(progress=5))),
            ("event", 2.0, event("updated", act("b", 10), uuid="b")),
            ("event", 3.0, event("ended", act(progress=100))),
        ],
        [
            Poll(),
            Emit(act()),
            Receive(10.0),
            Emit(act(progress=10)),
            Emit(act(progress=100)),
            Finish("websocket"),
        ],
        id="notified-stale-and-foreign-skipped",
    ),
    pytest.param(
        True,
        [
            ("step", 0.0, True),
            ("poll", 0.0, Polled((act(),))),
            ("step", 10.0, True),
            ("poll", 10.0, NOTHING),
            ("step", 10.0, True),
            ("event", 10.5, event("ended", act(progress=100))),
        ],
        [Poll(), Emit(act()), Poll(), Receive(1.0), Emit(act(progress=100)), Finish("websocket")],
        id="gone-on-poll-waits-for-end-notification",
    ),
    pytest.param(
        True,
        [
            ("step", 0.0, True),
            ("poll", 0.0, Polled((act(),))),
            ("step", 10.0, True),
            ("poll", 10.0, NOTHING),
            ("step", 11.0, True),
        ],
        [Poll(), Emit(act()), Poll(), Finish("polling")],
        id="gone-on-poll-and-no-end-notification",
    ),
    pytest.param(
        True,
        [("step", 0.0, True), ("poll", 0.0, Polled((act(),))), ("step", 50.0, True)],
        [Poll(), Emit(act()), Expire()],
        id="deadline",
    ),
]


@pytest.mark.parametrize(("streaming", "script", "expected"), WATCH_CASES)
def test_watch_follow(streaming: bool, script: Script, expected: list[object]) -> None:
    assert run(watch_follow(streaming=streaming), script) == expected
