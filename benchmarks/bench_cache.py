"""Benchmark plexkit.cache against the fake server on loopback.

1. Cost of a cache hit versus an uncached call (real HTTP to the fake server on 127.0.0.1),
   for the memory and the Redis backends, measured both through the client
   (``plex.library.sections()``, decoding included) and at the cache layer alone
   (``ResponseCache.fetch`` versus the HTTP round trip it saves).
2. Requests saved on a dashboard-like mix: sections, recently added and activities every
   second for a minute of simulated time (an injected clock; nothing sleeps), counted at the
   fake server.

Run: ``python benchmarks/bench_cache.py [--calls 300]``. Redis is measured when a
``redis-server`` binary is on PATH (a throwaway one is started on a free port).
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

import httpx

from plexkit._sync.client import PlexClient
from plexkit.cache import (
    CachedResponse,
    CacheKey,
    MemoryBackend,
    RedisBackend,
    ResponseCache,
)

TOKEN = "bench-token"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fake_app() -> Any:
    from plexkit.testing.app import create_app

    return create_app(token=TOKEN)


@contextmanager
def serve_on_loopback() -> Iterator[str]:
    """Run the fake server in its own process on a free loopback port: in this one, its
    thread and its library's objects would charge the client for the GIL and for every
    collection that walks them."""
    command = [sys.executable, "-m", "plexkit.testing", "--port", "0", "--token", TOKEN]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as server:
        try:
            assert server.stdout is not None
            line = server.stdout.readline()
            if " at " not in line:
                raise RuntimeError("the fake server did not start")
            yield line.split(" at ", 1)[1].split()[0]
        finally:
            server.terminate()


@contextmanager
def redis_on_loopback() -> Iterator[str | None]:
    """A throwaway redis-server (no persistence), or None without the binary."""
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = free_port()
    with tempfile.TemporaryDirectory() as workdir:
        proc = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                workdir,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 15
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError("redis-server did not start") from None
                    time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            proc.kill()
            proc.wait(10)


def per_call(fn: Callable[[], object], calls: int, repeats: int = 5) -> float:
    """Median seconds per call over ``repeats`` runs of ``calls`` calls."""
    fn()  # warm up (connections, first miss)
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        runs.append((time.perf_counter() - start) / calls)
    return statistics.median(runs)


def bench_backend(
    label: str, url: str, make_cache: Callable[[], ResponseCache], calls: int
) -> None:
    """Hit versus uncached, through the client and at the cache layer, for two endpoints."""
    print(f"\n[{label}]")
    cache = make_cache()
    with PlexClient(url, token=TOKEN, cache=cache) as plex:
        section = plex.library.sections()[0].key
        cases: list[tuple[str, str, Callable[..., object]]] = [
            ("sections()", "/library/sections", lambda **kw: plex.library.sections(**kw)),
            (
                "items(limit=200)",
                f"/library/sections/{section}/all",
                lambda **kw: plex.library.items(section, limit=200, **kw),
            ),
        ]
        for name, _path, call in cases:
            uncached = per_call(lambda call=call: call(cache=False), calls)
            hit = per_call(lambda call=call: call(), calls)
            print(
                f"  client {name:17s} uncached {uncached * 1e6:8.1f} us   hit {hit * 1e6:8.1f} us"
                f"   -> {uncached / hit:6.1f}x"
            )
    http = httpx.Client(base_url=url, headers={"X-Plex-Token": TOKEN, "Accept": "application/json"})
    for name, path, _call in cases:
        params = {"X-Plex-Container-Start": 0, "X-Plex-Container-Size": 200}
        key = CacheKey.build(
            name="items",
            server=url,
            token=TOKEN,
            method="GET",
            path=path,
            params=params,
            accept="application/json",
        )

        def load(path: str = path, params: dict[str, int] = params) -> CachedResponse:
            r = http.get(path, params=params)
            return CachedResponse(r.status_code, dict(r.headers), r.content, time.time())

        layer_cache = make_cache()
        raw = per_call(load, calls)
        layer_hit = per_call(partial(layer_cache.fetch, key, load), calls)
        size = len(load().content)
        print(
            f"  layer  {name:17s} HTTP     {raw * 1e6:8.1f} us   hit {layer_hit * 1e6:8.1f} us"
            f"   -> {raw / layer_hit:6.1f}x  ({size / 1024:.0f} KiB body)"
        )
    http.close()


def dashboard_mix(seconds: int = 60) -> None:
    """Requests at the fake server for a dashboard polling three widgets every second."""
    app = fake_app()
    transport = httpx.ASGITransport(app)  # in-process: request counts, not timings
    results = {}
    for label, use_cache in (("no cache", False), ("cache", True)):
        clock = FakeClock()
        cache = ResponseCache(clock=clock) if use_cache else None
        before = app.requests.count()
        sync_transport = _SyncASGI(transport)
        with PlexClient(
            "http://fake:32400", token=TOKEN, cache=cache, transport=sync_transport
        ) as plex:
            for _ in range(seconds):
                plex.library.sections()
                plex.library.recently_added()
                plex.activities.list()
                clock.now += 1.0
            if cache is not None:
                stats = cache.stats()
        results[label] = app.requests.count() - before
    made, saved = results["cache"], results["no cache"] - results["cache"]
    print(f"\n[dashboard mix: sections + recently added + activities every 1 s for {seconds} s]")
    print(
        f"  requests without cache {results['no cache']}, with cache {made}: "
        f"{saved} saved ({saved / results['no cache']:.0%}), hit rate {stats.hit_rate:.0%}"
    )
    for name in ("sections", "recently_added", "activities"):
        s = stats[name]
        print(f"    {name:15s} ttl {s.ttl:6.0f} s  hits {s.hits:3d}  misses {s.misses:3d}")


class _SyncASGI(httpx.BaseTransport):
    """Drive an ASGI app from the sync client (httpx's ASGITransport is async only)."""

    def __init__(self, transport: httpx.ASGITransport) -> None:
        self._transport = transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        import anyio

        async def send() -> httpx.Response:
            response = await self._transport.handle_async_request(request)
            body = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=body)

        return anyio.run(send)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="calls per timing run")
    args = parser.parse_args(argv)
    try:
        importlib.import_module("plexkit.testing.app")
    except ImportError as exc:
        print(f"the fake server (plexkit.testing) is not available: {exc}", file=sys.stderr)
        return 1
    with serve_on_loopback() as url:
        bench_backend("memory backend", url, lambda: ResponseCache(MemoryBackend()), args.calls)
        with redis_on_loopback() as redis_url:
            if redis_url is None:
                print("\n[redis backend] skipped: no redis-server binary on PATH")
            else:
                import redis

                client = redis.Redis.from_url(redis_url)
                bench_backend(
                    "redis backend",
                    url,
                    lambda: ResponseCache(RedisBackend(client, prefix="bench:")),
                    args.calls,
                )
                client.close()
    dashboard_mix()
    return 0


if __name__ == "__main__":
    sys.exit(main())
