"""``plexkit items Movies --jsonl`` of a 50,000-movie section: peak memory and first line.

The fake server (``python -m plexkit.testing``) runs in its own process on 127.0.0.1; the
command then runs as a real subprocess (``python -m plexkit``) with its stdout read by this
script line by line. Measured per run: the time from starting the command to its first JSON
line, the total time, the lines written (checked: one JSON object per movie) and the command's
peak resident memory (``ru_maxrss`` of that one process, from ``os.wait4``). The same is done
for a section ten times smaller: flat memory means the two peaks are about the same.

Run: ``python benchmarks/bench_cli_jsonl.py [--movies 50000] [--small 5000]``. Linux only
(``ru_maxrss`` in KiB). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-token"


def start_server(movies: int) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "plexkit.testing", "--port", "0", "--token", TOKEN]
    command += ["--movies", str(movies), "--shows", "1", "--artists", "1", "--photo-albums", "1"]
    command += ["--history", "0"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    banner = server.stdout.readline()
    found = re.search(r"(http://127\.0\.0\.1:\d+)", banner)
    if not found:
        server.kill()
        raise SystemExit(f"the fake server did not start: {banner!r}")
    return server, found.group(1)


def run_command(url: str) -> dict[str, float]:
    command = [sys.executable, "-m", "plexkit", "--url", url, "--token", TOKEN]
    command += ["items", "Movies", "--jsonl"]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, bufsize=1)
    assert process.stdout is not None
    first = None
    lines = 0
    for line in process.stdout:
        if first is None:
            first = time.perf_counter() - started
        if lines % 997 == 0:
            assert json.loads(line)["type"] == "movie"
        lines += 1
    _, status, usage = os.wait4(process.pid, 0)
    total = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"plexkit exited with {process.returncode}")
    return {
        "lines": lines,
        "first_line_s": first or 0.0,
        "total_s": total,
        "peak_rss_mib": usage.ru_maxrss / 1024,
    }


def measure(movies: int) -> dict[str, float]:
    server, url = start_server(movies)
    try:
        run_command(url)  # warm-up: the fake server builds its list rows on first use
        result = run_command(url)
    finally:
        server.terminate()
        server.wait(timeout=60)
    if result["lines"] != movies:
        raise SystemExit(f"expected {movies} lines, got {result['lines']}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movies", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=5_000)
    args = parser.parse_args()
    print(f"{'movies':>8} {'first line':>11} {'total':>8} {'peak RSS':>10}")
    for movies in (args.small, args.movies):
        r = measure(movies)
        print(
            f"{movies:>8} {r['first_line_s']:>10.2f}s {r['total_s']:>7.1f}s "
            f"{r['peak_rss_mib']:>7.1f} MiB"
        )


if __name__ == "__main__":
    main()
