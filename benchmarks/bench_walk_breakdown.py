"""Where a sync ``iter_items`` walk spends its CPU, against the cheap replay server.

Starts ``benchmarks/cheap_server.py``, walks the movie section with ``PlexClient`` as
``bench_library.py`` does (title, first file, genre names of every movie) and splits the
CPU by thread-time wrappers and ``gc.callbacks``: the request (on the caller's thread: this
server never keeps it waiting, so nothing is read ahead), decoding (``decode_page``: orjson,
no whole-body nesting check), building each page (``items_from``), fields built on first
access, and the collector by generation. The parts overlap (a collection runs
inside whatever allocates), so they do not add up to the total. Run:
``python benchmarks/bench_walk_breakdown.py --movies 5000 --repeat 5``.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = "bench-token"
SPENT: dict[str, float] = {}


def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[label] = SPENT.get(label, 0.0) + time.thread_time() - start

    return wrapper


def instrument() -> None:
    import plexkit._sync.client as client
    import plexkit._sync.resources.paging as paging
    import plexkit.models._decode as decoding
    import plexkit.models._lazy_fields as lazy

    decoding.decode_page = timed("decode (orjson)", decoding.decode_page)
    paging.items_from = timed("build pages (items_from)", paging.items_from)
    lazy.LazyField.__get__ = timed("fields on first access", lazy.LazyField.__get__)
    request = client.PlexClient.request
    client.PlexClient.request = timed("request", request)  # type: ignore[method-assign]
    started = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        if phase == "start":
            started[0] = time.thread_time()
            return
        label = f"gc generation {info['generation']}"
        SPENT[label] = SPENT.get(label, 0.0) + time.thread_time() - started[0]
        SPENT[label + " (collections)"] = SPENT.get(label + " (collections)", 0.0) + 1

    gc.callbacks.append(on_gc)


def walk(url: str, section: str) -> int:
    from plexkit import PlexClient

    count = 0
    with PlexClient(url, token=TOKEN) as plex:
        for item in plex.library.iter_items(section):
            _row = (item.title, item.media[0].parts[0].file, [g.tag for g in item.genres])  # type: ignore[attr-defined]
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movies", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    script = os.path.join(ROOT, "benchmarks", "cheap_server.py")
    cmd = [sys.executable, script, "--movies", str(args.movies), "--token", TOKEN]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as server:
        try:
            assert server.stdout is not None
            url = server.stdout.readline().split(" at ", 1)[1].strip()
            headers = {"Accept": "application/json", "X-Plex-Token": TOKEN}
            sections = httpx.get(f"{url}/library/sections", headers=headers).json()
            section = next(
                str(d["key"])
                for d in sections["MediaContainer"]["Directory"]
                if d["type"] == "movie"
            )
            walk(url, section)  # warm: the server renders each page once, hooks are generated
            instrument()
            cpu = wall = 0.0
            for _ in range(args.repeat):
                c, w = time.process_time(), time.perf_counter()
                walk(url, section)
                cpu += time.process_time() - c
                wall += time.perf_counter() - w
        finally:
            server.terminate()
    n = args.repeat
    print(
        f"{args.movies:,} movies, mean of {n} walks: wall {wall / n * 1000:.0f} ms, "
        f"process CPU {cpu / n * 1000:.0f} ms"
    )
    for label, value in SPENT.items():
        shown = (
            f"{value / n:8.1f}"
            if label.endswith("(collections)")
            else f"{value / n * 1000:6.1f} ms"
        )
        print(f"  {label:38s} {shown}")


if __name__ == "__main__":
    main()
