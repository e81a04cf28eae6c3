"""Library sections: the listing, one section by key or title, and the section holding a path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.dashboard import async_with_item_counts
from plexkit._async.resources._base import Resource, not_found
from plexkit._core import endpoints
from plexkit._core.checks import check_bool
from plexkit._core.refs import section_key_of
from plexkit._core.scan_paths import check_path_text, section_for_path
from plexkit.models import sections_from
from plexkit.types import SectionRef

if TYPE_CHECKING:
    from plexkit.models import Section
    from plexkit.types import CacheMode

__all__ = ["AsyncLibrarySections"]


class AsyncLibrarySections(Resource):
    """The sections part of `AsyncLibrary`."""

    async def sections(
        self, *, cache: CacheMode = None, ttl: float | None = None, counts: bool = False
    ) -> tuple[Section, ...]:
        """Every library section with its locations and whether it is refreshing.

        ``counts=True`` fills each ``item_count`` with one empty page per section (fresh,
        concurrent; see ``plex.cache.library_counts`` for seasons, episodes and the rest).
        """
        check_bool(counts, "counts")
        data, _ = await self._client.get_data(endpoints.sections(), cache=cache, ttl=ttl)
        found = sections_from(data)
        return await async_with_item_counts(self._client, found) if counts else found

    async def section(
        self, section: SectionRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Section:
        """One section by key (``"1"``/``1``) or by title, case-insensitively; given a
        `Section`, its current state.

        Raises `NotFoundError` when no section has that key or title.
        """
        from plexkit.models import Section

        section_key_of(section)
        self._check_read(cache, ttl)
        wanted = section.key if isinstance(section, Section) else str(section).strip()
        found = await self.sections(cache=cache, ttl=ttl)
        for candidate in found:
            if candidate.key == wanted:
                return candidate
        for candidate in found:
            if (candidate.title or "").casefold() == wanted.casefold():
                return candidate
        titles = ", ".join(repr(s.title) for s in found) or "none"
        raise not_found(
            f"no library section with key or title {wanted!r} (sections: {titles})",
            "/library/sections",
        )

    async def section_for_path(
        self, path: str, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Section | None:
        """The section whose location contains the server path ``path`` (deepest wins), or
        None when no section holds it."""
        check_path_text(path)
        self._check_read(cache, ttl)
        found = await self.sections(cache=cache, ttl=ttl)
        key = section_for_path(path, [(s.key, [loc.path for loc in s.locations]) for s in found])
        return next((s for s in found if s.key == key), None)
