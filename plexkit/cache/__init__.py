"""Response caching for plexkit: per-endpoint TTLs, memory and Redis backends, stats.

The pure parts (keys, policy, the cached response and stats) are shared by the async classes
and their generated sync twins. redis is never imported here: build a ``RedisBackend`` /
``AsyncRedisBackend`` with your own redis-py client. See docs/caching.md.
"""

from __future__ import annotations

from plexkit._core.cache_info import CacheInfo, CacheInfoLog, capture_cache_info
from plexkit._response import KEPT_HEADERS, CachedResponse
from plexkit._synchronization import AsyncBackgroundTask, BackgroundTask
from plexkit.cache._async.backend import AsyncCacheBackend, AsyncMemoryBackend
from plexkit.cache._async.control import AsyncCacheControl
from plexkit.cache._async.redis_backend import AsyncRedisBackend
from plexkit.cache._async.refresher import AsyncRefresher
from plexkit.cache._async.response_cache import AsyncResponseCache
from plexkit.cache._sync.backend import CacheBackend, MemoryBackend
from plexkit.cache._sync.control import CacheControl
from plexkit.cache._sync.redis_backend import RedisBackend
from plexkit.cache._sync.refresher import Refresher
from plexkit.cache._sync.response_cache import ResponseCache
from plexkit.cache.calls import AsyncCounter, AsyncWarmer, Counter, Warmer
from plexkit.cache.keys import CacheKey, server_scope, token_digest
from plexkit.cache.memory import MemoryStore
from plexkit.cache.modes import CacheLookup, OnBackendDown
from plexkit.cache.policy import DEFAULT_TTLS, NEVER, CachePolicy, affected_by_write
from plexkit.cache.refresher_state import RefresherState
from plexkit.cache.stats import BackendInfo, BackendStats, CacheStats, NameStats

__all__ = [
    "DEFAULT_TTLS",
    "KEPT_HEADERS",
    "NEVER",
    "AsyncBackgroundTask",
    "AsyncCacheBackend",
    "AsyncCacheControl",
    "AsyncCounter",
    "AsyncMemoryBackend",
    "AsyncRedisBackend",
    "AsyncRefresher",
    "AsyncResponseCache",
    "AsyncWarmer",
    "BackendInfo",
    "BackendStats",
    "BackgroundTask",
    "CacheBackend",
    "CacheControl",
    "CacheInfo",
    "CacheInfoLog",
    "CacheKey",
    "CacheLookup",
    "CachePolicy",
    "CacheStats",
    "CachedResponse",
    "Counter",
    "MemoryBackend",
    "MemoryStore",
    "NameStats",
    "OnBackendDown",
    "RedisBackend",
    "Refresher",
    "RefresherState",
    "ResponseCache",
    "Warmer",
    "affected_by_write",
    "capture_cache_info",
    "server_scope",
    "token_digest",
]
