"""Library scans: start one for a section or a path in it, or start one and wait for its end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._library_sections import AsyncLibrarySections
from plexkit._core import endpoints
from plexkit._core.checks import check_bool
from plexkit._core.scan_paths import check_path_text, check_scan_path
from plexkit.types import SectionRef

if TYPE_CHECKING:
    from plexkit.models import Section
    from plexkit.models.management import ScanResult
    from plexkit.types import ProgressCallback

__all__ = ["AsyncLibraryScans"]


class AsyncLibraryScans(AsyncLibrarySections):
    """The scans part of `AsyncLibrary` (a scan's target is checked against its section)."""

    async def refresh(
        self, section: SectionRef, *, path: str | None = None, force: bool = False
    ) -> None:
        """Start a scan of a whole section, or only of ``path`` inside it.

        ``section`` is a `Section`, its key or its title. A ``path`` outside every location
        of the section raises `ConfigurationError` before the scan is requested (with a
        `Section`, before any request at all): PMS would accept it and silently scan nothing.
        """
        from plexkit.models import Section

        check_bool(force, "force")
        if path is None and not isinstance(section, Section):
            spec = await self._section_spec(
                section, lambda key: endpoints.refresh_section(key, force=force)
            )
            await self._client.request(spec)
            return
        found, path = await self._scan_target(section, path)
        await self._client.request(endpoints.refresh_section(found.key, path=path, force=force))

    async def refresh_and_wait(
        self,
        section: SectionRef,
        *,
        path: str | None = None,
        force: bool = False,
        timeout: float = 3600.0,
        on_progress: ProgressCallback | None = None,
        poll_interval: float = 2.0,
        start_grace: float = 5.0,
        use_websocket: bool = True,
    ) -> ScanResult:
        """Scan a section (or only ``path`` in it) and return when the scan has finished.

        Follows the scan's activity notifications over the websocket; without one (or when
        it drops or stays silent for ``start_grace`` seconds) polls ``/activities`` and the
        section's ``refreshing`` flag every ``poll_interval`` seconds. ``on_progress`` gets
        each new `Activity` state. With ``path`` only that scan's activity is followed
        (concurrent scans of other paths in the section do not delay or report into it).
        ``section`` is a key, a title or a `Section`; a ``path`` outside every location of
        the section raises `ConfigurationError` before the scan is requested (with a
        `Section`, before any request at all). After ``timeout`` seconds raises
        `WaitTimeoutError` (a ``TimeoutError``).
        """
        from plexkit._async.scans import ScanWait, refresh_and_wait

        check_bool(force, "force")
        check_bool(use_websocket, "use_websocket")
        options = ScanWait(
            timeout=timeout,
            on_progress=on_progress,
            poll_interval=poll_interval,
            start_grace=start_grace,
            use_websocket=use_websocket,
        )
        found, path = await self._scan_target(section, path)
        return await refresh_and_wait(self._client, found, path, force=force, options=options)

    async def _scan_target(
        self, section: SectionRef, path: str | None
    ) -> tuple[Section, str | None]:
        """The section (read by key or title unless given) and ``path`` checked against its
        locations (a malformed ``path`` is refused before any request)."""
        from plexkit.models import Section

        if path is not None:
            check_path_text(path)
        if isinstance(section, Section):
            found = section
        else:
            found = await self.section(section, cache=False)
        if path is not None:
            locations = [loc.path for loc in found.locations]
            path = check_scan_path(
                path, locations, section=f"section {found.key} ({found.title!r})"
            )
        return found, path
