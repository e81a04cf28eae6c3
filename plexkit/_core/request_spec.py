"""The request a call makes (`RequestSpec`), and what is worked out from it once per spec.

A listing that is read again (a cached page, the next page) asks the same spec for the same
window and the same cache key each time; a spec keeps the last few such answers, so a cache
hit does not rebuild them (`RequestSpec.remembered`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, Final, cast
from urllib.parse import urlencode

import attrs

from plexkit._core.paging import check_page, page_headers
from plexkit.types import T

__all__ = ["RequestSpec"]

_KEPT_DERIVED: Final = 32
"""How many derived values one spec keeps: windows of a listing read page by page, and the
cache keys of each client that sent it. When full it starts over, so it stays bounded."""


@attrs.frozen(kw_only=True)
class RequestSpec:
    """One request to make: everything the I/O layer needs, nothing it must decide."""

    method: str
    path: str
    params: Mapping[str, str] = attrs.field(factory=dict)
    # Parameters sent after ``params`` in this order, keys repeating: PMS's advanced filters
    # (``push``/``or``/``pop``) mean nothing once reordered or merged.
    query: tuple[tuple[str, str], ...] = ()
    headers: Mapping[str, str] = attrs.field(factory=dict)
    cache_name: str | None = None
    # Retry safety: whether repeating the request after it may have reached the server is
    # harmless. Reads are; writes are not unless their builder says so (docs/errors.md lists
    # them). A request that never left (connect failure) is retried either way.
    idempotent: bool = attrs.field(
        default=attrs.Factory(lambda spec: spec.method in ("GET", "HEAD"), takes_self=True)
    )
    offset: int | None = None
    limit: int | None = None
    content: bytes | None = attrs.field(
        default=None, repr=lambda b: "None" if b is None else f"<{len(b)} bytes>"
    )
    _derived: dict[Hashable, Any] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )

    @property
    def url(self) -> str:
        """``path`` with ``params`` and then ``query`` as its query string, in order (httpx
        would group repeated keys together if given them as params)."""
        pairs = [*self.params.items(), *self.query]
        return f"{self.path}?{urlencode(pairs)}" if pairs else self.path

    @property
    def cache_params(self) -> Mapping[str, str]:
        """``params`` for a cache key, with the ordered ``query`` as one entry (its order
        is its meaning, and a cache key sorts parameters)."""
        if not self.query:
            return self.params
        return {**self.params, "plexkit:query": urlencode(self.query)}

    def with_window(self, offset: int, limit: int) -> RequestSpec:
        """The same request for another page (the same object each time for one window)."""
        if type(offset) is int and type(limit) is int:
            return self.remembered(("window", offset, limit), lambda: self._window(offset, limit))
        return self._window(offset, limit)

    def _window(self, offset: int, limit: int) -> RequestSpec:
        check_page(offset, limit)
        return RequestSpec(
            method=self.method,
            path=self.path,
            params=self.params,
            query=self.query,
            headers={**self.headers, **page_headers(offset, limit)},
            cache_name=self.cache_name,
            idempotent=self.idempotent,
            offset=offset,
            limit=limit,
            content=self.content,
        )

    def remembered(self, what: Hashable, build: Callable[[], T]) -> T:
        """``build()``, worked out once for this spec and ``what`` (which must name every
        input ``build`` reads besides the spec).

        Worked out again if ``params`` or ``headers`` changed since (they are dicts a
        caller may still hold), so a remembered value always matches what is sent.
        """
        found = self._derived.get(what)
        if found is not None and found[0] == self.params and found[1] == self.headers:
            return cast(T, found[2])
        value = build()
        if len(self._derived) >= _KEPT_DERIVED:
            self._derived.clear()
        self._derived[what] = (dict(self.params), dict(self.headers), value)
        return value
