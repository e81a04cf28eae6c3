"""Listing a whole movie library over loopback: plexkit against raw httpx and python-plexapi.

The fake server (``python -m plexkit.testing``) runs in its own process on 127.0.0.1 with a
generated 20,000-movie library (every movie with Media/Part, genres, roles, directors, ...).
Each contender then runs in a fresh subprocess and, for every movie, reads the title, the first
part's file path and the genre names:

* ``raw``      httpx.Client + ``response.json()`` of the same pages (same page size, same
               ``Accept: application/json``, same X-Plex-Container-Start/Size headers), no models;
               the baseline of the targets;
* ``raw-orjson`` the same with ``orjson.loads(response.content)`` (shown when orjson is
               installed, for information: plexkit uses orjson when a safe version is there);
* ``plexapi``  python-plexapi ``section.all()`` (XML; builds the whole library as one list);
* ``plexkit``  ``PlexClient.library.iter_items`` (sync, one page held at a time);
* ``async``    ``AsyncPlexClient.library.iter_items`` under asyncio;
* ``fetch``    not a contender: httpx fetching the same pages without decoding them, the floor
               that server + transfer + HTTP client put under every client.

Every contender runs ``--repeat`` times for wall time (a fresh process each time; best run
wins; ``ru_maxrss`` growth recorded), then once more under ``tracemalloc`` for the peak of
Python allocations, where it also hashes every (title, file, genres) row so that the run checks
all contenders saw the same library. During each timed run the worker also reads the server
process's CPU time from ``/proc/<pid>/stat``: the server's share of the wall time.

Run: ``python benchmarks/bench_library.py [--movies 20000] [--repeat 3] [--page-size 500]
[--sweep 100,200,500,1000 | --sweep none] [--skip-plexapi] [--json results.json]``.
Linux only (``/proc``, ``ru_maxrss`` in KiB). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import select
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

TOKEN = "bench-token"
SECTION_TITLE = "Movies"
CONTENDERS = ("raw", "raw-orjson", "plexapi", "plexkit", "async", "fetch")
LABELS = {
    "raw": "(a) raw httpx + response.json()",
    "raw-orjson": "    raw httpx + orjson.loads (info)",
    "plexapi": "(b) python-plexapi section.all()",
    "plexkit": "(c) plexkit PlexClient.iter_items",
    "async": "(d) plexkit AsyncPlexClient.iter_items",
    "fetch": "    floor: httpx fetch, no decoding",
}
TARGET_SPEED_VS_RAW = 1.5  # plexkit wall / raw wall <= this
TARGET_SPEED_VS_PLEXAPI = 10.0  # plexapi wall / plexkit wall >= this
TARGET_MEMORY_VS_PLEXAPI = 0.25  # plexkit peak / plexapi peak < this
CLK_TCK = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------------------------
# The worker: one contender, one run, in a fresh process. Prints one JSON line.
# --------------------------------------------------------------------------------------------

Row = tuple[str, str, tuple[str, ...]]


class Probe:
    """What a run measures around its timed region: wall, CPU on both sides, memory."""

    def __init__(self, server_pid: int, traced: bool) -> None:
        self.server_pid = server_pid
        self.traced = traced
        self.result: dict[str, Any] = {}

    def __enter__(self) -> Probe:
        import gc

        gc.collect()
        self._rss0 = _rss_start_kib()
        if self.traced:
            import tracemalloc

            tracemalloc.start()
            self._traced0 = tracemalloc.get_traced_memory()[0]
        self._server0 = _proc_cpu(self.server_pid)
        self._busy0 = _machine_busy()
        self._cpu0 = time.process_time()
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        wall = time.perf_counter() - self._t0
        cpu = time.process_time() - self._cpu0
        server = _proc_cpu(self.server_pid) - self._server0
        busy = _machine_busy() - self._busy0
        self.result.update(
            wall=wall,
            client_cpu=cpu,
            server_cpu=server,
            # CPU that neither this worker nor the fake server used: other processes on
            # the machine (a test suite, a build) that make the numbers noisy.
            other_cpu=max(0.0, busy - cpu - server),
            maxrss_delta_kib=_rss_peak_kib() - self._rss0,
        )
        if self.traced:
            import tracemalloc

            self.result["traced_peak"] = tracemalloc.get_traced_memory()[1] - self._traced0
            tracemalloc.stop()


class Reader:
    """The per-movie work every contender does: read title, first file, genre names.

    In check mode it also folds each row into an order-independent digest.
    """

    def __init__(self, check: bool) -> None:
        self.check = check
        self.count = 0
        self.digest = 0
        self.sample: list[Row] = []

    def add(self, title: str, file: str, genres: list[str]) -> None:
        self.count += 1
        if self.check:
            import hashlib

            row = (title, file, tuple(genres))
            h = hashlib.blake2b(repr(row).encode(), digest_size=16).digest()
            self.digest = (self.digest + int.from_bytes(h, "big")) % (1 << 128)
            if len(self.sample) < 3:
                self.sample.append(row)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"items": self.count}
        if self.check:
            out["digest"] = f"{self.digest:032x}"
            out["sample"] = self.sample
        return out


def run_raw(
    url: str, section: str, page_size: int, probe: Probe, reader: Reader, fast: bool = False
) -> int:
    import httpx

    if fast:
        import orjson

        def decode(response: httpx.Response) -> Any:
            return orjson.loads(response.content)
    else:

        def decode(response: httpx.Response) -> Any:
            return response.json()

    headers = {"Accept": "application/json", "X-Plex-Token": TOKEN}
    requests = 0
    with httpx.Client(base_url=url, headers=headers) as client, probe:
        offset = 0
        while True:
            response = client.get(
                f"/library/sections/{section}/all",
                headers={
                    "X-Plex-Container-Start": str(offset),
                    "X-Plex-Container-Size": str(page_size),
                },
            )
            requests += 1
            response.raise_for_status()
            container = decode(response)["MediaContainer"]
            movies = container.get("Metadata", [])
            for movie in movies:
                reader.add(
                    movie["title"],
                    movie["Media"][0]["Part"][0]["file"],
                    [genre["tag"] for genre in movie.get("Genre", ())],
                )
            offset += len(movies)
            if len(movies) < page_size or offset >= container.get("totalSize", offset + 1):
                break
    return requests


def run_raw_orjson(url: str, section: str, page_size: int, probe: Probe, reader: Reader) -> int:
    return run_raw(url, section, page_size, probe, reader, fast=True)


def run_fetch(url: str, section: str, page_size: int, probe: Probe, reader: Reader) -> int:
    """The same requests as ``run_raw`` with the bodies left undecoded."""
    import httpx

    headers = {"Accept": "application/json", "X-Plex-Token": TOKEN}
    requests = 0
    received = 0
    with httpx.Client(base_url=url, headers=headers) as client, probe:
        offset = 0
        total = None
        while total is None or offset < total:
            response = client.get(
                f"/library/sections/{section}/all",
                headers={
                    "X-Plex-Container-Start": str(offset),
                    "X-Plex-Container-Size": str(page_size),
                },
            )
            requests += 1
            response.raise_for_status()
            received += len(response.content)
            total = int(response.headers["X-Plex-Container-Total-Size"])
            offset += page_size
    probe.result["bytes"] = received
    reader.count = -1  # not decoded: no items
    return requests


def run_plexkit(url: str, section: str, page_size: int, probe: Probe, reader: Reader) -> int:
    from plexkit import PlexClient

    requests = [0]
    with PlexClient(url, token=TOKEN) as plex:
        # A request hook to count pages; it only increments an int.
        _request_hooks(plex, requests).append(lambda _: _bump(requests))
        with probe:
            for item in plex.library.iter_items(section, page_size=page_size):
                reader.add(
                    item.title,  # type: ignore[arg-type]
                    item.media[0].parts[0].file,  # type: ignore[attr-defined]
                    [genre.tag for genre in item.genres],  # type: ignore[attr-defined]
                )
    return requests[0]


def run_async(url: str, section: str, page_size: int, probe: Probe, reader: Reader) -> int:
    import asyncio

    from plexkit import AsyncPlexClient

    requests = [0]

    async def main() -> None:
        async with AsyncPlexClient(url, token=TOKEN) as plex:

            async def hook(_: object) -> None:
                requests[0] += 1

            _request_hooks(plex, requests).append(hook)
            with probe:
                async for item in plex.library.iter_items(section, page_size=page_size):
                    reader.add(
                        item.title,  # type: ignore[arg-type]
                        item.media[0].parts[0].file,  # type: ignore[attr-defined]
                        [genre.tag for genre in item.genres],  # type: ignore[attr-defined]
                    )

    asyncio.run(main())
    return requests[0]


def run_plexapi(url: str, section: str, page_size: int, probe: Probe, reader: Reader) -> int:
    """python-plexapi as its users call it: ``section.all()`` with its default paging (100)."""
    from plexapi.server import PlexServer

    server = PlexServer(url, TOKEN)
    movies_section = server.library.section(SECTION_TITLE)
    requests = [0]
    query = server.query

    def counted(*args: Any, **kwargs: Any) -> Any:  # notices N+1 reloads if any happen
        requests[0] += 1
        return query(*args, **kwargs)

    server.query = counted  # type: ignore[method-assign]
    with probe:
        movies = movies_section.all()
        probe.result["all_returned_after"] = time.perf_counter() - probe._t0
        for movie in movies:
            reader.add(
                movie.title,
                movie.media[0].parts[0].file,
                [genre.tag for genre in movie.genres],
            )
        del movies
    return requests[0]


RUNNERS: dict[str, Callable[[str, str, int, Probe, Reader], int]] = {
    "raw": run_raw,
    "raw-orjson": run_raw_orjson,
    "fetch": run_fetch,
    "plexkit": run_plexkit,
    "async": run_async,
    "plexapi": run_plexapi,
}


def worker(args: argparse.Namespace) -> None:
    traced = args.mode == "check"
    probe = Probe(args.server_pid, traced=traced)
    reader = Reader(check=traced)
    requests = RUNNERS[args.worker](args.url, args.section, args.page_size, probe, reader)
    out = {"contender": args.worker, "mode": args.mode, "requests": requests, **probe.result}
    out["rss_source"] = "VmHWM after reset" if _HWM_RESET else "ru_maxrss"
    out.update(reader.summary())
    print(json.dumps(out), flush=True)


def _request_hooks(plex: Any, counter: list[int]) -> list[Any]:
    """The request hooks of the client's httpx client (a private attribute: if it moves, the
    page count shows as -1 instead of failing the benchmark)."""
    http = getattr(plex, "_http", None)
    hooks = getattr(http, "event_hooks", None)
    if hooks is None:
        counter[0] = -1
        return []
    found: list[Any] = hooks["request"]
    return found


def _bump(counter: list[int]) -> None:
    counter[0] += 1


_HWM_RESET = False


def _rss_start_kib() -> int:
    """Reset this process's peak RSS (Linux >= 4.0: ``5 > /proc/self/clear_refs``) and return
    the current RSS; where the reset is not allowed, fall back to the ``ru_maxrss`` mark."""
    global _HWM_RESET
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        _HWM_RESET = True
        return _status_kib("VmRSS")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def _rss_peak_kib() -> int:
    if _HWM_RESET:
        return _status_kib("VmHWM")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise OSError(f"no {field} in /proc/self/status")


def _machine_busy() -> float:
    """Busy CPU seconds of the whole machine, all cores (``/proc/stat``; steal included)."""
    with open("/proc/stat") as f:
        fields = [int(v) for v in f.readline().split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


def _proc_cpu(pid: int) -> float:
    """User + system CPU seconds of a process (10 ms resolution)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


# --------------------------------------------------------------------------------------------
# The driver: server process, runs, checks, table.
# --------------------------------------------------------------------------------------------


class FakeServer:
    """``python -m plexkit.testing`` on a free loopback port, in its own process."""

    def __init__(self, movies: int) -> None:
        self.movies = movies
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""
        self.startup = 0.0

    def __enter__(self) -> FakeServer:
        started = time.perf_counter()
        # Only movies matter here; the other generated libraries are kept small.
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "plexkit.testing",
                "--port",
                "0",
                "--token",
                TOKEN,
                "--movies",
                str(self.movies),
                "--shows",
                "1",
                "--artists",
                "1",
                "--photo-albums",
                "1",
                "--history",
                "0",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        deadline = time.monotonic() + 120
        line = ""
        while "http://" not in line:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(f"the fake server did not start (said {line!r})")
            ready, _, _ = select.select([self.proc.stdout], [], [], 1.0)
            if ready:
                line = self.proc.stdout.readline()
        self.url = line.split(" at ", 1)[1].split()[0]
        import httpx

        while True:  # bound is not serving yet: wait until it answers
            try:
                if httpx.get(f"{self.url}/identity", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the fake server does not answer")
            time.sleep(0.05)
        self.startup = time.perf_counter() - started
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def spawn(
    contender: str, mode: str, server: FakeServer, section: str, page_size: int
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        os.path.abspath(__file__),
        "--worker",
        contender,
        "--mode",
        mode,
        "--url",
        server.url,
        "--section",
        section,
        "--page-size",
        str(page_size),
        "--server-pid",
        str(server.pid),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"{contender} ({mode}) failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def section_key(url: str) -> str:
    import httpx

    response = httpx.get(
        f"{url}/library/sections",
        headers={"Accept": "application/json", "X-Plex-Token": TOKEN},
    )
    response.raise_for_status()
    for directory in response.json()["MediaContainer"]["Directory"]:
        if directory["title"] == SECTION_TITLE:
            return str(directory["key"])
    raise RuntimeError(f"no {SECTION_TITLE!r} section on the fake server")


def warm_up(url: str, section: str, page_size: int) -> float:
    """One untimed pass over every page: the fake server caches list rows on first use."""
    import httpx

    started = time.perf_counter()
    headers = {"Accept": "application/json", "X-Plex-Token": TOKEN}
    with httpx.Client(base_url=url, headers=headers, timeout=60) as client:
        offset, total = 0, None
        while total is None or offset < total:
            response = client.get(
                f"/library/sections/{section}/all",
                headers={
                    "X-Plex-Container-Start": str(offset),
                    "X-Plex-Container-Size": str(page_size),
                },
            )
            response.raise_for_status()
            total = int(response.headers["X-Plex-Container-Total-Size"])
            offset += page_size
        client.get(
            f"/library/sections/{section}/all",
            headers={"Accept": "application/xml", "X-Plex-Container-Size": "100"},
        ).raise_for_status()
    return time.perf_counter() - started


def measure(
    contenders: list[str],
    server: FakeServer,
    section: str,
    page_size: int,
    repeat: int,
    check: bool = True,
) -> dict[str, dict[str, Any]]:
    """``repeat`` timed runs of each contender (a fresh process each), taken round-robin so
    that drift on the machine spreads over all of them; then one traced check run each."""
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in contenders}
    for n in range(repeat):
        for name in contenders:
            print(f"  {name} (page size {page_size}), run {n + 1}/{repeat}", file=sys.stderr)
            runs[name].append(spawn(name, "time", server, section, page_size))
    out = {}
    for name in contenders:
        out[name] = summarise(name, page_size, runs[name])
        if check:
            print(f"  {name}, traced check run", file=sys.stderr)
            traced = spawn(name, "check", server, section, page_size)
            out[name].update(
                traced_peak=traced["traced_peak"],
                traced_wall=traced["wall"],
                digest=traced.get("digest"),
                sample=traced.get("sample"),
            )
            if traced["items"] != out[name]["items"]:
                raise AssertionError(f"{name}: traced run saw {traced['items']} items")
    return out


def summarise(contender: str, page_size: int, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The best run's numbers (the median for memory), after checking the runs agree."""
    counts = {r["items"] for r in runs}
    if len(counts) != 1:
        raise AssertionError(f"{contender}: item counts differ between runs: {counts}")
    best = min(runs, key=lambda r: r["wall"])
    return {
        "contender": contender,
        "page_size": page_size,
        "walls": [r["wall"] for r in runs],
        "wall": best["wall"],
        "client_cpu": best["client_cpu"],
        "server_cpu": best["server_cpu"],
        "other_cpu": best.get("other_cpu", 0.0),
        "maxrss_delta_kib": statistics.median(r["maxrss_delta_kib"] for r in runs),
        "requests": best["requests"],
        "items": best["items"],
        "bytes": best.get("bytes"),
        "all_returned_after": best.get("all_returned_after"),
        "rss_source": best.get("rss_source"),
    }


def verify(results: dict[str, dict[str, Any]], movies: int) -> None:
    """Every contender saw every movie, and the same (title, file, genres) rows."""
    readers = {k: v for k, v in results.items() if k != "fetch"}
    for name, result in readers.items():
        if result["items"] != movies:
            raise AssertionError(f"{name} saw {result['items']} items, expected {movies}")
    digests = {name: r["digest"] for name, r in readers.items()}
    if len(set(digests.values())) != 1:
        raise AssertionError(f"contenders read different rows: {digests}")


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def mib(n_bytes: float | None) -> str:
    return "-" if n_bytes is None else f"{n_bytes / 2**20:7.1f} MiB"


def table(rows: Iterable[Iterable[str]], header: list[str]) -> Iterator[str]:
    data = [header, *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in data) for i in range(len(header))]
    for n, row in enumerate(data):
        yield "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        )
        if n == 0:
            yield "  ".join("-" * w for w in widths)


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("plexkit", "httpx", "plexapi", "cattrs", "attrs", "uvicorn", "orjson"):
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} -")
    try:
        from plexkit.models import _decode

        loader = _decode._fast_json_loads
        out.append(f"plexkit JSON decoder: {loader.__module__}.{loader.__name__}")
    except (ImportError, AttributeError):
        pass
    return ", ".join(out)


def revision() -> str:
    """The commit measured, and whether plexkit/ had uncommitted changes."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        head = subprocess.run(
            ["git", "-C", root, "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", root, "status", "--porcelain", "--", "plexkit"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes in plexkit/" if dirty else "")


def report(
    args: argparse.Namespace,
    server: FakeServer,
    cold: float,
    results: dict[str, dict[str, Any]],
    sweep: list[tuple[int, dict[str, Any], dict[str, Any]]],
) -> None:
    print()
    print(
        f"# bench_library: {args.movies:,} movies, page size {args.page_size}, "
        f"best of {args.repeat} fresh-process runs"
    )
    print(f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {machine()}")
    print(f"versions: {versions()}")
    print(f"plexkit revision: {revision()}")
    print(
        f"fake server: started in {server.startup:.1f} s (library generation included); "
        f"first (cold) pass over all pages {cold:.2f} s, untimed"
    )
    print()
    rows = []
    for name in CONTENDERS:
        r = results.get(name)
        if r is None:
            continue
        walls = "/".join(f"{w:.2f}" for w in sorted(r["walls"]))
        rows.append(
            [
                LABELS[name],
                f"{r['wall']:.3f} s",
                walls,
                f"{r['client_cpu']:.2f} s",
                f"{r['server_cpu']:.2f} s",
                f"{r['other_cpu']:.2f} s",
                str(r["requests"]),
                "-" if r["items"] < 0 else f"{r['items']:,}",
                mib(r.get("traced_peak")),
                mib(r["maxrss_delta_kib"] * 1024),
            ]
        )
    header = [
        "contender",
        "wall (best)",
        "all runs (s)",
        "client CPU",
        "server CPU",
        "other CPU",
        "requests",
        "items",
        "tracemalloc peak",
        "maxrss growth",
    ]
    for line in table(rows, header):
        print(line)
    print()
    print("wall: perf_counter around the listing loop (client setup excluded), best run.")
    print("client/server CPU: process CPU (user+sys) of the worker and of the fake server")
    print("  process during that best run. tracemalloc peak: peak of Python allocations")
    print("  in a separate traced run (which also checks the rows). maxrss growth: growth")
    source = results["raw"].get("rss_source")
    print(f"  of the process's peak RSS over the timed region ({source}), median of the runs.")
    print("other CPU: busy CPU of the machine (/proc/stat) used by neither the worker nor the")
    print("  server during the best run: other processes competing for the 2 cores.")
    noisy = [n for n, r in results.items() if r["other_cpu"] > 0.1 * r["wall"]]
    if noisy:
        print(
            f"WARNING: other processes used more than 10% of a core during the best run of "
            f"{', '.join(noisy)}; those numbers are noisy, rerun on a quiet machine."
        )
    verified = all("digest" in r for n, r in results.items() if n != "fetch")
    if verified:
        print(
            f"check: every contender read all {args.movies:,} movies and the same "
            f"(title, file, genres) rows (order-independent digest "
            f"{results['raw']['digest'][:12]}...)"
        )

    raw, kit = results["raw"], results["plexkit"]
    print()
    print("## targets")
    ratio_raw = kit["wall"] / raw["wall"]
    print(
        f"plexkit / raw wall        {ratio_raw:6.2f}x   target <= {TARGET_SPEED_VS_RAW}x   "
        f"{verdict(ratio_raw <= TARGET_SPEED_VS_RAW)}"
    )
    if "raw-orjson" in results:
        fast = results["raw-orjson"]["wall"]
        print(f"plexkit / raw-orjson wall {kit['wall'] / fast:6.2f}x   (information, no target)")
    if "async" in results:
        ratio_async = results["async"]["wall"] / raw["wall"]
        print(
            f"plexkit async / raw wall  {ratio_async:6.2f}x   target <= {TARGET_SPEED_VS_RAW}x   "
            f"{verdict(ratio_async <= TARGET_SPEED_VS_RAW)}"
        )
    if "plexapi" in results:
        api = results["plexapi"]
        speed = api["wall"] / kit["wall"]
        target = f"target >= {TARGET_SPEED_VS_PLEXAPI:.0f}x"
        print(
            f"plexapi / plexkit wall    {speed:6.1f}x   {target}    "
            f"{verdict(speed >= TARGET_SPEED_VS_PLEXAPI)}"
        )
        print(
            f"  (plexapi: section.all() returned after {api['all_returned_after']:.2f} s; "
            f"the rest is reading its lazily parsed media and tags)"
        )
        mem = kit["traced_peak"] / api["traced_peak"]
        rss = kit["maxrss_delta_kib"] / max(api["maxrss_delta_kib"], 1)
        print(
            f"plexkit / plexapi memory  {mem:6.3f}    target < {TARGET_MEMORY_VS_PLEXAPI}     "
            f"{verdict(mem < TARGET_MEMORY_VS_PLEXAPI)}  (tracemalloc peaks; "
            f"maxrss growth ratio {rss:.3f})"
        )

    fetch = results.get("fetch")
    if fetch is not None:
        pages = kit["requests"]
        print()
        print("## the fake server's share")
        print(
            f"server CPU during the plexkit run: {kit['server_cpu']:.2f} s "
            f"= {kit['server_cpu'] / kit['wall']:.0%} of plexkit's wall time, "
            f"{kit['server_cpu'] / pages * 1000:.1f} ms per {args.page_size}-item page "
            f"({pages} pages)"
        )
        print(
            f"client CPU during the plexkit run: {kit['client_cpu']:.2f} s "
            f"= {kit['client_cpu'] / kit['wall']:.0%} of its wall time"
        )
        print(
            f"loopback fetch without decoding (server + transfer + httpx): {fetch['wall']:.3f} s "
            f"= {fetch['wall'] / pages * 1000:.1f} ms per page, "
            f"{fetch['wall'] / kit['wall']:.0%} of plexkit's wall time; "
            f"{fetch['bytes'] / 2**20:.1f} MiB of JSON"
        )
        above = (kit["wall"] - fetch["wall"]) / max(raw["wall"] - fetch["wall"], 1e-9)
        print(
            f"plexkit's own cost above that floor: {kit['wall'] - fetch['wall']:.3f} s; "
            f"raw json's: {raw['wall'] - fetch['wall']:.3f} s "
            f"(plexkit/raw above the floor: {above:.2f}x)"
        )

    if sweep:
        print()
        print(
            f"## page size sweep (plexkit sync against raw, best of {args.sweep_repeat} runs each)"
        )
        rows = []
        for size, kit_r, raw_r in sweep:
            rows.append(
                [
                    str(size),
                    str(kit_r["requests"]),
                    f"{raw_r['wall']:.3f} s",
                    f"{kit_r['wall']:.3f} s",
                    f"{kit_r['wall'] / raw_r['wall']:.2f}x",
                    f"{kit_r['server_cpu']:.2f} s",
                    mib(raw_r["maxrss_delta_kib"] * 1024),
                    mib(kit_r["maxrss_delta_kib"] * 1024),
                ]
            )
        header = [
            "page size",
            "pages",
            "raw wall",
            "plexkit wall",
            "plexkit/raw",
            "server CPU (plexkit)",
            "raw maxrss growth",
            "plexkit maxrss growth",
        ]
        for line in table(rows, header):
            print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movies", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per contender")
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument(
        "--sweep",
        default="100,200,500,1000",
        help="page sizes for the plexkit/raw sweep, comma-separated, or 'none'",
    )
    parser.add_argument("--sweep-repeat", type=int, default=2, help="runs per sweep point")
    parser.add_argument("--skip-plexapi", action="store_true", help="leave plexapi out (fast)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    # worker-only options
    parser.add_argument("--worker", choices=sorted(RUNNERS), help=argparse.SUPPRESS)
    parser.add_argument("--mode", choices=("time", "check"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--section", help=argparse.SUPPRESS)
    parser.add_argument("--server-pid", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return

    sizes = [] if args.sweep == "none" else [int(s) for s in args.sweep.split(",") if s]
    contenders = [c for c in CONTENDERS if not (args.skip_plexapi and c == "plexapi")]
    if importlib.util.find_spec("orjson") is None:
        contenders.remove("raw-orjson")
    started = time.perf_counter()
    with FakeServer(args.movies) as server:
        print(
            f"fake server pid {server.pid} at {server.url}, ready in {server.startup:.1f} s",
            file=sys.stderr,
        )
        section = section_key(server.url)
        cold = warm_up(server.url, section, args.page_size)
        results = measure(contenders, server, section, args.page_size, args.repeat)
        verify(results, args.movies)
        sweep = []
        for size in sizes:
            if size == args.page_size and args.sweep_repeat <= args.repeat:
                kit_r, raw_r = results["plexkit"], results["raw"]
            else:
                pair = measure(["raw", "plexkit"], server, section, size, args.sweep_repeat, False)
                kit_r, raw_r = pair["plexkit"], pair["raw"]
                for r in (kit_r, raw_r):
                    if r["items"] != args.movies:
                        raise AssertionError(f"page size {size}: {r['items']} items")
            sweep.append((size, kit_r, raw_r))
    report(args, server, cold, results, sweep)
    print(f"\n(total benchmark time {time.perf_counter() - started:.0f} s)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(
                {
                    "args": vars(args),
                    "machine": machine(),
                    "results": results,
                    "sweep": [{"page_size": s, "plexkit": k, "raw": r} for s, k, r in sweep],
                },
                f,
                indent=2,
            )


if __name__ == "__main__":
    main()
