"""Instructions per memory-cache hit through the client, counted by valgrind's cachegrind.

Wall-clock microseconds on a shared machine move by 2x from one hour to the next; the
instructions a hit executes do not. Each count runs a fresh interpreter under cachegrind
that makes ``--small`` then, in another process, ``--large`` hits, and reports
(large - small) / (large - small calls): start-up, the first miss and the warm-up cancel out.

Run: ``python benchmarks/bench_cache_instructions.py [--calls sections,items]``. Needs
``valgrind`` on PATH (``apt-get install -y valgrind``); the fake server runs in its own
process on a free loopback port. Children import plexkit from this checkout.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bench_cache import TOKEN, serve_on_loopback

ROOT = Path(__file__).resolve().parent.parent
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def hits(url: str, call: str, count: int) -> None:
    """In this process: ``count`` memory hits of ``call`` after a warm-up miss and hit."""
    from plexkit._sync.client import PlexClient
    from plexkit.cache import MemoryBackend, ResponseCache

    with PlexClient(url, token=TOKEN, cache=ResponseCache(MemoryBackend())) as plex:
        section = plex.library.sections()[0].key
        calls = {
            "sections": plex.library.sections,
            "items": lambda: plex.library.items(section, limit=200),
        }
        fn = calls[call]
        fn()
        fn()
        for _ in range(count):
            fn()


def instructions(url: str, call: str, count: int) -> int:
    """Instructions a fresh interpreter runs to make ``count`` hits (cachegrind's I refs)."""
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        url,
        call,
        str(count),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once, not in every count
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = _REFS.search(done.stderr)
    if found is None:
        raise RuntimeError(f"cachegrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", default="sections,items", help="which hits to count")
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=1100)
    parser.add_argument("--child", nargs=3, metavar=("URL", "CALL", "COUNT"), help="internal")
    args = parser.parse_args()
    if args.child:
        url, call, count = args.child
        hits(url, call, int(count))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install -y valgrind)")
    with serve_on_loopback() as url:
        instructions(url, "sections", 10)  # writes the bytecode caches; not counted
        for call in args.calls.split(","):
            small = instructions(url, call, args.small)
            large = instructions(url, call, args.large)
            per_hit = (large - small) / (args.large - args.small)
            print(f"  client {call:9s} memory hit  {per_hit / 1000:8.1f}k instructions")


if __name__ == "__main__":
    main()
