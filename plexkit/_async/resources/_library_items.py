"""Library item listings: one page of a section's items, or every item page by page.

A listing with ``type="movie"`` (or any other item type name) is typed as that type's model:
``AsyncPage[Movie]``, ``AsyncIterator[Movie]``.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from plexkit._async.resources._base import DEFAULT_PAGE_SIZE, Resource
from plexkit._async.resources.paging import item_reader, page, read_all
from plexkit._async.resources.sorting import AsyncSortCheck
from plexkit._core import endpoints, spec_memo
from plexkit._core.paging import check_page, check_walk
from plexkit._core.refs import item_class
from plexkit.filters import Condition
from plexkit.types import ParamValue, SectionRef

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from plexkit import AsyncPage
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
    from plexkit.types import CacheMode, ItemsOptions, IterOptions

__all__ = ["AsyncLibraryItems"]


class AsyncLibraryItems(Resource):
    """The item listings part of `AsyncLibrary`."""

    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["movie"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Movie]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["show"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Show]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["season"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Season]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["episode"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Episode]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["trailer"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Clip]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["artist"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Artist]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["album"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Album]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["track"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Track]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["photoalbum"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[PhotoAlbum]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["photo"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Photo]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["playlist"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Playlist]: ...
    @overload
    async def items(
        self, section: SectionRef, *, type: Literal["collection"], **options: Unpack[ItemsOptions]
    ) -> AsyncPage[Collection]: ...
    @overload
    async def items(
        self,
        section: SectionRef,
        *,
        type: int | str | None = None,
        **options: Unpack[ItemsOptions],
    ) -> AsyncPage[Item]: ...
    async def items(
        self,
        section: SectionRef,
        *,
        limit: int = 50,
        offset: int = 0,
        type: int | str | None = None,
        sort: str | None = None,
        filters: Mapping[str, ParamValue | None] | Condition | None = None,
        cache: CacheMode = None,
        ttl: float | None = None,
        include_guids: bool = False,
    ) -> AsyncPage[Any]:
        """One page of a section's items (``limit``/``offset`` map to X-Plex-Container-*);
        ``await page.next()`` reads the page after it with the same arguments.

        With ``type="movie"`` (or another item type name) the page is typed `AsyncPage[Movie]`:
        entries of another class (an unreadable one) are left out of ``items``.
        ``filters`` is a dict of query parameters (``plexkit.filters.where(...)``) or a
        condition: a `Filter`, or ``any_of(...)``/``all_of(...)`` for PMS's advanced filters.
        """
        check_page(offset, limit)
        self._check_read(cache, ttl)
        spec = await self._items_spec(section, type, sort, filters, include_guids)
        return await page(self._client, spec, offset, limit, cache, ttl, item_class(type))

    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["movie"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Movie]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["show"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Show]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["season"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Season]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["episode"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Episode]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["trailer"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Clip]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["artist"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Artist]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["album"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Album]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["track"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Track]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["photoalbum"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[PhotoAlbum]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["photo"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Photo]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["playlist"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Playlist]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: Literal["collection"], **options: Unpack[IterOptions]
    ) -> AsyncIterator[Collection]: ...
    @overload
    def iter_items(
        self, section: SectionRef, *, type: int | str | None = None, **options: Unpack[IterOptions]
    ) -> AsyncIterator[Item]: ...
    def iter_items(
        self,
        section: SectionRef,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        type: int | str | None = None,
        sort: str | None = None,
        filters: Mapping[str, ParamValue | None] | Condition | None = None,
        cache: CacheMode = False,
        include_guids: bool = False,
    ) -> AsyncIterator[Any]:
        """Every item of a section, fetched page by page; only one page is held at a time.

        Typed by ``type=`` as `items` is. Pages are not cached unless ``cache=True`` is
        passed: a walk over a whole library would otherwise fill the cache with it. Bad
        arguments are refused by the call itself, before it returns the iterator.
        """
        check_walk(page_size, limit)
        self._check_read(cache)
        kind = item_class(type)
        self._check_spec(section, items_request(type, sort, filters, include_guids))
        return read_all(
            self._client,
            lambda: self._items_spec(section, type, sort, filters, include_guids),
            page_size,
            limit,
            cache,
            item_reader(kind),
        )

    async def _items_spec(
        self,
        section: SectionRef,
        type: int | str | None,
        sort: str | None,
        filters: Mapping[str, ParamValue | None] | Condition | None,
        include_guids: bool,
    ) -> endpoints.RequestSpec:
        """The items request, every argument checked before a title is looked up."""
        build = items_request(type, sort, filters, include_guids)
        key, spec = await self._section_spec(section, lambda key: (key, build(key)))
        await self._sorts.check(section, key, type, sort)
        return spec

    @functools.cached_property
    def _sorts(self) -> AsyncSortCheck:
        return AsyncSortCheck(self._client)


def items_request(
    type: int | str | None,
    sort: str | None,
    filters: Mapping[str, ParamValue | None] | Condition | None,
    include_guids: bool,
) -> Callable[[str], endpoints.RequestSpec]:
    """The items request for a section key; building it checks every argument (a repeated
    listing shares its spec, see `plexkit._core.spec_memo`)."""
    return lambda key: spec_memo.library_items(
        key, type=type, sort=sort, filters=filters, include_guids=include_guids
    )
