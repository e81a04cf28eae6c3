"""Play queues (``/playQueues``): the ordered, versioned list of items a player works through.

Every play-queue answer is the queue's container: its ``playQueue*`` attributes (as in the real
capture ``home-assistant-core/playqueue_1234.xml`` and the PMS spec's ``createPlayQueue``
example) and a window of entries around the selected one. Each entry is a full item plus its
own ``playQueueItemID``, since one item may be queued twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from plexkit.errors import ParseError
from plexkit.models import WIRE
from plexkit.models._display import Display
from plexkit.models._readers import items_from, structure
from plexkit.models._wire import sparse, to_int
from plexkit.models.item_base import OMIT
from plexkit.models.items import Item

__all__ = ["PlayQueue", "play_queue_from"]


@sparse
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class PlayQueue(Display):
    """A play queue: ``items`` are the entries the answer shows (a window of
    ``total_count``), ``item_ids`` their ``playQueueItemID`` in the same order.

    ``version`` goes up with every change; ``selected_item_id`` is the entry playing now and
    ``selected_rating_key`` its item.
    """

    id: int = attrs.field(metadata={WIRE: "playQueueID"})
    version: int | None = attrs.field(default=None, metadata={WIRE: "playQueueVersion"})
    total_count: int | None = attrs.field(default=None, metadata={WIRE: "playQueueTotalCount"})
    shuffled: bool = attrs.field(default=False, metadata={WIRE: "playQueueShuffled"})
    source_uri: str | None = attrs.field(default=None, metadata={WIRE: "playQueueSourceURI"})
    selected_item_id: int | None = attrs.field(
        default=None, metadata={WIRE: "playQueueSelectedItemID"}
    )
    selected_item_offset: int | None = attrs.field(
        default=None, metadata={WIRE: "playQueueSelectedItemOffset"}
    )
    selected_rating_key: str | None = attrs.field(
        default=None, metadata={WIRE: "playQueueSelectedMetadataItemID"}
    )
    last_added_item_id: int | None = attrs.field(
        default=None, metadata={WIRE: "playQueueLastAddedItemID"}
    )
    size: int | None = None
    items: tuple[Item, ...] = attrs.field(default=(), metadata={WIRE: "Metadata"})
    item_ids: tuple[int | None, ...] = attrs.field(default=(), metadata={OMIT: True})

    @property
    def selected(self) -> Item | None:
        """The selected entry's item, when the answer's window shows it."""
        return self.item_of(self.selected_item_id)

    def item_of(self, item_id: int | None) -> Item | None:
        """The item of entry ``item_id``, if the window shows it."""
        for entry, item in zip(self.item_ids, self.items, strict=False):
            if item_id is not None and entry == item_id:
                return item
        return None

    def id_of(self, item: object) -> int | None:
        """The entry id of ``item`` when it is one of ``items`` (this very model; an item
        queued twice is told apart this way), else None."""
        for entry, candidate in zip(self.item_ids, self.items, strict=False):
            if candidate is item:
                return entry
        return None


def play_queue_from(data: Mapping[str, Any]) -> PlayQueue:
    """The `PlayQueue` of a decoded ``/playQueues`` answer; `ParseError` without a
    ``playQueueID`` (an answer that is not a play queue)."""
    if not isinstance(data, Mapping) or data.get("playQueueID") is None:
        raise ParseError("the answer is not a play queue (it has no playQueueID)")
    queue = structure({k: v for k, v in data.items() if k != "Metadata"}, PlayQueue)
    items = items_from(data)
    entries = data.get("Metadata")
    rows = entries if isinstance(entries, list) else [entries] if entries else []
    ids = tuple(to_int(row.get("playQueueItemID")) for row in rows if isinstance(row, Mapping))
    if len(ids) != len(items):
        ids = (None,) * len(items)
    return attrs.evolve(queue, items=items, item_ids=ids)
