"""Decoded bodies and the models built from them, remembered per cached response object.

A memory cache hands out the same response object on every hit. Decoding its body and
building its models again on each hit cost milliseconds for a 200-item page; instead the
client decodes a cached response once into a `Decoded` dict (kept while the response
object lives), and each reader keeps what it built in that dict's ``built``. A byte-store
backend (Redis) yields a new response object per hit, so it decodes as before. Models are
frozen, so handing the same ones to every caller is safe.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

from plexkit.models._decode import decode_body

__all__ = ["Decoded", "DecodedMemo", "decoded_memo"]


class Decoded(dict[str, Any]):
    """A decoded MediaContainer dict that remembers what readers built from it."""

    __slots__ = ("built",)

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(data)
        self.built: dict[str, Any] = {}


class DecodedMemo:
    """The `Decoded` body of each live response object, by identity.

    An entry is dropped when its response object is garbage collected, so the memo never
    outlives the cache entries (or the callers) that hold the responses.
    """

    def __init__(self) -> None:
        self._entries: dict[int, Decoded] = {}
        self._lock = threading.Lock()

    def decode(self, owner: object, content: bytes, content_type: str | None) -> Decoded:
        """``decode_body(content)`` for ``owner``, done once while ``owner`` lives."""
        key = id(owner)
        found = self._entries.get(key)
        if found is not None:
            return found
        decoded = Decoded(decode_body(content, content_type))
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                return found
            weakref.finalize(owner, self._entries.pop, key, None)
            self._entries[key] = decoded
        return decoded

    def __len__(self) -> int:
        return len(self._entries)


#: The process-wide memo the clients use (shared, like a memory store can be).
decoded_memo = DecodedMemo()
