"""The client's resource groups: server, library, metadata, activities, sessions, history, raw.

Each method builds a request spec in :mod:`plexkit._core.endpoints`, sends it through the
client and reads typed models from the answer.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from plexkit._async.scans import AsyncActivityWatch, ProgressCallback, refresh_and_wait
from plexkit._core import artwork, edits, endpoints, matching, urls
from plexkit._core.endpoints import ParamValue, RequestSpec
from plexkit._core.paging import Page, PageCursor, total_from
from plexkit._core.redact import get_logger, register_secret
from plexkit._core.scan_paths import section_for_path
from plexkit._synchronization import async_read_ahead
from plexkit.errors import APIError, ConfigurationError, NotFoundError, ParseError
from plexkit.models import (
    Activity,
    Collection,
    HistoryEntry,
    Hub,
    Identity,
    Item,
    Part,
    Section,
    ServerInfo,
    Session,
    activities_from,
    history_from,
    hubs_from,
    identity_from,
    items_from,
    paging_from,
    sections_from,
    server_info_from,
    sessions_from,
    structure,
)
from plexkit.models.management import Agent, Artwork, MatchCandidate, ScanResult

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient, CacheMode

__all__ = [
    "AsyncActivities",
    "AsyncArtworks",
    "AsyncHistory",
    "AsyncLibrary",
    "AsyncMetadata",
    "AsyncRaw",
    "AsyncServer",
    "AsyncSessions",
    "AsyncURLs",
    "TokenChoice",
]

DEFAULT_PAGE_SIZE = 500
TRANSIENT_TOKEN_REUSE: Final = 3600.0
"""Seconds a transient token is reused before a new one is asked for (PMS keeps them 48 h)."""

TokenChoice = bool | Literal["transient", "permanent"]

log = get_logger(__name__)


class _Resource:
    def __init__(self, client: AsyncPlexClient) -> None:
        self._client = client


async def _page(
    client: AsyncPlexClient,
    spec: RequestSpec,
    offset: int,
    limit: int,
    cache: CacheMode,
    ttl: float | None,
) -> Page[Item]:
    data, response = await client.get_data(spec.with_window(offset, limit), cache=cache, ttl=ttl)
    _, body_total = paging_from(data)
    return Page(
        items=items_from(data)[:limit],
        offset=offset,
        total=total_from(body_total, response.headers),
        stale=response.stale,
    )


def _entry_count(data: Mapping[str, Any]) -> int:
    """How many items a decoded page holds, without building them."""
    entries = data.get("Metadata")
    if isinstance(entries, list):
        return len(entries)
    return 1 if isinstance(entries, dict) else 0


async def _raw_pages(
    client: AsyncPlexClient,
    spec: RequestSpec,
    page_size: int,
    limit: int | None,
    cache: CacheMode,
) -> AsyncIterator[tuple[dict[str, Any], int]]:
    """Decoded pages and how many of their items belong to the walk (models not built yet)."""
    cursor = PageCursor(page_size=page_size, limit=limit)
    while not cursor.done:
        offset, size = cursor.window()
        data, response = await client.get_data(spec.with_window(offset, size), cache=cache)
        _, body_total = paging_from(data)
        kept = cursor.advance(_entry_count(data), total_from(body_total, response.headers))
        yield data, kept


async def _iterate(
    client: AsyncPlexClient,
    spec: RequestSpec,
    page_size: int,
    limit: int | None,
    cache: CacheMode,
) -> AsyncIterator[Item]:
    """Every item, page by page. The sync twin fetches and decodes the next page on a worker
    thread while the caller builds and reads the current one (see ``read_ahead``)."""
    async for data, kept in async_read_ahead(_raw_pages(client, spec, page_size, limit, cache)):
        for item in items_from(data)[:kept]:
            yield item


class AsyncServer(_Resource):
    """The server itself: ``/`` and ``/identity``."""

    async def info(self, *, cache: CacheMode = None, ttl: float | None = None) -> ServerInfo:
        """Name, version, platform, machine identifier and capabilities (``GET /``)."""
        data, _ = await self._client.get_data(endpoints.server_info(), cache=cache, ttl=ttl)
        return server_info_from(data)

    async def identity(self, *, cache: CacheMode = None, ttl: float | None = None) -> Identity:
        """The machine identifier and version, readable without a token (``GET /identity``)."""
        data, _ = await self._client.get_data(endpoints.identity(), cache=cache, ttl=ttl)
        return identity_from(data)

    _transient: tuple[str, float] | None = None

    async def transient_token(self, *, refresh: bool = False) -> str:
        """A transient token (``/security/token``) with this client's access, for URLs handed
        to browsers and players: valid up to 48 hours, void when the server restarts.

        The same token is reused for an hour (``refresh=True`` asks for a new one). It is
        registered for redaction, so it never shows in plexkit's logs or errors.
        """
        cached = self._transient
        now = time.monotonic()
        if cached is not None and not refresh and now - cached[1] < TRANSIENT_TOKEN_REUSE:
            return cached[0]
        data, _ = await self._client.get_data(matching.transient_token_request(), cache=False)
        token = data.get("token")
        if not isinstance(token, str) or not token:
            raise ParseError("the server answered /security/token without a token")
        register_secret(token)
        self._transient = (token, now)
        return token


class AsyncLibrary(_Resource):
    """Library sections, their items, search, recently added, collections and scans."""

    async def sections(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Section, ...]:
        """Every library section with its locations and whether it is refreshing."""
        data, _ = await self._client.get_data(endpoints.sections(), cache=cache, ttl=ttl)
        return sections_from(data)

    async def section(
        self, key_or_title: str | int, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Section:
        """One section by key (``"1"``/``1``) or by title, case-insensitively."""
        wanted = str(key_or_title)
        found = await self.sections(cache=cache, ttl=ttl)
        for section in found:
            if section.key == wanted:
                return section
        for section in found:
            if (section.title or "").casefold() == wanted.casefold():
                return section
        titles = ", ".join(repr(s.title) for s in found) or "none"
        raise NotFoundError(
            f"no library section with key or title {wanted!r} (sections: {titles})",
            status_code=404,
            method="GET",
            url="/library/sections",
        )

    async def items(
        self,
        section_key: str | int,
        *,
        limit: int = 50,
        offset: int = 0,
        type: int | str | None = None,
        sort: str | None = None,
        filters: Mapping[str, ParamValue | None] | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> Page[Item]:
        """One page of a section's items (``limit``/``offset`` map to X-Plex-Container-*)."""
        spec = endpoints.library_items(
            section_key, type=type, sort=sort, filters=filters, include_guids=include_guids
        )
        return await _page(self._client, spec, offset, limit, cache, ttl)

    async def iter_items(
        self,
        section_key: str | int,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        type: int | str | None = None,
        sort: str | None = None,
        filters: Mapping[str, ParamValue | None] | None = None,
        cache: CacheMode = False,
        include_guids: bool = False,
    ) -> AsyncIterator[Item]:
        """Every item of a section, fetched page by page; only one page is held at a time.

        Pages are not cached unless ``cache=True`` is passed: a walk over a whole library
        would otherwise fill the cache with it.
        """
        spec = endpoints.library_items(
            section_key, type=type, sort=sort, filters=filters, include_guids=include_guids
        )
        async for item in _iterate(self._client, spec, page_size, limit, cache):
            yield item

    async def search(
        self,
        query: str,
        *,
        limit: int | None = None,
        section_key: str | int | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[Hub, ...]:
        """Search every library (``/hubs/search``): one hub per result type, with its items."""
        spec = endpoints.search(query, limit=limit, section_key=section_key)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return hubs_from(data)

    async def recently_added(
        self,
        *,
        limit: int = 20,
        section_key: str | int | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[Item, ...]:
        """The newest items, across libraries or in one section."""
        spec = endpoints.recently_added(limit=limit, section_key=section_key)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return items_from(data)[:limit]

    async def collections(
        self, section_key: str | int, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Collection, ...]:
        """The collections of a section."""
        data, _ = await self._client.get_data(
            endpoints.collections(section_key), cache=cache, ttl=ttl
        )
        return tuple(item for item in items_from(data) if isinstance(item, Collection))

    async def collection(
        self,
        key: str | int,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> Collection:
        """A collection with its items filled in."""
        detail = await AsyncMetadata(self._client).get(key, cache=cache, ttl=ttl)
        if not isinstance(detail, Collection):
            raise NotFoundError(
                f"item {key!r} is a {detail.type!r}, not a collection",
                status_code=404,
                method="GET",
                url=f"/library/metadata/{key}",
            )
        spec = endpoints.collection_items(key, include_guids=include_guids)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return attrs.evolve(detail, items=items_from(data))

    async def refresh(
        self, section_key: str | int, *, path: str | None = None, force: bool = False
    ) -> None:
        """Start a scan of a whole section, or only of ``path`` inside it."""
        await self._client.request(endpoints.refresh_section(section_key, path=path, force=force))

    async def refresh_and_wait(
        self,
        section: str | int | Section,
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
        each new :class:`Activity` state. ``section`` is a key, a title or a
        :class:`Section`; a ``path`` outside every location of the section raises
        :class:`ConfigurationError` before the scan is requested (with a :class:`Section`,
        before any request at all). After ``timeout`` seconds raises
        :class:`~plexkit.errors.WaitTimeoutError` (a ``TimeoutError``).
        """
        return await refresh_and_wait(
            self._client,
            section,
            path=path,
            force=force,
            timeout=timeout,
            on_progress=on_progress,
            poll_interval=poll_interval,
            start_grace=start_grace,
            use_websocket=use_websocket,
        )

    async def section_for_path(
        self, path: str, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Section | None:
        """The section whose location contains the server path ``path`` (deepest wins), or
        None when no section holds it."""
        found = await self.sections(cache=cache, ttl=ttl)
        key = section_for_path(path, [(s.key, [loc.path for loc in s.locations]) for s in found])
        return next((s for s in found if s.key == key), None)

    async def agents(
        self, type: int | str | None = None, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Agent, ...]:
        """The server's metadata agents (``/system/agents``), optionally for one item type."""
        data, _ = await self._client.get_data(matching.agents_request(type), cache=cache, ttl=ttl)
        return tuple(structure(entry, Agent) for entry in _entries(data, "Agent"))


class AsyncMetadata(_Resource):
    """Single items by rating key: detail, children, leaves and edits."""

    async def get(
        self, rating_key: str | int, *, cache: CacheMode = None, ttl: float | None = None
    ) -> Item:
        """An item in full detail (media, parts, streams, tags)."""
        spec = endpoints.metadata(rating_key)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        found = items_from(data)
        if not found:
            raise NotFoundError(
                f"no item with rating key {rating_key!r}",
                status_code=404,
                method="GET",
                url=spec.path,
            )
        return found[0]

    async def children(
        self,
        rating_key: str | int,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> tuple[Item, ...]:
        """Direct children: a show's seasons, a season's episodes, an album's tracks."""
        spec = endpoints.children(rating_key, include_guids=include_guids)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return items_from(data)

    async def all_leaves(
        self,
        rating_key: str | int,
        *,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> tuple[Item, ...]:
        """Every leaf below an item: all episodes of a show, all tracks of an artist."""
        spec = endpoints.children(rating_key, leaves=True, include_guids=include_guids)
        data, _ = await self._client.get_data(spec, cache=cache, ttl=ttl)
        return items_from(data)

    async def edit(self, rating_key: str | int, *, lock: bool | None = True, **fields: Any) -> None:
        """Change fields of an item and lock them, so agents do not overwrite them.

        Scalars: ``title``, ``sort_title``, ``original_title``, ``summary``, ``tagline``,
        ``year``, ``rating``, ``content_rating``, ``studio``, ``originally_available_at``
        (a date or ``"YYYY-MM-DD"``), ``edition_title``; None clears one. Tag lists:
        ``genres``, ``directors``, ``writers``, ``producers``, ``collections``, ``labels``,
        ``countries``, ``moods``, ``styles`` take a list (the new list; ``[]`` clears it) or
        ``TagEdit(add=[...], remove=[...])``. ``lock=False`` unlocks the edited fields,
        ``lock=None`` leaves their locks as they are.

        Adding to or replacing a tag list reads the item's current tags first (one GET).
        """
        ids = edits.rating_key_list([rating_key])
        current = await self._current_tags(ids, edits.tags_to_read(fields, lock=lock))
        await self._client.request(
            edits.edit_request(rating_key, lock=lock, fields=fields, current=current)
        )

    async def edit_many(
        self,
        section_key: str | int,
        rating_keys: Iterable[str | int],
        *,
        type: int | str,
        lock: bool | None = True,
        **fields: Any,
    ) -> None:
        """Edit several items of one ``type`` (``PUT .../sections/{id}/all?type=&id=``).

        Takes the fields of :meth:`edit`. Scalar fields, removals and locks go in one request
        for all the items. Tag additions and replacements depend on each item's own tags, so
        the current tags of all the items are read in one GET and each item is then sent its
        own list (one PUT per item).
        """
        if rating_keys is None or isinstance(rating_keys, (str, bytes, int)):
            raise ConfigurationError("rating_keys must be a list of rating keys")
        keys = list(rating_keys)
        ids = edits.rating_key_list(keys)
        single = edits.edit_many_request(
            section_key, keys, type=type, lock=lock, fields=fields, current=edits.NO_TAGS
        )
        needed = edits.tags_to_read(fields, lock=lock)
        if not needed:
            await self._client.request(single)
            return
        spec = RequestSpec(method="GET", path=f"/library/metadata/{ids}")
        data, _ = await self._client.get_data(spec, cache=False)
        entries = {str(entry.get("ratingKey")): entry for entry in _entries(data, "Metadata")}
        missing = [str(key) for key in keys if str(key).strip() not in entries]
        if missing:
            raise NotFoundError(
                f"no item with rating key {missing[0]!r}",
                status_code=404,
                method="GET",
                url=spec.path,
            )
        for key in keys:
            current = edits.current_tags([entries[str(key).strip()]], needed)
            await self._client.request(
                edits.edit_request(key, lock=lock, fields=fields, current=current)
            )

    async def lock(self, rating_key: str | int, *fields: str) -> None:
        """Lock fields (``"title"``, ``"genres"``, ``"poster"``, ``"art"``...) against agents."""
        await self._client.request(edits.lock_request(rating_key, fields, locked=True))

    async def unlock(self, rating_key: str | int, *fields: str) -> None:
        """Unlock fields, so the next metadata refresh may change them."""
        await self._client.request(edits.lock_request(rating_key, fields, locked=False))

    async def locked_fields(self, rating_key: str | int) -> frozenset[str]:
        """The item's locked fields, by the names :meth:`edit` and :meth:`lock` take."""
        data, _ = await self._client.get_data(endpoints.metadata(rating_key), cache=False)
        entries = _entries(data, "Metadata")
        if not entries:
            raise NotFoundError(
                f"no item with rating key {rating_key!r}",
                status_code=404,
                method="GET",
                url=endpoints.metadata(rating_key).path,
            )
        return edits.locked_fields(entries[0])

    async def _current_tags(
        self, ids: str, elements: tuple[str, ...]
    ) -> dict[str, list[str]] | None:
        if not elements:
            return None
        spec = RequestSpec(method="GET", path=f"/library/metadata/{ids}")
        data, _ = await self._client.get_data(spec, cache=False)
        entries = _entries(data, "Metadata")
        if not entries:
            raise NotFoundError(
                f"no item with rating key {ids!r}", status_code=404, method="GET", url=spec.path
            )
        return edits.current_tags(entries, elements)

    async def matches(
        self,
        rating_key: str | int,
        *,
        title: str | None = None,
        year: int | None = None,
        agent: str | None = None,
        language: str | None = None,
    ) -> tuple[MatchCandidate, ...]:
        """The agent's match candidates for an item, best first; search by ``title``/``year``
        (and another ``agent``/``language``) instead of what the item says."""
        spec = matching.matches_request(
            rating_key, title=title, year=year, agent=agent, language=language
        )
        data, _ = await self._client.get_data(spec, cache=False)
        found = [structure(entry, MatchCandidate) for entry in matching.candidates_from(data)]
        return tuple(sorted(found, key=lambda c: -(c.score or 0)))

    async def match(
        self,
        rating_key: str | int,
        guid: str | MatchCandidate,
        *,
        name: str | None = None,
        year: int | None = None,
    ) -> None:
        """Match the item to ``guid`` (a :class:`MatchCandidate` or a guid such as
        ``"plex://movie/5d776..."``); PMS then fetches that metadata."""
        if isinstance(guid, MatchCandidate):
            name = name if name is not None else (guid.name or None)
            year = year if year is not None else guid.year
            guid = guid.guid
        await self._client.request(matching.match_request(rating_key, guid, name=name, year=year))

    async def unmatch(self, rating_key: str | int) -> None:
        """Remove the item's agent match."""
        await self._client.request(matching.unmatch_request(rating_key))

    async def refresh(
        self, rating_key: str | int, *, agent: str | None = None, mark_updated: bool | None = None
    ) -> None:
        """Refresh the item's metadata from its agent (runs as an activity on the server)."""
        await self._client.request(
            matching.refresh_item_request(rating_key, agent=agent, mark_updated=mark_updated)
        )

    async def analyze(self, rating_key: str | int) -> None:
        """Analyse the item's media: codecs, loudness, preview thumbnails, intro markers."""
        await self._client.request(matching.analyze_request(rating_key))


class AsyncActivities(_Resource):
    """Server activities: scans, analysis, downloads."""

    async def list(
        self, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Activity, ...]:
        """The activities running now, with their progress."""
        data, _ = await self._client.get_data(endpoints.activities(), cache=cache, ttl=ttl)
        return activities_from(data)

    async def cancel(self, uuid: str) -> None:
        """Cancel a cancellable activity."""
        await self._client.request(endpoints.cancel_activity(uuid))

    async def get(self, uuid: str) -> Activity | None:
        """One running activity by uuid, or None if it is not (or no longer) running."""
        found = await self.list(cache=False)
        return next((a for a in found if a.uuid == uuid), None)

    def watch(
        self,
        uuid: str | Activity,
        *,
        poll_interval: float = 1.0,
        timeout: float | None = None,
        use_websocket: bool = True,
    ) -> AsyncActivityWatch:
        """Progress updates of one activity until it ends (an async iterator of
        :class:`Activity`): ``async for a in plex.activities.watch(uuid)`` polls; inside
        ``async with plex.activities.watch(uuid) as updates`` websocket notifications are
        followed. A cancelled or finished activity ends the iteration."""
        if isinstance(uuid, Activity):
            uuid = uuid.uuid
        return AsyncActivityWatch(
            self._client,
            uuid,
            poll_interval=poll_interval,
            timeout=timeout,
            use_websocket=use_websocket,
        )


class AsyncSessions(_Resource):
    """What is playing now; never cached."""

    async def list(self) -> tuple[Session, ...]:
        """Active playback sessions with user, player and transcode details."""
        data, _ = await self._client.get_data(endpoints.sessions(), cache=False)
        return sessions_from(data)


class AsyncHistory(_Resource):
    """Watch history across users."""

    async def list(
        self,
        *,
        limit: int | None = 100,
        offset: int = 0,
        account_id: int | None = None,
        section_key: str | int | None = None,
        rating_key: str | int | None = None,
        since: datetime | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
    ) -> tuple[HistoryEntry, ...]:
        """History entries, newest first; ``limit=None`` reads every page."""
        spec = endpoints.history(
            account_id=account_id, section_key=section_key, rating_key=rating_key, since=since
        )
        cursor = PageCursor(page_size=DEFAULT_PAGE_SIZE, offset=offset, limit=limit)
        entries: list[HistoryEntry] = []
        while not cursor.done:
            start, size = cursor.window()
            data, response = await self._client.get_data(
                spec.with_window(start, size), cache=cache, ttl=ttl
            )
            page = history_from(data)
            _, body_total = paging_from(data)
            cursor.advance(len(page), total_from(body_total, response.headers))
            entries.extend(page)
        return tuple(entries)


class AsyncRaw(_Resource):
    """The escape hatch: any endpoint by path, decoded into the MediaContainer dict."""

    async def get(
        self, path: str, params: Mapping[str, ParamValue | None] | None = None
    ) -> dict[str, Any]:
        """GET ``path`` and return its decoded MediaContainer (JSON shape, also for XML)."""
        data, _ = await self._client.get_data(
            endpoints.raw("GET", path, params, idempotent=True), cache=False
        )
        return data

    async def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, ParamValue | None] | None = None,
        *,
        idempotent: bool = False,
    ) -> dict[str, Any]:
        """Any method; retried only when ``idempotent=True`` says it is safe to repeat."""
        data, _ = await self._client.get_data(
            endpoints.raw(method, path, params, idempotent=idempotent), cache=False
        )
        return data


class AsyncArtworks(_Resource):
    """Posters and backgrounds of items: list, upload (URL or bytes), select, lock."""

    async def posters(self, rating_key: str | int) -> tuple[Artwork, ...]:
        """The posters the item can show (agents' and uploaded), the selected one marked."""
        return await self._list(rating_key, "poster")

    async def arts(self, rating_key: str | int) -> tuple[Artwork, ...]:
        """The backgrounds the item can show."""
        return await self._list(rating_key, "art")

    async def upload_poster(
        self,
        rating_key: str | int,
        *,
        url: str | None = None,
        data: bytes | None = None,
        lock: bool = False,
    ) -> None:
        """Add a poster and show it: from ``url`` (the *server* downloads it) or from image
        ``data``. ``lock=True`` also locks it against agent refreshes."""
        await self._upload(rating_key, "poster", url=url, data=data, lock=lock)

    async def upload_art(
        self,
        rating_key: str | int,
        *,
        url: str | None = None,
        data: bytes | None = None,
        lock: bool = False,
    ) -> None:
        """Add a background and show it: from ``url`` or from image ``data``."""
        await self._upload(rating_key, "art", url=url, data=data, lock=lock)

    async def select_poster(self, rating_key: str | int, poster: str | Artwork) -> None:
        """Show one of the item's posters (an :class:`Artwork` or its ``rating_key``)."""
        await self._select(rating_key, "poster", poster)

    async def select_art(self, rating_key: str | int, art: str | Artwork) -> None:
        """Show one of the item's backgrounds."""
        await self._select(rating_key, "art", art)

    async def lock_poster(self, rating_key: str | int) -> None:
        """Keep the current poster when agents refresh the item."""
        await self._client.request(edits.lock_request(rating_key, ["poster"], locked=True))

    async def unlock_poster(self, rating_key: str | int) -> None:
        """Let agents change the poster again."""
        await self._client.request(edits.lock_request(rating_key, ["poster"], locked=False))

    async def lock_art(self, rating_key: str | int) -> None:
        """Keep the current background when agents refresh the item."""
        await self._client.request(edits.lock_request(rating_key, ["art"], locked=True))

    async def unlock_art(self, rating_key: str | int) -> None:
        """Let agents change the background again."""
        await self._client.request(edits.lock_request(rating_key, ["art"], locked=False))

    async def _list(self, rating_key: str | int, kind: artwork.Kind) -> tuple[Artwork, ...]:
        spec = artwork.list_request(endpoints.metadata(rating_key).path, kind)
        data, _ = await self._client.get_data(spec, cache=False)
        entries = _entries(data, "Metadata") or _entries(data, "Photo")
        return tuple(structure(entry, Artwork) for entry in entries)

    async def _upload(
        self,
        rating_key: str | int,
        kind: artwork.Kind,
        *,
        url: str | None,
        data: bytes | None,
        lock: bool,
    ) -> None:
        if not isinstance(lock, bool):
            raise ConfigurationError(f"lock must be True or False, not {lock!r}")
        spec = artwork.upload_request(endpoints.metadata(rating_key).path, kind, url=url, data=data)
        try:
            await self._client.request(spec)
        except APIError as exc:
            if exc.status_code < 500:
                raise
            source = "the image at the given URL" if url is not None else "the uploaded image"
            raise type(exc)(
                f"{exc} -- the server could not fetch or decode {source}",
                status_code=exc.status_code,
                method=exc.method,
                url=exc.url,
                body_excerpt=exc.body_excerpt,
            ) from None
        if lock:
            await self._client.request(edits.lock_request(rating_key, [kind], locked=True))

    async def _select(
        self, rating_key: str | int, kind: artwork.Kind, choice: str | Artwork
    ) -> None:
        key = choice.rating_key if isinstance(choice, Artwork) else choice
        if key is None:
            raise ConfigurationError("this artwork has no rating_key to select it by")
        spec = artwork.select_request(endpoints.metadata(rating_key).path, kind, key)
        await self._client.request(spec)


class AsyncURLs(_Resource):
    """URLs for browsers and players: resized images and part streams.

    No token is included unless asked: ``include_token=True`` prefers a transient token
    (falling back to the client's own token if the server will not mint one),
    ``"transient"`` insists on one, ``"permanent"`` uses the client's token. A URL with a
    token is a :class:`~plexkit._core.urls.SecretURL` whose ``repr`` hides the token.
    """

    async def image(
        self,
        path: str,
        *,
        width: int | None = None,
        height: int | None = None,
        include_token: TokenChoice = False,
        min_size: bool = True,
        upscale: bool = True,
        format: str | None = None,
        blur: int | None = None,
    ) -> str:
        """The URL of a thumb, art or composite (``item.thumb``), resized through
        ``/photo/:/transcode`` when ``width``/``height`` are given."""
        url = urls.image_url(
            self._client.base_url,
            path,
            width=width,
            height=height,
            min_size=min_size,
            upscale=upscale,
            format=format,
            blur=blur,
        )
        return await self._sign(url, include_token)

    async def stream(
        self, part: Part | str, *, include_token: TokenChoice = False, download: bool = False
    ) -> str:
        """The URL that plays (or, with ``download``, downloads) a media part's file."""
        key = part.key if isinstance(part, Part) else part
        if key is None:
            raise ConfigurationError("this part has no key to stream it by")
        url = urls.stream_url(self._client.base_url, key, download=download)
        return await self._sign(url, include_token)

    async def _sign(self, url: str, include_token: TokenChoice) -> str:
        if include_token is False:
            return url
        if include_token not in (True, "transient", "permanent"):
            raise ConfigurationError(
                f"include_token must be False, True, 'transient' or 'permanent', "
                f"not {include_token!r}"
            )
        if not url.startswith(self._client.base_url + "/"):
            return url  # an external image: never hand it the server's token
        permanent = self._client.config.token
        if include_token == "permanent":
            if not permanent:
                raise ConfigurationError("this client has no token of its own to include")
            return urls.with_token(url, permanent)
        try:
            token = await self._client.server.transient_token()
        except APIError as exc:
            if include_token == "transient" or not permanent:
                raise
            log.warning(
                "the server would not mint a transient token (%s); using the client's token",
                type(exc).__name__,
            )
            token = permanent
        return urls.with_token(url, token)


def _entries(data: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    value = data.get(name)
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list):
        return [entry for entry in value if isinstance(entry, Mapping)]
    return []
