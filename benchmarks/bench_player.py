"""The media-manager layer against the fake server: ``update_library`` and ``find_item``.

* ``update``: 1,000 changed files across 3 sections (two movie sections and a TV section)
  are put on the fake disk; ``PlexPlayer.update_library`` maps them, scans them
  (``--mode paths``: one targeted scan per file, 3 in flight; ``--mode sections``: one full
  scan per section) and looks each new item up. Reports wall time, scans and requests sent,
  by route. The fake runs in this process (its disk is an in-process API), on loopback.
* ``find``: ``PlexPlayer.find_item`` for 1,000 paths (900 known files, 100 unknown) in a
  20,000-movie section, the fake in its own process on loopback. Reports requests per
  lookup and time per lookup, and for comparison one walk of the whole section (what a
  lookup costs without the server's ``file=`` filter).

Run: ``python benchmarks/bench_player.py [update|find|all] [--files 1000] [--movies 20000]
[--lookups 1000] [--scan-seconds 0.02] [--mode paths|sections|both]``. Not part of the tests.
"""

from __future__ import annotations

import argparse
import os
import random
import select
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's plexkit, not an installed one

from plexkit import PlexClient  # noqa: E402
from plexkit.paths import PathMapper  # noqa: E402
from plexkit.player import PlexPlayer  # noqa: E402

TOKEN = "bench-token"
LOCAL = "/srv/manager"
SERVER = "/data/media"
MAPPER = PathMapper(
    [
        (f"{LOCAL}/movies", f"{SERVER}/movies"),
        (f"{LOCAL}/movies-4k", f"{SERVER}/movies-4k"),
        (f"{LOCAL}/tv", f"{SERVER}/tv"),
    ]
)


def bench_update(files: int, scan_seconds: float, mode: str) -> None:
    from plexkit.testing import FakePlexServer

    server = FakePlexServer(movies=50, shows=2, artists=1, photo_albums=1, history=0)
    server.library.scans.duration = scan_seconds
    server.library.add_section("movie", "Movies 4K", [f"{SERVER}/movies-4k"])
    changed: list[str] = []
    per = files // 3
    for i in range(files):
        kind = i % 3
        if kind == 2:
            show, episode = divmod(i // 3, 10)
            name = f"Bench Show {show} (2020)/Season 01/Bench Show - S01E{episode + 1:02d}.mkv"
            server.disk.add_episode(
                f"{SERVER}/tv/{name}",
                show=f"Bench Show {show}",
                year=2020,
                season=1,
                episode=episode + 1,
                title=f"Episode {episode + 1}",
            )
            changed.append(f"{LOCAL}/tv/{name}")
        else:
            root = "movies" if kind == 0 else "movies-4k"
            folder = f"Bench Movie {i} ({1950 + i % 70})"
            server.disk.add_movie(
                f"{SERVER}/{root}/{folder}/{folder}.mkv", f"Bench Movie {i}", 1950 + i % 70
            )
            changed.append(f"{LOCAL}/{root}/{folder}/{folder}.mkv")
    print(
        f"update_library: {len(changed)} files ({per}+ per section), mode={mode}, "
        f"scans take {scan_seconds}s by the fake's clock"
    )
    with server.run_in_thread() as url, PlexClient(url, token=server.token) as plex:
        player = PlexPlayer(plex, MAPPER, parallel_scans=3, poll_interval=0.05)
        server.requests.clear()
        started = time.perf_counter()
        report = player.update_library(changed, mode=mode)  # type: ignore[arg-type]
        wall = time.perf_counter() - started
    routes = Counter(
        "websocket" if r.method == "WEBSOCKET" else f"{r.method} {_route(r.path)}"
        for r in server.requests
    )
    print(f"  {report.summary()}")
    print(
        f"  wall {wall:.2f}s, {report.scans} scans, {len(server.requests)} requests "
        f"({len(server.requests) / len(changed):.2f} per file)"
    )
    for route, count in routes.most_common():
        print(f"    {count:6d}  {route}")


def _route(path: str) -> str:
    parts = ["{id}" if p.isdigit() else p for p in path.split("/")]
    return "/".join(parts)


class ServerProcess:
    """``python -m plexkit.testing`` from this checkout, on a free loopback port."""

    def __init__(self, movies: int) -> None:
        self.movies = movies
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""

    def __enter__(self) -> ServerProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "plexkit.testing", "--port", "0", "--token", TOKEN,
             "--movies", str(self.movies), "--shows", "1", "--artists", "1",
             "--photo-albums", "1", "--history", "0"],
            stdout=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        assert self.proc.stdout is not None
        deadline = time.monotonic() + 300
        line = ""
        while "http://" not in line:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(f"the fake server did not start (said {line!r})")
            ready, _, _ = select.select([self.proc.stdout], [], [], 1.0)
            if ready:
                line = self.proc.stdout.readline()
        self.url = line.split(" at ", 1)[1].split()[0]
        import httpx

        while True:
            try:
                if httpx.get(f"{self.url}/identity", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the fake server does not answer")
            time.sleep(0.05)

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)


class Counting:
    """An httpx event hook counting the requests a client sends."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, request: object) -> None:
        self.count += 1


def bench_find(movies: int, lookups: int) -> None:
    print(f"find_item: {lookups} lookups in a {movies}-movie section (server in its own process)")
    with ServerProcess(movies) as server, PlexClient(server.url, token=TOKEN) as plex:
        counter = Counting()
        plex._http.event_hooks["request"].append(counter)
        started = time.perf_counter()
        files = [
            p.file
            for item in plex.library.iter_items(1, page_size=1000)
            for m in getattr(item, "media", ())
            for p in m.parts
            if p.file
        ]
        walk = time.perf_counter() - started
        walk_requests = counter.count
        print(
            f"  one walk of the section: {walk:.2f}s, {walk_requests} requests, {len(files)} files"
        )
        rng = random.Random(7)
        known = rng.sample(files, min(len(files), lookups * 9 // 10))
        unknown = [
            f"/data/media/movies/Missing {i} (2001)/Missing {i}.mkv"
            for i in range(lookups - len(known))
        ]
        paths = [p.replace(SERVER, LOCAL) for p in known + unknown]
        rng.shuffle(paths)
        player = PlexPlayer(plex, MAPPER)
        player.libraries()  # the section list, then reused for sections_ttl
        counter.count = 0
        times: list[float] = []
        hits = 0
        cpu = time.process_time()
        for path in paths:
            t0 = time.perf_counter()
            found = player.find_item(path)
            times.append(time.perf_counter() - t0)
            hits += found is not None
        cpu = time.process_time() - cpu
        total = sum(times)
        times.sort()
        print(
            f"  {len(paths)} lookups: {hits} found (expected {len(known)}), "
            f"{counter.count / len(paths):.2f} requests per lookup"
        )
        print(
            f"  time per lookup: mean {total / len(paths) * 1000:.1f} ms, "
            f"median {times[len(times) // 2] * 1000:.1f} ms, "
            f"p95 {times[int(len(times) * 0.95)] * 1000:.1f} ms, "
            f"total {total:.2f}s; the client's CPU {cpu / len(paths) * 1000:.1f} ms per lookup "
            "(the rest is the fake server filtering 20,000 movies in Python)"
        )
        print(f"  a walk per lookup would cost {walk * 1000:.0f} ms and {walk_requests} requests")


def main() -> None:
    parser = argparse.ArgumentParser(description="plexkit.player benchmarks")
    parser.add_argument("which", nargs="?", default="all", choices=["update", "find", "all"])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--scan-seconds", type=float, default=0.02)
    parser.add_argument("--mode", default="both", choices=["paths", "sections", "both"])
    parser.add_argument("--movies", type=int, default=20000)
    parser.add_argument("--lookups", type=int, default=1000)
    args = parser.parse_args()
    if args.which in ("update", "all"):
        for mode in ("paths", "sections") if args.mode == "both" else (args.mode,):
            bench_update(args.files, args.scan_seconds, mode)
    if args.which in ("find", "all"):
        bench_find(args.movies, args.lookups)


if __name__ == "__main__":
    main()
