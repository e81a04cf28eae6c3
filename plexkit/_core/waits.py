"""Deciding when a scan or an activity is over, from notifications and from polls (no I/O).

A scan is followed two ways at once: activity notifications (``library.update.section`` of
the section: started, updated, ended) and, when the websocket is unavailable, dropped or
silent, polls of ``/activities`` and the section's ``refreshing`` flag. The trackers here
hold what was seen and answer "done yet?"; ``plexkit._async.scans`` only feeds them.

A scan of one ``path`` must follow only its own activity, but PMS does not say which path a
``library.update.section`` activity scans (its Context carries only ``librarySectionID``; the
subtitle names what is being scanned, not the requested folder). `ScanClaims` decides
ownership for the waits of one client: an activity whose subtitle names a waiting path
belongs to that wait; otherwise the path scans acknowledged in a section own the scan
activities first seen after their acknowledgement in the same order (the k-th acknowledged
scan owns the k-th new activity). Activities already known when a wait registered are never
its own.

`Follow` is the one loop both waits run, as a state machine: the driver asks
`Follow.step` what to do (read the stream, sleep, poll, give up), does it, and feeds
the result back (`Follow.notified`, `Follow.polled`), which answers with what to
hand the caller (`Emit`) and whether the wait is over (`Finish`). A
`Judge` (`ScanJudge` or `ActivityJudge`) says what an event means.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Literal, Protocol

import attrs

from plexkit._core.claims import ScanClaims
from plexkit._core.notifications import is_scan_activity
from plexkit.models import Activity
from plexkit.models.management import ActivityEvent, ConnectionEvent, Notification

__all__ = [
    "ActivityJudge",
    "ActivityTracker",
    "Emit",
    "Expire",
    "Finish",
    "Follow",
    "Judge",
    "Poll",
    "Polled",
    "Receive",
    "ScanClaims",
    "ScanJudge",
    "ScanTracker",
    "Sleep",
]


def _fingerprint(activity: Activity) -> tuple[object, ...]:
    return (activity.progress, activity.subtitle, activity.title)


@attrs.define
class ScanTracker:
    """What is known about the scans of one section since ``refresh`` was sent.

    ``started`` is the tracker's clock reading when the scan was requested; a scan that was
    never seen running counts as finished once ``start_grace`` seconds passed (or once the
    section's ``scanned_at`` moved), so a scan too quick to observe does not hang the wait.
    """

    section_key: str
    scanned_before: datetime | None
    started: float
    start_grace: float = 5.0
    claims: ScanClaims | None = None
    """With ``token``: a path-scoped wait follows only the activity ``claims`` gives it."""
    token: int | None = None
    seen: dict[str, tuple[object, ...]] = attrs.field(factory=dict)
    progress: dict[str, int] = attrs.field(factory=dict)
    ended: set[str] = attrs.field(factory=set)
    saw_refreshing: bool = False

    @property
    def activities(self) -> tuple[str, ...]:
        """The uuids of the section's scan activities seen so far."""
        return tuple(self.seen)

    def observe(self, activity: Activity | None, *, ended: bool = False) -> bool:
        """Record a scan activity (from a notification or a poll); True if it is news
        (new, or its progress or subtitle changed) and should reach the progress callback.

        An update with less progress than already seen is a stale one (a notification that
        crossed a poll) and is not news."""
        if activity is None or not self.ours(activity):
            return False
        uuid = activity.uuid
        print_ = _fingerprint(activity)
        progress = activity.progress if activity.progress is not None else -1
        stale = 0 <= progress < self.progress.get(uuid, -1)
        news = (self.seen.get(uuid) != print_ and not stale) or (ended and uuid not in self.ended)
        if not stale or ended:
            self.seen[uuid] = print_
            self.progress[uuid] = max(self.progress.get(uuid, -1), progress)
        else:
            self.seen.setdefault(uuid, print_)
        if ended:
            self.ended.add(uuid)
        return news

    def ours(self, activity: Activity) -> bool:
        """True for a scan activity of this wait: any scan of the section, or for a
        path-scoped wait only the one `ScanClaims` assigns it."""
        if not is_scan_activity(activity, self.section_key):
            return False
        if self.claims is None or self.token is None:
            return True
        return activity.uuid in self.seen or self.claims.owner(activity) == self.token

    def ended_by_notification(self) -> bool:
        """True when every scan activity seen has sent its ``ended`` notification."""
        return bool(self.seen) and set(self.seen) <= self.ended

    def silent(self, now: float) -> bool:
        """True when no scan activity was announced within ``start_grace``: time to poll."""
        return not self.seen and now - self.started >= self.start_grace

    def poll(
        self,
        activities: Iterable[Activity],
        *,
        refreshing: bool,
        scanned_at: datetime | None,
        now: float,
    ) -> bool:
        """Record one poll; True when the scan is over."""
        running = False
        for activity in activities:
            if self.ours(activity):
                running = True
                self.observe(activity)
        if refreshing:
            self.saw_refreshing = True
        scoped = self.token is not None
        if running or (refreshing and not (scoped and self.seen)):
            return False
        moved = scanned_at is not None and (
            self.scanned_before is None or scanned_at > self.scanned_before
        )
        return (
            bool(self.seen)
            or self.saw_refreshing
            or moved
            or now - self.started >= self.start_grace
        )


@attrs.define
class ActivityTracker:
    """The last state of one watched activity, to yield only changes, in order.

    A poll and the notification feed can race: a notification sent before a poll may arrive
    after it. An update whose progress is below what was already yielded is such a stale
    one and is skipped.
    """

    uuid: str
    last: tuple[object, ...] | None = None
    progress: int = -1
    done: bool = False

    def changed(self, activity: Activity) -> bool:
        """True if ``activity`` is newer than, and differs from, what was last yielded
        (and remember it)."""
        print_ = _fingerprint(activity)
        progress = activity.progress if activity.progress is not None else -1
        if print_ == self.last or 0 <= progress < self.progress:
            return False
        self.last = print_
        self.progress = max(self.progress, progress)
        return True


@attrs.frozen
class Receive:
    """Decision: read the notification stream for at most ``timeout`` seconds."""

    timeout: float


@attrs.frozen
class Sleep:
    """Decision: no stream to read; sleep ``seconds`` before asking again."""

    seconds: float


@attrs.frozen
class Poll:
    """Decision: read ``/activities`` (and, for a scan, the section) and feed it back."""


@attrs.frozen
class Expire:
    """Decision: the wait's deadline passed."""


@attrs.frozen
class Emit:
    """Output: hand ``activity`` to the caller (progress callback, or the next item)."""

    activity: Activity


@attrs.frozen
class Finish:
    """Output: the wait is over, seen ``via`` notifications or polling."""

    via: Literal["websocket", "polling"]


Output = Emit | Finish
Step = Receive | Sleep | Poll | Expire | Finish


@attrs.frozen
class Polled:
    """What one poll read: the running activities and, for a scan, the section's state."""

    activities: Sequence[Activity]
    refreshing: bool = False
    scanned_at: datetime | None = None


class Judge(Protocol):
    """What events mean for one wait."""

    def notified(self, event: ActivityEvent) -> tuple[Output, ...]:
        """Outputs for one activity notification."""

    def polled(self, poll: Polled, now: float, streaming: bool) -> tuple[Output, ...] | float:
        """Outputs for one poll, or (the activity is gone, the stream may still announce its
        end) how many seconds to wait for that notification."""

    def silent(self, now: float) -> bool:
        """True when the stream said nothing it should have: poll as if it were gone."""

    def wake(self) -> float | None:
        """A clock reading at which to stop reading the stream and look again, if any."""


@attrs.define
class ScanJudge:
    """A scan wait: over when every scan activity ended, or when a poll says so."""

    tracker: ScanTracker

    def notified(self, event: ActivityEvent) -> tuple[Output, ...]:
        tracker, activity = self.tracker, event.activity
        news = tracker.observe(activity, ended=event.event == "ended")
        out: tuple[Output, ...] = (Emit(activity),) if news and activity is not None else ()
        return (*out, Finish("websocket")) if tracker.ended_by_notification() else out

    def polled(self, poll: Polled, now: float, streaming: bool) -> tuple[Output, ...] | float:
        out = tuple(Emit(a) for a in poll.activities if self.tracker.observe(a))
        over = self.tracker.poll(
            poll.activities, refreshing=poll.refreshing, scanned_at=poll.scanned_at, now=now
        )
        return (*out, Finish("polling")) if over else out

    def silent(self, now: float) -> bool:
        return self.tracker.silent(now)

    def wake(self) -> float | None:
        """When the start grace ends while nothing was seen (a reason to stop reading)."""
        tracker = self.tracker
        return None if tracker.seen else tracker.started + tracker.start_grace


@attrs.define
class ActivityJudge:
    """One activity's watch: yields its changes; over when it ends or is gone.

    The first poll yields the activity as it is, even unchanged.
    """

    tracker: ActivityTracker
    final_wait: float = 1.0
    first: bool = True

    def notified(self, event: ActivityEvent) -> tuple[Output, ...]:
        activity = event.activity
        if event.uuid != self.tracker.uuid:
            return ()
        if event.event == "ended":
            self.tracker.done = True
            end = Finish("websocket")
            return (end,) if activity is None else (Emit(activity), end)
        if activity is not None and self.tracker.changed(activity):
            return (Emit(activity),)
        return ()

    def polled(self, poll: Polled, now: float, streaming: bool) -> tuple[Output, ...] | float:
        first, self.first = self.first, False
        current = next((a for a in poll.activities if a.uuid == self.tracker.uuid), None)
        if current is None:
            if streaming and not first:
                return self.final_wait
            self.tracker.done = True
            return (Finish("polling"),)
        return (Emit(current),) if self.tracker.changed(current) or first else ()

    def silent(self, now: float) -> bool:
        return False

    def wake(self) -> float | None:
        return None


@attrs.define
class Follow:
    """The notification-or-poll loop of one wait, without I/O (see the module docstring).

    ``interval`` is the poll interval while polling; ``slow`` the one while notifications
    flow (a safety net). ``now`` is the clock reading at the start; the first poll is at
    once unless the stream is live and ``poll_first`` is False.
    """

    judge: Judge
    interval: float
    slow: float
    deadline: float | None
    now: float
    streaming: bool
    poll_first: bool = False
    polling: bool = attrs.field(init=False)
    next_poll: float = attrs.field(init=False)
    finishing: float | None = attrs.field(init=False, default=None)
    """While set, the deadline for the end notification of an activity a poll found gone."""

    def __attrs_post_init__(self) -> None:
        self.polling = not self.streaming
        self.next_poll = self.now if self.polling or self.poll_first else self.now + self.slow

    def step(self, now: float, stream_live: bool) -> Step:
        """What to do next, given the clock and whether the stream can still be read."""
        if self.finishing is not None:
            if not stream_live or now >= self.finishing:
                return Finish("polling")
            return Receive(self.finishing - now)
        if self.deadline is not None and now >= self.deadline:
            return Expire()
        if not self.polling and (not stream_live or self.judge.silent(now)):
            self._to_polling(now)
        if now >= self.next_poll:
            self.next_poll = now + (self.interval if self.polling else self.slow)
            return Poll()
        wait = self.next_poll - now
        if self.deadline is not None:
            wait = min(wait, self.deadline - now)
        wake = self.judge.wake()
        if wake is not None and not self.polling:
            wait = min(wait, max(wake - now, 0.0))
        return Receive(wait) if stream_live else Sleep(wait)

    def notified(self, event: Notification | None, now: float) -> tuple[Output, ...]:
        """Feed one read of the stream (None: nothing came)."""
        if isinstance(event, ConnectionEvent) and event.state == "disconnected":
            self._to_polling(now)
            return ()
        if not isinstance(event, ActivityEvent):
            return ()
        out = self.judge.notified(event)
        if self.finishing is not None and any(isinstance(o, Finish) for o in out):
            self.finishing = None
        return out

    def polled(self, poll: Polled, now: float) -> tuple[Output, ...]:
        """Feed one poll's result."""
        result = self.judge.polled(poll, now, self.streaming and not self.polling)
        if isinstance(result, float):
            self.finishing = now + result
            return ()
        return result

    def _to_polling(self, now: float) -> None:
        self.polling = True
        self.next_poll = min(self.next_poll, now)
