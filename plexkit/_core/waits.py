"""Deciding when a scan or an activity is over, from notifications and from polls (no I/O).

A scan is followed two ways at once: activity notifications (``library.update.section`` of
the section: started, updated, ended) and, when the websocket is unavailable, dropped or
silent, polls of ``/activities`` and the section's ``refreshing`` flag. The trackers here
hold what was seen and answer "done yet?"; ``plexkit._async.scans`` only feeds them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import attrs

from plexkit._core.notifications import is_scan_activity
from plexkit.models import Activity

__all__ = ["ActivityTracker", "ScanTracker"]


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
        if activity is None or not is_scan_activity(activity, self.section_key):
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
            if is_scan_activity(activity, self.section_key):
                running = True
                self.observe(activity)
        if refreshing:
            self.saw_refreshing = True
        if running or refreshing:
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
