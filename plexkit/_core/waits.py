"""Deciding when a scan or an activity is over, from notifications and from polls (no I/O).

A scan is followed two ways at once: activity notifications (``library.update.section`` of
the section: started, updated, ended) and, when the websocket is unavailable, dropped or
silent, polls of ``/activities`` and the section's ``refreshing`` flag. The trackers here
hold what was seen and answer "done yet?"; ``plexkit._async.scans`` only feeds them.

A scan of one ``path`` must follow only its own activity, but PMS does not say which path a
``library.update.section`` activity scans (its Context carries only ``librarySectionID``; the
subtitle names what is being scanned, not the requested folder). :class:`ScanClaims` decides
ownership for the waits of one client: an activity whose subtitle names a waiting path
belongs to that wait; otherwise the path scans acknowledged in a section own the scan
activities first seen after their acknowledgement in the same order (the k-th acknowledged
scan owns the k-th new activity). Activities already known when a wait registered are never
its own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime

import attrs

from plexkit._core.notifications import is_scan_activity
from plexkit.models import Activity

__all__ = ["ActivityTracker", "ScanClaims", "ScanTracker"]


def _fingerprint(activity: Activity) -> tuple[object, ...]:
    return (activity.progress, activity.subtitle, activity.title)


def _names(subtitle: str | None, path: str) -> bool:
    """True when an activity subtitle names ``path`` or something inside it."""
    if not subtitle:
        return False
    root = path.rstrip("/\\")
    return subtitle == root or subtitle.startswith((root + "/", root + "\\"))


@attrs.define
class ScanClaims:
    """Which path-scoped scan wait owns which scan activity, shared by one client's waits.

    Thread-safe (the sync client's waits may run on several threads); holds no I/O.
    """

    _next: int = 0
    _paths: dict[int, tuple[str, str]] = attrs.field(factory=dict)
    _waiting: list[int] = attrs.field(factory=list)
    _baseline: dict[int, frozenset[str]] = attrs.field(factory=dict)
    _owner: dict[str, int] = attrs.field(factory=dict)
    _known: set[str] = attrs.field(factory=set)
    _lock: threading.Lock = attrs.field(factory=threading.Lock)

    def register(self, section_key: str, path: str) -> int:
        """A wait for the scan of ``path`` in ``section_key`` whose request was acknowledged
        now; returns the wait's token."""
        with self._lock:
            token = self._next
            self._next += 1
            self._paths[token] = (str(section_key), path)
            self._waiting.append(token)
            self._baseline[token] = frozenset(self._known)
            return token

    def release(self, token: int) -> None:
        """Forget a finished (or failed) wait and the activities it owned."""
        with self._lock:
            self._paths.pop(token, None)
            self._baseline.pop(token, None)
            if token in self._waiting:
                self._waiting.remove(token)
            for uuid in [u for u, owner in self._owner.items() if owner == token]:
                del self._owner[uuid]

    def owner(self, activity: Activity) -> int | None:
        """The token of the wait that owns scan ``activity`` (deciding it on first sight),
        or None when no registered wait does."""
        with self._lock:
            uuid = activity.uuid
            if uuid in self._owner:
                return self._owner[uuid]
            first_sight = uuid not in self._known
            self._known.add(uuid)
            section = activity.context.library_section_id if activity.context else None
            candidates = [
                token
                for token in self._waiting
                if self._paths[token][0] == str(section) and uuid not in self._baseline[token]
            ]
            named = [t for t in candidates if _names(activity.subtitle, self._paths[t][1])]
            if named:
                chosen = max(named, key=lambda t: len(self._paths[t][1]))
            elif candidates and first_sight:
                chosen = candidates[0]
            else:
                return None
            self._owner[uuid] = chosen
            self._waiting.remove(chosen)
            return chosen


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
        path-scoped wait only the one :class:`ScanClaims` assigns it."""
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
