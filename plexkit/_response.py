"""The cached form of a response and its byte framing for shared backends (pure).

The framing is ``b"PKCR" + version byte + 4-byte header length + JSON header + raw body``:
no pickle (a shared Redis must never be a code-execution path), no base64 inflation.
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Mapping
from typing import Any, Final

import attrs

__all__ = ["KEPT_HEADERS", "CachedResponse"]

KEPT_HEADERS: Final = ("content-type", "x-plex-container-start", "x-plex-container-total-size")
"""The only response headers a cached answer keeps: what decoding and paging need."""

_MAGIC: Final = b"PKCR\x01"
_LEN: Final = struct.Struct(">I")
_MAX_HEADER: Final = 64 * 1024


def _keep_headers(headers: Mapping[str, str]) -> dict[str, str]:
    kept: dict[str, str] = {}
    for name, value in headers.items():
        lower = name.lower()
        if lower in KEPT_HEADERS:
            kept[lower] = str(value)
    return kept


@attrs.frozen(eq=True)
class CachedResponse:
    """A response as the cache holds it; ``stale`` is True when served past its TTL.

    ``headers`` keeps only `KEPT_HEADERS` (lower-cased). The cache stamps ``stored_at``
    and ``expires_at`` with its own clock when it stores a value.
    """

    status_code: int
    headers: dict[str, str] = attrs.field(converter=_keep_headers)
    content: bytes
    stored_at: float
    stale: bool = False
    expires_at: float | None = None

    def is_fresh(self, now: float) -> bool:
        """Whether the value is still within its TTL at ``now``."""
        return self.expires_at is None or now < self.expires_at

    def age(self, now: float) -> float:
        """Seconds since the value was stored."""
        return max(0.0, now - self.stored_at)

    def to_bytes(self) -> bytes:
        """The value framed for a byte store such as Redis (``stale`` is not kept)."""
        header = json.dumps(
            {
                "s": self.status_code,
                "h": self.headers,
                "t": self.stored_at,
                "e": self.expires_at,
            },
            separators=(",", ":"),
        ).encode("utf-8")
        return b"".join((_MAGIC, _LEN.pack(len(header)), header, self.content))

    @classmethod
    def from_bytes(cls, data: bytes) -> CachedResponse:
        """Parse `to_bytes` output; anything else raises ``ValueError``."""
        view = memoryview(data)
        start = len(_MAGIC) + _LEN.size
        if len(data) < start or bytes(view[: len(_MAGIC)]) != _MAGIC:
            raise ValueError("not a plexkit cache entry")
        (size,) = _LEN.unpack(view[len(_MAGIC) : start])
        if size > _MAX_HEADER or start + size > len(data):
            raise ValueError("truncated plexkit cache entry")
        try:
            header: Any = json.loads(bytes(view[start : start + size]))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError("corrupt plexkit cache entry header") from exc
        if not isinstance(header, dict):
            raise ValueError("corrupt plexkit cache entry header")
        status, headers = header.get("s"), header.get("h")
        stored_at, expires_at = header.get("t"), header.get("e")
        if (
            not isinstance(status, int)
            or not isinstance(headers, dict)
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items())
            or not isinstance(stored_at, (int, float))
            or not _is_number(stored_at)
            or not (expires_at is None or _is_number(expires_at))
        ):
            raise ValueError("corrupt plexkit cache entry header")
        return cls(
            status_code=status,
            headers=headers,
            content=bytes(view[start + size :]),
            stored_at=float(stored_at),
            expires_at=None if expires_at is None else float(expires_at),
        )


def _is_number(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )
