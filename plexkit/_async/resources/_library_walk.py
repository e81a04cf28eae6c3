"""Library walk: every item of a section with a bounded number of pages fetched at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from plexkit._async.resources import walk as walks
from plexkit._async.resources._base import DEFAULT_PAGE_SIZE
from plexkit._async.resources._library_items import AsyncLibraryItems, items_request
from plexkit._async.resources.walk import DEFAULT_PAGES_IN_FLIGHT
from plexkit._core.refs import item_class
from plexkit.filters import Condition
from plexkit.types import ParamValue, SectionRef

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from plexkit.models import (
        Album,
        Artist,
        Clip,
        Collection,
        Episode,
        Item,
        Movie,
        Photo,
        PhotoAlbum,
        Playlist,
        Season,
        Show,
        Track,
    )
    from plexkit.resources import AsyncWalk, WalkOptions
    from plexkit.types import CacheMode

__all__ = ["AsyncLibraryWalk"]


class AsyncLibraryWalk(AsyncLibraryItems):
    """`walk`: `iter_items` with pages overlapped, owned by the caller's ``async with``."""

    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["movie"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Movie]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["show"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Show]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["season"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Season]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["episode"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Episode]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["trailer"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Clip]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["artist"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Artist]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["album"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Album]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["track"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Track]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["photoalbum"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[PhotoAlbum]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["photo"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Photo]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["playlist"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Playlist]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: Literal["collection"], **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Collection]: ...
    @overload
    def walk(
        self, section: SectionRef, *, type: int | str | None = None, **options: Unpack[WalkOptions]
    ) -> AsyncWalk[Item]: ...
    def walk(
        self,
        section: SectionRef,
        *,
        type: int | str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        sort: str | None = None,
        filters: Mapping[str, ParamValue | None] | Condition | None = None,
        cache: CacheMode = False,
        include_guids: bool = False,
        pages_in_flight: int = DEFAULT_PAGES_IN_FLIGHT,
    ) -> AsyncWalk[Any]:
        """Every item of a section like `iter_items`, with up to ``pages_in_flight`` pages
        fetched at once: ``async with plex.library.walk(section) as items: async for ...``.

        The first page gives the total; the other pages are then requested concurrently by
        workers the ``async with`` block owns (nothing outlives the block) and their items
        come in server order. A failed page raises its error when the walk reaches it.
        Bad arguments are refused by the call itself, before any request; typed by ``type=``
        as `iter_items` is.
        """
        self._check_read(cache)
        self._check_spec(section, items_request(type, sort, filters, include_guids))
        return walks.AsyncWalk(
            self._client,
            lambda: self._items_spec(section, type, sort, filters, include_guids),
            kind=item_class(type),
            page_size=page_size,
            limit=limit,
            cache=cache,
            pages_in_flight=pages_in_flight,
        )
