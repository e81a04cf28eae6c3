"""What the player hands back: per-item update reports, scan progress, connection tests and
libraries. Plain frozen records, no I/O."""

from __future__ import annotations

from typing import Literal

import attrs

from plexkit.errors import PlexError
from plexkit.models import Activity

__all__ = [
    "ConnectionTest",
    "ItemReport",
    "ItemStatus",
    "LibraryInfo",
    "ScanMode",
    "ScanProgress",
    "UpdateReport",
]

ItemStatus = Literal["found", "scanned", "requested", "not_in_section", "unmapped", "failed"]
"""``found``: scanned, then found in Plex (``rating_key`` set); ``scanned``: the scan ended
but Plex has no item for the path (or it was not looked up); ``requested``: the scan was
started and not waited for; ``not_in_section``: the server path is in no library section;
``unmapped``: no path mapping covers it; ``failed``: its scan (or lookup) raised ``error``."""

ScanMode = Literal["paths", "sections"]
"""``paths``: one targeted scan per changed folder or file; ``sections``: one full scan of
each section that holds a changed path."""


@attrs.frozen(kw_only=True)
class ItemReport:
    """What became of one input path in ``update_library``."""

    path: str
    """The path as given (the manager's)."""
    status: ItemStatus
    server_path: str | None = None
    """The mapped server path (None when unmapped)."""
    section_key: str | None = None
    section_title: str | None = None
    scan_path: str | None = None
    """The server path the scan covering this item was asked for (None for a full scan)."""
    rating_key: str | None = None
    """The item Plex holds for the path after the scan, when it was looked up and found."""
    activities: tuple[str, ...] = ()
    """The uuids of the scan activities that covered this item."""
    error: PlexError | None = None
    """Why it failed (``failed``, ``unmapped``), or why the lookup after its scan failed
    (``scanned``)."""

    @property
    def ok(self) -> bool:
        """True when the scan ran (or was requested) for this item."""
        return self.status in ("found", "scanned", "requested")


@attrs.frozen(kw_only=True)
class UpdateReport:
    """One `ItemReport` per input path, in input order; nothing is dropped."""

    items: tuple[ItemReport, ...]
    scans: int = 0
    """How many scans were requested."""

    def with_status(self, *statuses: ItemStatus) -> tuple[ItemReport, ...]:
        """The reports with one of ``statuses``."""
        return tuple(r for r in self.items if r.status in statuses)

    @property
    def found(self) -> tuple[ItemReport, ...]:
        """Items scanned and found in Plex afterwards."""
        return self.with_status("found")

    @property
    def failed(self) -> tuple[ItemReport, ...]:
        """Items whose scan or lookup failed, and unmapped ones."""
        return self.with_status("failed", "unmapped")

    @property
    def not_in_section(self) -> tuple[ItemReport, ...]:
        """Items whose server path is in no library section."""
        return self.with_status("not_in_section")

    @property
    def ok(self) -> bool:
        """True when every item was scanned (or its scan requested)."""
        return all(r.ok for r in self.items)

    def summary(self) -> str:
        """One line: how many items ended in each status."""
        counts: dict[str, int] = {}
        for report in self.items:
            counts[report.status] = counts.get(report.status, 0) + 1
        parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        return f"{len(self.items)} item(s) in {self.scans} scan(s): {parts or 'nothing to do'}"


@attrs.frozen(kw_only=True)
class ScanProgress:
    """A progress update of one scan: which server path (None: full section scan), of which
    section, and the activity's current state."""

    section_key: str
    scan_path: str | None
    activity: Activity


@attrs.frozen(kw_only=True)
class ConnectionTest:
    """The outcome of ``test_connection``: reachable and authorised, with the server's name
    and version, or the error that stopped it (never raised)."""

    ok: bool
    reachable: bool
    auth_ok: bool
    name: str | None = None
    version: str | None = None
    machine_identifier: str | None = None
    error: PlexError | None = None


@attrs.frozen(kw_only=True)
class LibraryInfo:
    """A library section with its folders as the server sees them and, where the path
    mapper covers them, as the manager sees them (None where it does not)."""

    key: str
    title: str | None
    type: str | None
    server_locations: tuple[str, ...]
    local_locations: tuple[str | None, ...]
    refreshing: bool = False
