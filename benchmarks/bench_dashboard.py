"""Komandorr's polling mix against the fake server: Plex calls with and without the cache.

    python benchmarks/bench_dashboard.py [--seconds 300]

A dashboard polls activities every 1 s, history every 10 s and stats every 5 s for 5
simulated minutes on a fake clock (examples/komandorr_api.py); the fake server counts every
request it receives. Komandorr documents 83% fewer calls with the cache.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import anyio
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

from komandorr_api import create_app, make_cache, simulate_dashboard

from plexkit import AsyncPlexClient
from plexkit.testing.app import create_app as create_fake


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


async def upstream_calls(seconds: int, *, use_cache: bool) -> int:
    fake, clock = create_fake(token="bench"), Clock()
    plex = AsyncPlexClient(
        "http://fake-pms:32400",
        token="bench",
        transport=httpx.ASGITransport(fake),
        cache=make_cache(clock=clock),
    )
    app = create_app(plex, use_cache=use_cache, clock=clock)
    async with (
        plex,
        httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://komandorr") as api,
    ):
        failed = await simulate_dashboard(api, clock.advance, seconds=seconds)
    assert failed == 0
    return fake.requests.count()


async def main(seconds: int) -> None:
    without = await upstream_calls(seconds, use_cache=False)
    with_cache = await upstream_calls(seconds, use_cache=True)
    print(f"polling mix over {seconds} simulated seconds")
    print(f"  Plex calls without the cache: {without}")
    print(f"  Plex calls with the cache:    {with_cache}")
    print(f"  saved: {1 - with_cache / without:.1%} (Komandorr documents 83%)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=300)
    anyio.run(main, parser.parse_args().seconds)
