"""Through a fault-injecting proxy on loopback: correct data or a PlexError, never anything else.

1,000 mixed reads with 20% faults, sync and async (asyncio and trio); then writes whose answers
are lost after the server applied them: each is sent once and says it may have been applied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fault_proxy import FaultProxy

from plexkit import AsyncPlexClient, PlexClient, PlexConfig, PlexError, Timeouts, TransportError
from plexkit.testing import FakePlexServer

READS = 1000
# Retries without backoff, through the public settings, so the run takes seconds.
FAST = {"max_retries": 3, "retry_backoff": 0.0}
TIMEOUTS = Timeouts(connect=2, read=0.3, write=2, pool=2, total=20)


@pytest.fixture(scope="module")
def pms() -> Iterator[tuple[FakePlexServer, str]]:
    server = FakePlexServer(movies=24, shows=2, artists=1, photo_albums=1, history=5)
    with server.run_in_thread() as url:
        yield server, url


def read_plan(client: PlexClient) -> list[tuple[str, Callable[[Any], Any]]]:
    """Mixed reads (small pages), named, each a function of a client."""
    sections = client.library.sections()
    movies = next(s for s in sections if s.type == "movie")
    shows = next(s for s in sections if s.type == "show")
    first = client.library.items(movies.key, limit=3).items
    show = client.library.items(shows.key, limit=1).items[0]
    plan: list[tuple[str, Callable[[Any], Any]]] = [
        ("identity", lambda c: c.server.identity()),
        ("sections", lambda c: c.library.sections()),
        ("page", lambda c: c.library.items(movies.key, limit=4, offset=4)),
        ("children", lambda c: c.metadata.children(show.rating_key)),
        ("recent", lambda c: c.library.recently_added(limit=3)),
        ("activities", lambda c: c.activities.list()),
    ]
    plan += [(f"item-{i.rating_key}", lambda c, k=i.rating_key: c.metadata.get(k)) for i in first]
    return plan


def expected_results(url: str, token: str) -> tuple[list[tuple[str, Any]], dict[str, Any]]:
    with PlexClient(url, token=token) as direct:
        plan = read_plan(direct)
        return plan, {name: call(direct) for name, call in plan}


def check_outcomes(outcomes: Counter[str], proxy: FaultProxy) -> None:
    assert outcomes["wrong"] == 0 and outcomes["other-exception"] == 0, outcomes
    assert outcomes["ok"] + outcomes["plex-error"] == READS
    assert sum(proxy.faults.values()) >= READS // 10  # the faults really happened
    assert outcomes["ok"] >= READS * 0.9  # and retries made almost every read succeed


def test_a_thousand_reads_through_faults_sync(pms: tuple[FakePlexServer, str]) -> None:
    server, url = pms
    plan, expected = expected_results(url, server.token)
    proxy = FaultProxy(url, fault_rate=0.2, seed=1)
    outcomes: Counter[str] = Counter()
    with proxy.run() as proxy_url:
        config = PlexConfig(base_url=proxy_url, token=server.token, timeouts=TIMEOUTS, **FAST)
        with PlexClient(config=config) as client:
            for n in range(READS):
                name, call = plan[n % len(plan)]
                try:
                    result = call(client)
                except PlexError:
                    outcomes["plex-error"] += 1
                except Exception:
                    outcomes["other-exception"] += 1
                else:
                    outcomes["ok" if result == expected[name] else "wrong"] += 1
    check_outcomes(outcomes, proxy)


@pytest.mark.anyio
async def test_a_thousand_reads_through_faults_async(pms: tuple[FakePlexServer, str]) -> None:
    server, url = pms
    plan, expected = expected_results(url, server.token)
    proxy = FaultProxy(url, fault_rate=0.2, seed=2)
    outcomes: Counter[str] = Counter()
    with proxy.run() as proxy_url:
        config = PlexConfig(base_url=proxy_url, token=server.token, timeouts=TIMEOUTS, **FAST)
        async with AsyncPlexClient(config=config) as client:
            for n in range(READS):
                name, call = plan[n % len(plan)]
                try:
                    result = await call(client)
                except PlexError:
                    outcomes["plex-error"] += 1
                except Exception:
                    outcomes["other-exception"] += 1
                else:
                    outcomes["ok" if result == expected[name] else "wrong"] += 1
    check_outcomes(outcomes, proxy)


WRITES: list[tuple[str, str, Callable[[Any, str], Any]]] = [
    ("POST", "/security/token", lambda c, _k: c.server.transient_token(refresh=True)),
    ("PUT", "/library/metadata/{k}/refresh", lambda c, k: c.metadata.refresh(k)),
    ("PUT", "/library/metadata/{k}/analyze", lambda c, k: c.metadata.analyze(k)),
]


def test_writes_whose_answer_is_lost_are_sent_once_sync(pms: tuple[FakePlexServer, str]) -> None:
    server, url = pms
    with PlexClient(url, token=server.token) as direct:
        movies = next(s for s in direct.library.sections() if s.type == "movie")
        key = direct.library.items(movies.key, limit=1).items[0].rating_key
    proxy = FaultProxy(url, drop_writes=True)
    with proxy.run() as proxy_url:
        config = PlexConfig(base_url=proxy_url, token=server.token, timeouts=TIMEOUTS, **FAST)
        with PlexClient(config=config) as client:
            for method, path, call in WRITES:
                with pytest.raises(TransportError) as info:
                    call(client, key)
                assert info.value.request_sent is True
                assert "may have applied" in str(info.value)
                target = (method, path.format(k=key))
                assert proxy.requests[target] == 1 and proxy.forwarded[target] == 1


@pytest.mark.anyio
async def test_writes_whose_answer_is_lost_are_sent_once_async(
    pms: tuple[FakePlexServer, str],
) -> None:
    server, url = pms
    with PlexClient(url, token=server.token) as direct:
        movies = next(s for s in direct.library.sections() if s.type == "movie")
        key = direct.library.items(movies.key, limit=1).items[0].rating_key
    proxy = FaultProxy(url, drop_writes=True)
    with proxy.run() as proxy_url:
        config = PlexConfig(base_url=proxy_url, token=server.token, timeouts=TIMEOUTS, **FAST)
        async with AsyncPlexClient(config=config) as client:
            for method, path, call in WRITES:
                with pytest.raises(TransportError) as info:
                    await call(client, key)
                assert info.value.request_sent is True
                assert "may have applied" in str(info.value)
                target = (method, path.format(k=key))
                assert proxy.requests[target] == 1 and proxy.forwarded[target] == 1
