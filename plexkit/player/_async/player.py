"""``AsyncPlexPlayer``: the `AsyncIMediaPlayer` protocol implemented on a client.

Built only on the client's public API: ``library.sections``/``items``/``refresh``/
``refresh_and_wait``, ``metadata.get``/``edit``/``match``/..., ``artworks.upload_*`` and
``activities.list``. Paths go through a `PathMapper`; the pure
planning (grouping, scan choice, picking the item of a file) is in ``plexkit.player.planning``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from plexkit._core.segments import ParsedPath, parse
from plexkit._redact import redact_url
from plexkit._synchronization import AsyncLock, async_gather
from plexkit.errors import ConfigurationError, NotFoundError, PlexError, UnauthorizedError
from plexkit.models import Activity, Item, Section
from plexkit.paths import PathMapper
from plexkit.player.arguments import match_guid, path_text, positive_seconds, rating_key
from plexkit.player.errors import translated, unavailable
from plexkit.player.planning import (
    Scan,
    is_same_folder,
    leaf_type,
    pick_item,
    plan_update,
    section_for,
)
from plexkit.player.report import (
    ConnectionTest,
    ItemReport,
    LibraryInfo,
    ScanMode,
    ScanProgress,
    UpdateReport,
)
from plexkit.player.types import ItemRef, PathInput, ProgressHandler

if TYPE_CHECKING:
    from plexkit import AsyncPlexClient

__all__ = ["AsyncPlexPlayer"]

LOOKUP_PAGE: Final = 50
"""Items asked for per ``file=`` lookup page (a file matches one or a few)."""


class AsyncPlexPlayer:
    """A Plex Media Server as a media manager's player.

    ``mapper`` maps the manager's paths to the server's (default: paths are already the
    server's). ``parallel_scans`` bounds the scans in flight in ``update_library``;
    ``scan_timeout`` bounds each scan's wait; ``sections_ttl`` is how long ``find_item``
    reuses the section list (``update_library`` always reads it fresh).
    """

    def __init__(
        self,
        client: AsyncPlexClient,
        mapper: PathMapper | None = None,
        *,
        parallel_scans: int = 3,
        scan_timeout: float = 3600.0,
        poll_interval: float = 2.0,
        use_websocket: bool = True,
        sections_ttl: float = 60.0,
    ) -> None:
        if isinstance(parallel_scans, bool) or not isinstance(parallel_scans, int):
            raise ConfigurationError(f"parallel_scans must be an int, not {parallel_scans!r}")
        if parallel_scans < 1:
            raise ConfigurationError(f"parallel_scans must be at least 1, not {parallel_scans}")
        if mapper is not None and not isinstance(mapper, PathMapper):
            raise ConfigurationError(f"mapper must be a PathMapper, not {mapper!r}")
        self.client = client
        self.mapper = mapper if mapper is not None else PathMapper(unmapped="pass")
        self.parallel_scans = parallel_scans
        self.scan_timeout = positive_seconds(scan_timeout, "scan_timeout")
        self.poll_interval = positive_seconds(poll_interval, "poll_interval")
        self.use_websocket = bool(use_websocket)
        self.sections_ttl = positive_seconds(sections_ttl, "sections_ttl")
        self._where = redact_url(client.base_url)
        self._sections: tuple[Section, ...] | None = None
        self._sections_at = 0.0

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._where} parallel_scans={self.parallel_scans}>"

    # -- the server and its libraries ---------------------------------------------------

    async def test_connection(self) -> ConnectionTest:
        """Ask the server who it is with the client's credentials (``GET /``)."""
        try:
            info = await self.client.server.info(cache=False)
        except UnauthorizedError as exc:
            return ConnectionTest(ok=False, reachable=True, auth_ok=False, error=exc)
        except PlexError as exc:
            error = unavailable(exc, self._where)
            reachable = error is exc
            return ConnectionTest(ok=False, reachable=reachable, auth_ok=False, error=error)
        return ConnectionTest(
            ok=True,
            reachable=True,
            auth_ok=True,
            name=info.friendly_name,
            version=info.version,
            machine_identifier=info.machine_identifier,
        )

    async def libraries(self) -> tuple[LibraryInfo, ...]:
        """Every library section with its folders, server-side and mapped back."""
        with translated(self._where):
            sections = await self._fresh_sections()
        return tuple(
            LibraryInfo(
                key=s.key,
                title=s.title,
                type=s.type,
                server_locations=tuple(loc.path for loc in s.locations),
                local_locations=tuple(self._local(loc.path) for loc in s.locations),
                refreshing=s.refreshing,
            )
            for s in sections
        )

    def _local(self, server_path: str) -> str | None:
        try:
            if not self.mapper.maps(server_path, direction="to_local"):
                return None
            return self.mapper.to_local(server_path)
        except PlexError:
            return None

    async def _fresh_sections(self) -> tuple[Section, ...]:
        sections = await self.client.library.sections(cache=False)
        self._sections, self._sections_at = sections, time.monotonic()
        return sections

    async def _known_sections(self) -> tuple[Section, ...]:
        if self._sections is None or time.monotonic() - self._sections_at > self.sections_ttl:
            return await self._fresh_sections()
        return self._sections

    # -- scans ----------------------------------------------------------------------------

    async def update_library(
        self,
        items: Iterable[PathInput],
        *,
        mode: ScanMode = "paths",
        wait: bool = True,
        find: bool = True,
        on_progress: ProgressHandler | None = None,
        force: bool = False,
    ) -> UpdateReport:
        """Map the changed paths, group them by section, and scan: one targeted scan per
        changed path (``mode="paths"``) or one full scan per section (``"sections"``), at
        most ``parallel_scans`` at once. With ``wait`` each scan is followed to its end
        (``on_progress`` gets its updates) and, with ``find``, each item is then looked up.

        One failing scan never stops the others: the report has one entry per input path,
        in order, saying what became of it. (The sync player runs the scans on threads, so
        ``on_progress`` is called from them.)
        """
        if isinstance(items, (str, bytes, os.PathLike)):
            raise ConfigurationError("items must be a list of paths, not a single path")
        if not isinstance(items, Iterable):
            raise ConfigurationError(f"items must be a list of paths, not {type(items).__name__}")
        paths = [path_text(p) for p in items]
        if mode not in ("paths", "sections"):
            raise ConfigurationError(f"mode must be 'paths' or 'sections', not {mode!r}")
        if on_progress is not None and not callable(on_progress):
            raise ConfigurationError("on_progress must be callable")
        if not paths:
            return UpdateReport(items=())
        with translated(self._where):
            sections = await self._fresh_sections()
        plan = plan_update(paths, self.mapper, sections, mode)
        reports = plan.reports
        pending = list(reversed(plan.scans))
        lock = AsyncLock()

        async def worker() -> None:
            while True:
                async with lock:
                    if not pending:
                        return
                    scan = pending.pop()
                await self._run_scan(scan, reports, wait, find, on_progress, force)

        workers = min(self.parallel_scans, len(plan.scans))
        for outcome in await async_gather([worker] * workers):
            if isinstance(outcome, BaseException):
                raise outcome
        return UpdateReport(items=tuple(reports), scans=len(plan.scans))

    async def _run_scan(
        self,
        scan: Scan,
        reports: list[ItemReport],
        wait: bool,
        find: bool,
        on_progress: ProgressHandler | None,
        force: bool,
    ) -> None:
        def progress(activity: Activity) -> None:
            if on_progress is not None:
                on_progress(
                    ScanProgress(
                        section_key=scan.section.key, scan_path=scan.path, activity=activity
                    )
                )

        try:
            if wait:
                result = await self.client.library.refresh_and_wait(
                    scan.section,
                    path=scan.path,
                    force=force,
                    timeout=self.scan_timeout,
                    on_progress=progress,
                    poll_interval=self.poll_interval,
                    use_websocket=self.use_websocket,
                )
                activities = result.activities
            else:
                await self.client.library.refresh(scan.section.key, path=scan.path, force=force)
                activities = ()
        except PlexError as exc:
            error = unavailable(exc, self._where)
            for index in scan.items:
                reports[index] = attrs.evolve(reports[index], status="failed", error=error)
            return
        for index in scan.items:
            reports[index] = attrs.evolve(
                reports[index], status="scanned" if wait else "requested", activities=activities
            )
        if not (wait and find):
            return
        for index in scan.items:
            report = reports[index]
            assert report.server_path is not None
            try:
                found = await self._lookup(parse(report.server_path), scan.section)
            except PlexError as exc:
                reports[index] = attrs.evolve(report, error=unavailable(exc, self._where))
                continue
            if found is not None:
                reports[index] = attrs.evolve(report, status="found", rating_key=found.rating_key)

    # -- lookups ----------------------------------------------------------------------------

    async def find_item(self, path: PathInput) -> Item | None:
        """The item whose media part is the file ``path`` (a manager's path), or for a
        folder: the movie in it, or the show (artist) its episodes (tracks) belong to.
        None when Plex has no such item or no section holds the path.

        One request (``/library/sections/{id}/all?type=&file=``, which PMS answers by a
        *contains* match on part files, checked here by whole segments), plus the section
        list once per ``sections_ttl`` and, for a show or artist folder, the parent item.
        """
        target = parse(self.mapper.to_server(path_text(path)))
        with translated(self._where):
            section = section_for(target, await self._known_sections())
            if section is None:
                return None
            return await self._lookup(target, section)

    async def _lookup(self, target: ParsedPath, section: Section) -> Item | None:
        if any(is_same_folder(target, loc.path) for loc in section.locations):
            return None  # the section's own folder is a library, not an item
        leaf = leaf_type(section)
        offset = 0
        while True:
            page = await self.client.library.items(
                section.key,
                type=leaf,
                filters={"file": target.text()},
                limit=LOOKUP_PAGE,
                offset=offset,
                cache=False,
            )
            found = pick_item(page.items, target)
            if found is not None:
                break
            offset += len(page.items)
            if not page.items or page.total is None or offset >= page.total:
                return None
        item, exact = found
        parent = getattr(item, "grandparent_rating_key", None)
        if exact or section.type not in ("show", "artist") or not parent:
            return item
        return await self.get_item(parent)

    async def get_item(self, item: ItemRef) -> Item | None:
        """The item in full detail (media, parts, tags), or None if Plex does not have it."""
        key = rating_key(item)
        with translated(self._where):
            try:
                return await self.client.metadata.get(key, cache=False)
            except NotFoundError:
                return None

    # -- metadata, matching, artwork ------------------------------------------------------

    async def sync_metadata(
        self, item: ItemRef, fields: Mapping[str, Any], *, lock: bool = True
    ) -> bool:
        """Set ``fields`` (the names `AsyncMetadata.edit` takes: ``title``,
        ``summary``, ``year``, ``genres=[...]``, ``directors``, ``writers``,
        ``collections``, ...) and lock them (``lock=True``) so agents keep them.
        False if Plex does not have the item."""
        key = rating_key(item)
        if not isinstance(fields, Mapping) or not fields:
            raise ConfigurationError("fields must be a non-empty mapping of field names to values")
        if not isinstance(lock, bool):
            raise ConfigurationError(f"lock must be True or False, not {lock!r}")
        return await self._act(lambda: self.client.metadata.edit(key, lock=lock, **dict(fields)))

    async def match(
        self,
        item: ItemRef,
        *,
        tmdb: int | str | None = None,
        tvdb: int | str | None = None,
        imdb: str | None = None,
        guid: str | None = None,
        name: str | None = None,
        year: int | None = None,
    ) -> bool:
        """Match the item to a TMDB, TVDB or IMDb id, or to an agent ``guid``; PMS then
        fetches that metadata. False if Plex does not have the item."""
        key = rating_key(item)
        wanted = match_guid(tmdb, tvdb, imdb, guid)
        return await self._act(
            lambda: self.client.metadata.match(key, wanted, name=name, year=year)
        )

    async def unmatch(self, item: ItemRef) -> bool:
        """Remove the item's match. False if Plex does not have the item."""
        key = rating_key(item)
        return await self._act(lambda: self.client.metadata.unmatch(key))

    async def refresh(self, item: ItemRef) -> bool:
        """Refresh the item's metadata from its agent. False if Plex does not have it."""
        key = rating_key(item)
        return await self._act(lambda: self.client.metadata.refresh(key))

    async def analyze(self, item: ItemRef) -> bool:
        """Analyse the item's media (streams, loudness, thumbnails). False if it is missing."""
        key = rating_key(item)
        return await self._act(lambda: self.client.metadata.analyze(key))

    async def set_poster(
        self, item: ItemRef, *, url: str | None = None, data: bytes | None = None, lock: bool = True
    ) -> bool:
        """Upload a poster from ``url`` (the server fetches it) or image ``data``; Plex
        shows it, and ``lock`` keeps it through agent refreshes. False if it is missing."""
        key = rating_key(item)
        return await self._act(
            lambda: self.client.artworks.upload_poster(key, url=url, data=data, lock=lock)
        )

    async def set_art(
        self, item: ItemRef, *, url: str | None = None, data: bytes | None = None, lock: bool = True
    ) -> bool:
        """Upload a background from ``url`` or image ``data``, shown and optionally locked.
        False if Plex does not have the item."""
        key = rating_key(item)
        return await self._act(
            lambda: self.client.artworks.upload_art(key, url=url, data=data, lock=lock)
        )

    async def activities(self) -> tuple[Activity, ...]:
        """The server's running activities (never cached)."""
        with translated(self._where):
            return await self.client.activities.list(cache=False)

    async def _act(self, call: Callable[[], Awaitable[None]]) -> bool:
        with translated(self._where):
            try:
                await call()
            except NotFoundError:
                return False
        return True
