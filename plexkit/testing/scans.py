"""Library scans as PMS runs them: a ``library.update.section`` activity that progresses over
time, with the section ``refreshing`` until it ends.

The activity carries what PMS's does: its Context holds only ``librarySectionID``, and
neither it nor the title or subtitle names the requested path (so a client that scans two
paths at once must tell their activities apart by order, see ``plexkit._core.waits``).

Progress is computed from the store's clock when a request arrives (no background task), so
a scan behaves the same in-process, on loopback, under asyncio or trio, and a test with a fake
clock decides when it finishes. Cancelling the activity (``DELETE /activities/{uuid}``) or the
section refresh stops it.

When a scan ends by the clock its ``ended`` notification goes out first, then the callbacks
given to `Scans.on_complete` run (the fake disk imports the new files there, so new
items appear after the end notification, as on PMS), then the section stops ``refreshing``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plexkit.testing.wire import Wire

if TYPE_CHECKING:
    from plexkit.testing.store import Section, Store

SCAN_SECONDS = 1.0
"""How long a scan takes by the store's clock, unless ``Scans.duration`` says otherwise."""


@dataclass
class Scan:
    """One running scan: its activity, section, optional path and start time."""

    activity: Wire
    section: Section
    path: str | None
    started: float


class Scans:
    """The running scans of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.duration = SCAN_SECONDS
        self.running: dict[str, Scan] = {}
        self.completed: list[Scan] = []
        """Scans that ran to the end, oldest first (what a test can assert on)."""
        self._on_complete: list[Callable[[Scan], object]] = []

    def on_complete(self, callback: Callable[[Scan], object]) -> None:
        """Call ``callback(scan)`` whenever a scan ends by the clock (not when cancelled),
        after its activity's ``ended`` notification and before the section stops
        ``refreshing``."""
        with self.store.lock:
            self._on_complete.append(callback)

    def start(self, section: Section, path: str | None = None) -> Wire:
        """Start scanning a section (or one folder of it); returns the activity."""
        activity = self.store.start_activity(
            "library.update.section",
            f"Scanning {section.title}",
            subtitle=section.title,
            context={"librarySectionID": str(section.key)},
        )
        with self.store.lock:
            self.running[activity["uuid"]] = Scan(activity, section, path, self.store.clock())
            section.data["refreshing"] = True
            self.store.changed()
        return activity

    def cancel(self, section: Section) -> int:
        """Stop the section's scans; returns how many were running."""
        stopped = [u for u, scan in self.running.items() if scan.section is section]
        for activity_uuid in stopped:
            self.store.end_activity(activity_uuid)
        self.advance()
        return len(stopped)

    def advance(self) -> None:
        """Move scans forward to the clock: update progress, finish or drop them."""
        if not self.running:
            return
        now = self.store.clock()
        with self.store.lock:
            for activity_uuid, scan in list(self.running.items()):
                if activity_uuid not in self.store.activities:  # cancelled
                    self._stop(activity_uuid)
                    continue
                done = (now - scan.started) / self.duration if self.duration > 0 else 1.0
                if done < 1.0:
                    progress = int(done * 100)
                    if progress != scan.activity["progress"]:
                        scan.activity["progress"] = progress
                        self.store.notifier.activity("updated", scan.activity)
                    continue
                scan.activity["progress"] = 100
                self.store.end_activity(activity_uuid)
                try:
                    for callback in list(self._on_complete):
                        callback(scan)
                finally:
                    self._stop(activity_uuid)
                    self.completed.append(scan)
                    scan.section.data["scannedAt"] = int(now)
                    scan.section.data["updatedAt"] = int(now)

    def _stop(self, activity_uuid: str) -> None:
        scan = self.running.pop(activity_uuid)
        if not any(s.section is scan.section for s in self.running.values()):
            scan.section.data["refreshing"] = False
        self.store.changed()
