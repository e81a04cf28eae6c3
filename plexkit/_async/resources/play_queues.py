"""Play queues: what a player works through, made from items, a show or album, or a playlist,
then read, extended, reordered and cleared (``/playQueues``).

Every call answers the queue as it is after the change (a `PlayQueue`). An entry is named by
an item of that queue's ``items`` (which tells apart an item queued twice) or by an item model
or rating key (its first entry, read from the server).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, cast

from plexkit._async.resources._base import not_found
from plexkit._async.resources._lists import ListResource
from plexkit._core import play_queues as specs
from plexkit._core.references import item_keys, item_list, items_uri, playlist_key
from plexkit.errors import ConfigurationError
from plexkit.models.item_types import PLAYLIST_TYPES
from plexkit.types import ItemRef, PlaylistType

if TYPE_CHECKING:
    from plexkit._core.endpoints import RequestSpec
    from plexkit.models import Playlist, PlayQueue

__all__ = ["AsyncPlayQueues"]

_TYPES: Final = ("video", "audio", "photo")
_STAND_IN: Final = "-"
"""The uri a request is first built with, to check its other arguments before any request."""


def _is_playlist(source: object) -> bool:
    from plexkit.models import Playlist

    return isinstance(source, Playlist) or (
        isinstance(source, str) and source.strip().startswith("/playlists/")
    )


def _kind(refs: list[ItemRef], given: PlaylistType | None) -> PlaylistType:
    """The queue type: ``given``, or the one type the item models share."""
    from plexkit.models import BaseItem

    if given is not None:
        return given
    kinds = {
        PLAYLIST_TYPES[i.type] for i in refs if isinstance(i, BaseItem) and i.type in PLAYLIST_TYPES
    }
    if len(kinds) == 1:
        return kinds.pop()
    raise ConfigurationError("pass type='video', 'audio' or 'photo' for these items")


def _playlist_kind(playlist: Playlist | str, given: PlaylistType | None) -> PlaylistType:
    """The queue type of a playlist: ``given``, or the model's ``playlist_type``."""
    from plexkit.models import Playlist

    if given is not None:
        return given
    if isinstance(playlist, Playlist) and playlist.playlist_type in _TYPES:
        return cast("PlaylistType", playlist.playlist_type)
    raise ConfigurationError("pass type='video', 'audio' or 'photo' for this playlist")


def _queue(data: Mapping[str, Any]) -> PlayQueue:
    """The queue of an answer (the model module loads on first use, not with the client)."""
    from plexkit.models import play_queue_from

    return play_queue_from(data)


def _first_entry(queue: PlayQueue, rating_key: str) -> int | None:
    for entry, item in zip(queue.item_ids, queue.items, strict=False):
        if entry is not None and str(item.rating_key) == rating_key:
            return entry
    return None


class AsyncPlayQueues(ListResource):
    """Play queues on the server (``/playQueues``), python-plexapi's ``PlayQueue``."""

    async def create(
        self,
        source: Iterable[ItemRef] | ItemRef | Playlist,
        *,
        shuffle: bool = False,
        continuous: bool = False,
        start: ItemRef | None = None,
        type: PlaylistType | None = None,
    ) -> PlayQueue:
        """A new queue of ``source``: items (models or rating keys; a show, season or album
        queues its episodes or tracks) or a playlist (its model or key path). ``start`` is
        the item to select first; ``continuous`` on one episode or track queues what follows
        it. ``type`` is read from the models unless given."""
        key = None if start is None else f"/library/metadata/{item_keys([start], what='start')[0]}"
        if _is_playlist(source):
            playlist = cast("Playlist | str", source)
            spec = specs.create(
                type=_playlist_kind(playlist, type),
                playlist_id=playlist_key(playlist),
                key=key,
                shuffle=shuffle,
                continuous=continuous,
            )
            return await self._write(spec, None)
        refs = item_list(source)
        keys = item_keys(refs)
        kind = _kind(refs, type)

        def build(uri: str) -> RequestSpec:
            return specs.create(type=kind, uri=uri, key=key, shuffle=shuffle, continuous=continuous)

        build(_STAND_IN)
        uri = items_uri(await self._machine_identifier(), keys)
        return await self._write(build(uri), None)

    async def get(
        self,
        queue: PlayQueue | int | str,
        *,
        window: int | None = None,
        center: int | None = None,
        include_before: bool = True,
        include_after: bool = True,
    ) -> PlayQueue:
        """The queue now: ``window`` entries each side of ``center`` (an entry id such as
        ``queue.selected_item_id``; the selected entry by default). Never cached."""
        spec = specs.get(
            specs.queue_id(queue),
            window=window,
            center=center,
            include_before=include_before,
            include_after=include_after,
        )
        data, _ = await self._client.get_data(spec, cache=False)
        return _queue(data)

    async def add(
        self,
        queue: PlayQueue | int | str,
        items: Iterable[ItemRef] | ItemRef | Playlist,
        *,
        next: bool = False,
    ) -> PlayQueue:
        """Queue ``items`` (or a playlist's items) at the end, or right after the selected
        entry with ``next=True``. Never retried: a repeat would queue them twice."""
        qid = specs.queue_id(queue)
        if _is_playlist(items):
            playlist = playlist_key(cast("Playlist | str", items))
            return await self._write(specs.add(qid, playlist_id=playlist, next=next), qid)
        keys = item_keys(items)
        specs.add(qid, uri=_STAND_IN, next=next)
        uri = items_uri(await self._machine_identifier(), keys)
        return await self._write(specs.add(qid, uri=uri, next=next), qid)

    async def remove(self, queue: PlayQueue | int | str, item: ItemRef) -> PlayQueue:
        """Drop one entry: ``item`` from ``queue.items``, or an item's first entry."""
        qid = specs.queue_id(queue)
        keys = self._refs(queue, [item], ("item",))
        (entry,) = await self._entries(qid, keys)
        return await self._write(specs.remove(qid, entry), qid)

    async def move(
        self, queue: PlayQueue | int | str, item: ItemRef, *, after: ItemRef | None = None
    ) -> PlayQueue:
        """Move an entry to just after the entry ``after``, or to the front without one."""
        qid = specs.queue_id(queue)
        wanted = [item] if after is None else [item, after]
        keys = self._refs(queue, wanted, ("item", "after"))
        found = await self._entries(qid, keys)
        spec = specs.move(qid, found[0], found[1] if len(found) > 1 else None)
        return await self._write(spec, qid)

    async def clear(self, queue: PlayQueue | int | str) -> PlayQueue:
        """Remove every entry (the queue itself stays, empty)."""
        qid = specs.queue_id(queue)
        return await self._write(specs.clear(qid), qid)

    async def shuffle(self, queue: PlayQueue | int | str) -> PlayQueue:
        """Shuffle the queue (again, if it is shuffled), keeping the selected entry.
        Never retried: a repeat would shuffle a second time."""
        qid = specs.queue_id(queue)
        return await self._write(specs.reorder(qid, "shuffle"), qid)

    async def unshuffle(self, queue: PlayQueue | int | str) -> PlayQueue:
        """Back to the order the items were queued in."""
        qid = specs.queue_id(queue)
        return await self._write(specs.reorder(qid, "unshuffle"), qid)

    async def reset(self, queue: PlayQueue | int | str) -> PlayQueue:
        """Select the first entry again."""
        qid = specs.queue_id(queue)
        return await self._write(specs.reorder(qid, "reset"), qid)

    def _refs(
        self, queue: PlayQueue | int | str, items: list[ItemRef], what: tuple[str, ...]
    ) -> list[int | str]:
        """Each item as its entry id when ``queue`` is a model holding it, else its rating
        key (to look up); every one checked before any request."""
        from plexkit.models import PlayQueue

        out: list[int | str] = []
        for item, name in zip(items, what, strict=False):
            entry = queue.id_of(item) if isinstance(queue, PlayQueue) else None
            out.append(entry if entry is not None else item_keys([item], what=name)[0])
        return out

    async def _entries(self, qid: int, refs: list[int | str]) -> list[int]:
        """Entry ids for ``refs``: ids stay, rating keys become their first entry."""
        current: PlayQueue | None = None
        out: list[int] = []
        for ref in refs:
            if isinstance(ref, int):
                out.append(ref)
                continue
            if current is None:
                current = await self.get(qid)
            found = _first_entry(current, ref)
            if found is None and len(current.items) < (current.total_count or 0):
                current = await self.get(qid, window=current.total_count)
                found = _first_entry(current, ref)
            if found is None:
                raise not_found(f"item {ref!r} is not in play queue {qid}", f"/playQueues/{qid}")
            out.append(found)
        return out

    async def _write(self, spec: RequestSpec, qid: int | None) -> PlayQueue:
        """Send a write and read the queue it answers (or, after an empty answer, read it)."""
        data, _ = await self._client.get_data(spec)
        if not data and qid is not None:
            return await self.get(qid)
        return _queue(data)
