"""What dashboards ask the typed client for: the warmable calls and library counts.

Kept on the client side so the cache layer never calls back up into the client by name: the
client hands `AsyncCacheControl` its warmers and its counter.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Final

import attrs

from plexkit._core import endpoints
from plexkit._core.paging import total_from
from plexkit._core.refs import section_key_of
from plexkit._synchronization import async_gather
from plexkit.errors import ConfigurationError
from plexkit.models import paging_from
from plexkit.types import SectionRef

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient
    from plexkit.cache import AsyncWarmer
    from plexkit.models import Section

__all__ = [
    "COUNT_KINDS",
    "SECTION_KINDS",
    "async_library_counts",
    "async_section_total",
    "async_with_item_counts",
    "warmers",
]

SECTION_KINDS: Final = {
    "movie": ("movie",),
    "show": ("show", "season", "episode"),
    "artist": ("artist", "album", "track"),
    "photo": ("photo",),
}
"""The item kinds each type of library section holds (what a count asks it for)."""

COUNT_KINDS: Final = ("movie", "show", "season", "episode", "artist", "album", "track")
"""The kinds `async_library_counts` counts by default."""

_COUNT_HEADERS: Final = {"X-Plex-Container-Start": "0", "X-Plex-Container-Size": "0"}


def warmers(client: AsyncPlexClient) -> dict[str, AsyncWarmer]:
    """The calls ``plex.cache.warm()`` can make by name, each taking ``cache="refresh"``."""
    return {
        "server": client.server.info,
        "sections": client.library.sections,
        "recently_added": client.library.recently_added,
        "activities": client.activities.list,
        "history": client.history.list,
    }


async def async_section_total(client: AsyncPlexClient, section: SectionRef, kind: str) -> int:
    """How many ``kind`` items a section (its model, key or title) holds: one empty page
    (``X-Plex-Container-Size: 0``) read for its ``totalSize``, never from the cache (the point
    is a fresh number); a title is looked up first."""
    key = section_key_of(section)
    if key is None:
        key = (await client.library.section(section)).key
    spec = endpoints.library_items(key, type=kind)
    spec = attrs.evolve(spec, headers={**spec.headers, **_COUNT_HEADERS})
    data, response = await client.get_data(spec, cache=False)
    _, body_total = paging_from(data)
    total = total_from(body_total, response.headers)
    return int(total or 0)


async def async_library_counts(
    client: AsyncPlexClient,
    kinds: Iterable[str] = COUNT_KINDS,
    *,
    sections: Iterable[Section] | None = None,
) -> dict[str, int]:
    """Items of each kind over every library: one request for the sections (cached as usual)
    plus one empty page per section and kind it can hold, all concurrent."""
    wanted = tuple(dict.fromkeys(kinds))
    known = {kind for group in SECTION_KINDS.values() for kind in group}
    unknown = [kind for kind in wanted if kind not in known]
    if unknown:
        raise ConfigurationError(f"cannot count {unknown}; countable kinds: {sorted(known)}")
    found = tuple(sections) if sections is not None else await client.library.sections()
    counts = dict.fromkeys(wanted, 0)
    jobs: list[tuple[str, Callable[[], Awaitable[int]]]] = []
    for section in found:
        for kind in SECTION_KINDS.get(str(section.type), ()):
            if kind in counts:
                jobs.append((kind, _counter(client, section.key, kind)))
    results = await async_gather([job for _, job in jobs])
    for (kind, _), result in zip(jobs, results, strict=True):
        if isinstance(result, BaseException):
            raise result
        counts[kind] += result
    return counts


async def async_with_item_counts(
    client: AsyncPlexClient, sections: tuple[Section, ...]
) -> tuple[Section, ...]:
    """``sections`` with ``item_count`` filled: one empty page each, concurrently (a section of
    an unknown type keeps None)."""
    jobs = [
        _counter(client, section.key, str(section.type))
        for section in sections
        if str(section.type) in SECTION_KINDS
    ]
    results = iter(await async_gather(jobs))
    counted: list[Section] = []
    for section in sections:
        if str(section.type) not in SECTION_KINDS:
            counted.append(section)
            continue
        result = next(results)
        if isinstance(result, BaseException):
            raise result
        counted.append(attrs.evolve(section, item_count=result))
    return tuple(counted)


def _counter(
    client: AsyncPlexClient, section_key: str | int, kind: str
) -> Callable[[], Awaitable[int]]:
    async def count() -> int:
        return await async_section_total(client, section_key, kind)

    return count
