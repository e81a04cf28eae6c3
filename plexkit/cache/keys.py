"""Cache keys: scoped to a server and a hash of the token, never the token itself (pure).

A key's text reads ``v1:{name}:{server}:{token hash}:{METHOD}:{path}:{params}:{accept}:{window}``.
The cache name comes right after the version so that ``invalidate("items")`` is a plain prefix
match in every backend (a Redis ``SCAN MATCH`` too); every field is percent-quoted, so none of
them contains ``:`` and two different requests can never produce the same text.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final
from urllib.parse import quote, urlencode

import attrs

from plexkit.errors import ConfigurationError

if TYPE_CHECKING:
    from plexkit._core.request_spec import RequestSpec

__all__ = [
    "CACHEABLE_METHODS",
    "KEY_VERSION",
    "CacheKey",
    "RequestKeys",
    "server_scope",
    "token_digest",
]

KEY_VERSION: Final = "v1"
"""Bumped whenever the key layout or the stored format changes, so old entries are ignored."""

CACHEABLE_METHODS: Final = frozenset({"GET", "HEAD"})
"""Only reads are cached; a write never is, whatever the policy says."""

_NAME_RE: Final = re.compile(r"^[a-z][a-z0-9_]*$")
_METHOD_RE: Final = re.compile(r"^[A-Z]+$")
# Query parameters that carry credentials are dropped from keys (the token hash scopes them).
_SECRET_PARAMS: Final = frozenset({"x-plex-token", "token", "authtoken", "auth_token"})
_PERSON: Final = b"plexkit.cache"


def token_digest(token: str | None) -> str:
    """A short, stable, one-way digest of ``token`` (``"anon"`` without one).

    Stable across processes so several of them can share a Redis cache; a token cannot be
    recovered from it.
    """
    if not token:
        return "anon"
    return hashlib.blake2b(token.encode("utf-8"), digest_size=12, person=_PERSON).hexdigest()


def server_scope(server: str) -> str:
    """The key segment for a server (machine identifier or base URL), with no ``:`` in it."""
    cleaned = server.strip().rstrip("/")
    if not cleaned:
        raise ConfigurationError("a cache key needs a server (machine identifier or base URL)")
    return _quoted(cleaned, "")


# A client builds a key per cached read, mostly from the same server, paths, parameters and
# Accept: quoting each of them again was a fifth of a memory hit. Secrets never get here
# (the token is hashed, credential parameters are dropped first).
@functools.lru_cache(maxsize=512)
def _quoted(text: str, safe: str) -> str:
    return quote(text, safe=safe)


@functools.lru_cache(maxsize=512)
def _query(pairs: tuple[tuple[str, str], ...]) -> str:
    return quote(urlencode(pairs), safe="=&+%")


def _check_name(name: str) -> str:
    if not _NAME_RE.match(name):
        raise ConfigurationError(
            f"cache name {name!r} must be lower case letters, digits and underscores"
        )
    return name


@attrs.frozen
class CacheKey:
    """Where one response lives in the cache; build it with `CacheKey.build`."""

    name: str
    """The cache name (``"items"``, ``"sections"`` ...): picks the TTL and the stats bucket."""
    text: str
    """The full key string a backend stores the response under."""
    method: str = "GET"

    @property
    def cacheable(self) -> bool:
        """Whether the request is a read that may be cached at all."""
        return self.method in CACHEABLE_METHODS

    @classmethod
    def build(
        cls,
        *,
        name: str,
        server: str,
        token: str | None,
        method: str,
        path: str,
        params: Mapping[str, str | int] | None,
        accept: str,
        offset: int | None = None,
        limit: int | None = None,
        scope: str | None = None,
    ) -> CacheKey:
        """The key for one request; two tokens or two servers never share a key.

        ``scope``: the token's `token_digest`, when the caller has it already (``token`` is
        then not read).
        """
        verb = method.strip().upper()
        if not _METHOD_RE.match(verb):
            raise ConfigurationError(f"invalid HTTP method for a cache key: {method!r}")
        pairs = tuple(
            sorted(
                (str(k), str(v))
                for k, v in (params or {}).items()
                if str(k).lower() not in _SECRET_PARAMS
            )
        )
        window = "-" if offset is None and limit is None else f"{_num(offset)},{_num(limit)}"
        fields = (
            KEY_VERSION,
            _check_name(name),
            server_scope(server),
            token_digest(token) if scope is None else scope,
            verb,
            _quoted(path, "/@!$&'()*+,;=-._~"),
            _query(pairs),
            _quoted(accept.strip().lower(), "/*,;=+.-"),
            window,
        )
        return cls(name=name, text=":".join(fields), method=verb)

    @staticmethod
    def prefix(name: str, server: str | None = None) -> str:
        """The invalidation prefix for a cache name, optionally limited to one server."""
        base = f"{_check_name(name)}:"
        return base if server is None else f"{base}{server_scope(server)}:"


def _num(value: int | None) -> str:
    return "" if value is None else str(int(value))


class RequestKeys:
    """The cache keys of one client's requests: its server and Accept, and the token in use.

    A key is worked out once per request spec and token (kept by the spec, see
    `RequestSpec.remembered`), and the token's digest once per token: a cache hit on a
    listing read again builds neither.
    """

    __slots__ = ("_accept", "_last", "_server")

    def __init__(self, server: str, accept: str) -> None:
        self._server = server
        self._accept = accept
        self._last: tuple[str | None, str] | None = None

    def of(self, spec: RequestSpec, token: str | None) -> CacheKey:
        """The key of ``spec`` sent with ``token``. The spec keeps only the token's digest;
        this object keeps the last token (as its client does) to notice when it changes."""
        scope = self._scope(token)
        return spec.remembered(
            ("cache-key", self._server, scope, self._accept), lambda: self._build(spec, scope)
        )

    def _scope(self, token: str | None) -> str:
        last = self._last
        if last is None or last[0] != token:
            last = self._last = (token, token_digest(token))
        return last[1]

    def _build(self, spec: RequestSpec, scope: str) -> CacheKey:
        if spec.cache_name is None:
            raise ConfigurationError(f"{spec.method} {spec.path} is not a cacheable request")
        return CacheKey.build(
            name=spec.cache_name,
            server=self._server,
            token=None,
            scope=scope,
            method=spec.method,
            path=spec.path,
            params=spec.cache_params,
            accept=self._accept,
            offset=spec.offset,
            limit=spec.limit,
        )
