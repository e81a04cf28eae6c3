"""Play queues: the ordered, versioned lists of items a client plays (``/playQueues``).

Each entry has its own ``playQueueItemID`` (an item may be queued twice); the queue remembers
its selected entry, its natural order (for unshuffle) and a version that every change bumps,
as the PMS spec describes ``/playQueues``.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field

from plexkit.testing.store import Node


@dataclass
class PlayQueue:
    """One play queue: ``entries`` are ``(playQueueItemID, item)`` in play order."""

    id: int
    source_uri: str
    entries: list[tuple[int, Node]]
    selected: int
    natural: list[int] = field(default_factory=list)
    shuffled: bool = False
    version: int = 1
    last_added: int | None = None

    def position(self, item_id: int) -> int:
        """Where entry ``item_id`` is (ValueError when it is not in the queue)."""
        return [entry_id for entry_id, _ in self.entries].index(item_id)

    def selected_offset(self) -> int:
        """Where the selected entry is in play order (0 for an empty queue)."""
        try:
            return self.position(self.selected)
        except ValueError:
            return 0

    def add(self, entries: list[tuple[int, Node]], *, after_selected: bool) -> None:
        """Queue ``entries`` at the end, or right after the selected entry (``next=1``); the
        first of them is selected when the queue was empty."""
        if not self.entries and entries:
            self.selected = entries[0][0]
        at = self.position(self.selected) + 1 if after_selected and self.entries else None
        if at is None:
            self.entries.extend(entries)
        else:
            self.entries[at:at] = entries
        self.natural.extend(entry_id for entry_id, _ in entries)
        self.last_added = entries[0][0] if entries else self.last_added
        self.version += 1

    def remove(self, item_id: int) -> None:
        """Drop one entry; the next one is selected when it was the selected one."""
        at = self.position(item_id)
        del self.entries[at]
        self.natural.remove(item_id)
        if item_id == self.selected and self.entries:
            self.selected = self.entries[min(at, len(self.entries) - 1)][0]
        self.version += 1

    def clear(self) -> None:
        """Remove every entry."""
        self.entries.clear()
        self.natural.clear()
        self.version += 1

    def move(self, item_id: int, after: int | None) -> None:
        """Move an entry to the front, or right after entry ``after``."""
        entry = self.entries.pop(self.position(item_id))
        at = self.position(after) + 1 if after is not None else 0
        self.entries.insert(at, entry)
        self.version += 1

    def shuffle(self, *, bump: bool = True) -> None:
        """Shuffle (or reshuffle) the queue, keeping the selected entry first (``bump``:
        count it as a change; a queue created shuffled stays at version 1)."""
        rest = [entry for entry in self.entries if entry[0] != self.selected]
        random.Random(self.id * 1000 + self.version).shuffle(rest)
        self.entries = [e for e in self.entries if e[0] == self.selected] + rest
        self.shuffled = True
        self.version += int(bump)

    def unshuffle(self) -> None:
        """Back to the natural order (the order items were queued in)."""
        rank = {entry_id: i for i, entry_id in enumerate(self.natural)}
        self.entries.sort(key=lambda entry: rank[entry[0]])
        self.shuffled = False
        self.version += 1


class PlayQueues:
    """The server's play queues, by id; safe to use from several threads."""

    def __init__(self) -> None:
        self._queues: dict[int, PlayQueue] = {}
        self._ids = 0
        self._item_ids = 0
        self.lock = threading.RLock()

    def entries(self, nodes: list[Node]) -> list[tuple[int, Node]]:
        """``nodes`` with fresh ``playQueueItemID`` values."""
        with self.lock:
            start = self._item_ids
            self._item_ids += len(nodes)
        return [(start + i + 1, node) for i, node in enumerate(nodes)]

    def create(self, source_uri: str, nodes: list[Node], start: Node | None) -> PlayQueue:
        """A new queue of ``nodes``, ``start`` (or the first) selected."""
        entries = self.entries(nodes)
        selected = next((i for i, n in entries if n is start), entries[0][0] if entries else 0)
        with self.lock:
            self._ids += 1
            queue = PlayQueue(self._ids, source_uri, entries, selected, [i for i, _ in entries])
            self._queues[queue.id] = queue
        return queue

    def get(self, queue_id: int) -> PlayQueue | None:
        """The queue with this id, if any."""
        with self.lock:
            return self._queues.get(queue_id)
