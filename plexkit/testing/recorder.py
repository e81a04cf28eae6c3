"""A log of every request the fake server received, so tests can count upstream calls."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from starlette.types import Scope


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it (before faults and authentication)."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: Mapping[str, str] = field(repr=False)
    """Header names in lower case (left out of the repr: they carry the token)."""

    @property
    def params(self) -> dict[str, str]:
        """Query parameters as a dict (the last value wins for repeated keys)."""
        return dict(self.query)

    @property
    def token(self) -> str | None:
        """The ``X-Plex-Token`` sent as a header or query parameter, if any."""
        return self.headers.get("x-plex-token") or self.params.get("X-Plex-Token")


class RequestLog:
    """Thread-safe, ordered record of requests; ``count()`` answers "how many calls"."""

    def __init__(self) -> None:
        self._items: list[RecordedRequest] = []
        self._lock = threading.Lock()

    def record(self, scope: Scope) -> RecordedRequest:
        """Append the request described by an ASGI ``scope``."""
        entry = RecordedRequest(
            method=scope.get("method", "WEBSOCKET"),
            path=scope["path"],
            query=tuple(parse_qsl(scope.get("query_string", b"").decode("latin-1"), True)),
            headers={k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]},
        )
        with self._lock:
            self._items.append(entry)
        return entry

    def count(
        self,
        path: str | None = None,
        *,
        method: str | None = None,
        prefix: str | None = None,
        regex: str | None = None,
    ) -> int:
        """How many requests matched: exact ``path``, path ``prefix`` or ``regex``, ``method``."""
        return len(self.matching(path, method=method, prefix=prefix, regex=regex))

    def matching(
        self,
        path: str | None = None,
        *,
        method: str | None = None,
        prefix: str | None = None,
        regex: str | None = None,
    ) -> list[RecordedRequest]:
        """The requests that match every given criterion, oldest first."""
        pattern = re.compile(regex) if regex else None
        return [
            r
            for r in self
            if (path is None or r.path == path)
            and request_matches(r.method, r.path, want=method, prefix=prefix, regex=pattern)
        ]

    def counts(self) -> Counter[str]:
        """Requests per route, keyed ``"GET /library/sections"``."""
        return Counter(f"{r.method} {r.path}" for r in self)

    @property
    def last(self) -> RecordedRequest:
        """The most recent request (IndexError when there was none)."""
        with self._lock:
            return self._items[-1]

    def clear(self) -> None:
        """Forget every recorded request."""
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __iter__(self) -> Iterator[RecordedRequest]:
        with self._lock:
            return iter(list(self._items))

    def __getitem__(self, index: int) -> RecordedRequest:
        with self._lock:
            return self._items[index]


def request_matches(
    method: str,
    path: str,
    *,
    want: str | None = None,
    prefix: str | None = None,
    regex: re.Pattern[str] | None = None,
) -> bool:
    """True when a request fits every criterion given: method ``want`` (any case), path
    ``prefix``, ``regex`` found in the path (the request log's and the faults' one test)."""
    return (
        (want is None or want.upper() == method)
        and (prefix is None or path.startswith(prefix))
        and (regex is None or regex.search(path) is not None)
    )
