"""Listing a whole movie library over loopback: plexkit against raw httpx, python-plexapi and
the official-spec client, on a cheap server and on the realistic fake.

Two servers, each in its own process on 127.0.0.1, hold the same generated library (every
movie with Media/Part, genres, roles, directors, ...):

* ``cheap``      ``benchmarks/cheap_server.py``: every distinct answer rendered once by the
                 fake app, then replayed as bytes (well under 1 ms of CPU a page), so that the
                 clients' own cost shows;
* ``realistic``  ``python -m plexkit.testing``, which renders every page from its model.

Each contender runs in a fresh subprocess and, for every movie, reads the title, the first
part's file path and the genre names:

* ``raw-orjson`` httpx.Client + ``orjson.loads(response.content)`` of the same pages (same page
                 size, ``Accept: application/json``, X-Plex-Container-Start/Size), no models:
                 the baseline of the targets;
* ``raw``        the same with ``response.json()`` (stdlib json), for information;
* ``plexkit``    ``PlexClient.library.iter_items`` (sync);
* ``async``      ``AsyncPlexClient.library.iter_items`` under asyncio;
* ``walk``       ``AsyncPlexClient.library.walk`` under asyncio: the same pages, several in
                 flight at once (its default bound) while the caller builds the earlier ones;
* ``official``   the official-spec client (``plex-api-client``, pydantic models),
                 ``content.list_content`` page by page;
* ``plexapi``    python-plexapi ``section.all()`` (XML; builds the whole library as a list);
* ``fetch``      not a contender: httpx fetching the same pages without decoding them.

Every contender first runs once untimed (it warms the server's caches), then ``--repeat``
timed runs, round-robin, a fresh process each; the tables show medians. Each run measures its
start-up (imports + client construction, from a clean interpreter) and the listing loop: wall
time, the worker's CPU, the server's CPU (``/proc/<pid>/stat``), other processes' CPU
(``/proc/stat``) and peak RSS. One more run per contender hashes every (title, file, genres)
row: the script fails unless all contenders read the same library. Then: import times (fresh
interpreters), a page size sweep on both servers, and 5k/20k/50k scaling on the cheap server.

Run: ``python benchmarks/bench_library.py`` (about 6 minutes) or ``--quick`` (under a minute:
5,000 movies, 3 runs, no plexapi, no sweep or scaling). Options: ``--movies``, ``--repeat``,
``--page-size``, ``--sweep 100,200,500,1000|none``, ``--scale 5000,20000,50000|none``,
``--servers cheap,realistic``, ``--skip-plexapi``, ``--json PATH``. Linux only.
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
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

T_PROCESS = time.perf_counter()  # the worker's start-up is counted from here
CPU_PROCESS = time.process_time()

TOKEN = "bench-token"
SECTION_TITLE = "Movies"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYCACHE = os.path.join(tempfile.gettempdir(), "plexkit-bench-pycache")
CONTENDERS = ("raw-orjson", "raw", "plexkit", "async", "walk", "official", "plexapi", "fetch")
LABELS = {
    "raw-orjson": "(a) raw httpx + orjson.loads",
    "raw": "    raw httpx + response.json() (info)",
    "plexkit": "(b) plexkit PlexClient.iter_items",
    "async": "(c) plexkit AsyncPlexClient.iter_items",
    "walk": "(c') plexkit AsyncPlexClient.walk (overlapped)",
    "official": "(d) official-spec plex-api-client",
    "plexapi": "(e) python-plexapi section.all()",
    "fetch": "    floor: httpx fetch, no decoding",
}
TARGET_SPEED_VS_RAW = 1.5  # plexkit total / raw-orjson total <= this
TARGET_SPEED_VS_PLEXAPI = 10.0  # plexapi total / plexkit total >= this
TARGET_PEAK_RSS_MIB = 80
TARGET_IMPORT_OVER_HTTPX_MS = 50  # from plexkit import PlexClient, CPU over import httpx
CLK_TCK = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------------------------
# The worker: one contender, one run, in a fresh process. Prints one JSON line.
# --------------------------------------------------------------------------------------------

Row = tuple[str, str, tuple[str, ...]]


class Probe:
    """What a run measures: start-up (up to ``__enter__``), then the loop: wall, CPU on both
    sides, memory."""

    def __init__(self, server_pid: int, traced: bool) -> None:
        self.server_pid = server_pid
        self.traced = traced
        self.result: dict[str, Any] = {}

    def __enter__(self) -> Probe:
        self.result["startup"] = time.perf_counter() - T_PROCESS
        self.result["startup_cpu"] = time.process_time() - CPU_PROCESS
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
            # CPU that neither this worker nor the server used: other processes on the
            # machine (a test suite, a build) that make the numbers noisy.
            other_cpu=max(0.0, busy - cpu - server),
            maxrss_delta_kib=_rss_peak_kib() - self._rss0,
            peak_rss_kib=_status_kib("VmHWM"),
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


def run_walk(url: str, section: str, page_size: int, probe: Probe, reader: Reader) -> int:
    import asyncio

    from plexkit import AsyncPlexClient

    requests = [0]

    async def main() -> None:
        async with AsyncPlexClient(url, token=TOKEN) as plex:

            async def hook(_: object) -> None:
                requests[0] += 1

            _request_hooks(plex, requests).append(hook)
            with probe:
                async with plex.library.walk(section, page_size=page_size) as items:
                    async for item in items:
                        reader.add(
                            item.title,  # type: ignore[arg-type]
                            item.media[0].parts[0].file,  # type: ignore[attr-defined]
                            [genre.tag for genre in item.genres],  # type: ignore[attr-defined]
                        )

    asyncio.run(main())
    return requests[0]


def run_official(url: str, section: str, page_size: int, probe: Probe, reader: Reader) -> int:
    """The official-spec client (``plex-api-client``): ``content.list_content`` page by page.

    It sends every optional query parameter of the spec (``includeRelated=0``, ...); the
    fake reads unknown parameters as filters, so a request hook keeps only the paging ones.
    """
    import httpx
    from plex_api_client import PlexAPI

    requests = [0]

    def paging_only(request: httpx.Request) -> None:
        requests[0] += 1
        kept = [(k, v) for k, v in request.url.params.multi_items() if k.startswith("X-Plex")]
        request.url = request.url.copy_with(params=kept)

    http = httpx.Client(event_hooks={"request": [paging_only]})
    api = PlexAPI(token=TOKEN, server_url=url, client=http)
    with probe:
        offset = 0
        while True:
            page = api.content.list_content(
                request={
                    "section_id": int(section),
                    "x_plex_container_start": offset,
                    "x_plex_container_size": page_size,
                }
            )
            assert page.media_container_with_metadata is not None
            container = page.media_container_with_metadata.media_container
            assert container is not None
            movies = container.metadata or []
            for movie in movies:
                reader.add(
                    movie.title or "",
                    movie.media[0].part[0].file,  # type: ignore[index]
                    [genre.tag for genre in movie.genre or ()],
                )
            offset += len(movies)
            total = container.total_size
            if len(movies) < page_size or total is None or offset >= total:
                break
    http.close()
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
    "walk": run_walk,
    "official": run_official,
    "plexapi": run_plexapi,
}


def worker(args: argparse.Namespace) -> None:
    probe = Probe(args.server_pid, traced=args.mode == "traced")
    reader = Reader(check=args.mode in ("digest", "traced"))
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
# The driver: server processes, runs, checks, tables.
# --------------------------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    """Children import plexkit from this checkout (not whatever is installed), with bytecode
    cached as an installed package's is: under ``PYTHONDONTWRITEBYTECODE`` every child would
    compile plexkit's source (~80 ms of start-up) while its dependencies load their ``.pyc``.
    The cache lives in a temporary directory (``PYTHONPYCACHEPREFIX``), not in the checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (ROOT, env.get("PYTHONPATH")) if p)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    return env


class Server:
    """A server process on a free loopback port: ``cheap`` (replayed bytes) or ``realistic``."""

    def __init__(self, kind: str, movies: int) -> None:
        self.kind = kind
        self.movies = movies
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""
        self.startup = 0.0

    def command(self) -> list[str]:
        if self.kind == "cheap":
            script = os.path.join(ROOT, "benchmarks", "cheap_server.py")
            return [sys.executable, script, "--movies", str(self.movies), "--token", TOKEN]
        sizes = ["--shows", "1", "--artists", "1", "--photo-albums", "1", "--history", "0"]
        return [
            *(sys.executable, "-m", "plexkit.testing", "--port", "0", "--token", TOKEN),
            *("--movies", str(self.movies), *sizes),
        ]

    def __enter__(self) -> Server:
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            self.command(), stdout=subprocess.PIPE, text=True, env=child_env(), cwd=ROOT
        )
        assert self.proc.stdout is not None
        deadline = time.monotonic() + 300
        line = ""
        while "http://" not in line:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(f"the {self.kind} server did not start (said {line!r})")
            ready, _, _ = select.select([self.proc.stdout], [], [], 1.0)
            if ready:
                line = self.proc.stdout.readline()
        self.url = line.split(" at ", 1)[1].split()[0]
        import httpx

        while True:  # bound is not serving yet: wait until it answers
            try:
                if httpx.get(f"{self.url}/identity", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the {self.kind} server does not answer")
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
    contender: str, mode: str, server: Server, section: str, page_size: int
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        os.path.abspath(__file__),
        *("--worker", contender, "--mode", mode, "--url", server.url, "--section", section),
        *("--page-size", str(page_size), "--server-pid", str(server.pid)),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, env=child_env())
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
    raise RuntimeError(f"no {SECTION_TITLE!r} section on the server")


def measure(
    contenders: list[str],
    server: Server,
    section: str,
    page_size: int,
    repeat: int,
    check: str = "traced",
) -> dict[str, dict[str, Any]]:
    """One untimed warm-up run per contender, then ``repeat`` timed runs of each (a fresh
    process each), round-robin so that drift on the machine spreads over all of them; then
    one check run each (``traced``: under tracemalloc; ``digest``: rows only; ``none``)."""
    tag = f"{server.kind}, page size {page_size}"
    for name in contenders:
        print(f"  {name} ({tag}), warm-up", file=sys.stderr)
        spawn(name, "time", server, section, page_size)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in contenders}
    for n in range(repeat):
        for name in contenders:
            print(f"  {name} ({tag}), run {n + 1}/{repeat}", file=sys.stderr)
            runs[name].append(spawn(name, "time", server, section, page_size))
    out = {}
    for name in contenders:
        out[name] = summarise(name, page_size, runs[name])
        if check != "none" and name != "fetch":
            print(f"  {name} ({tag}), check run", file=sys.stderr)
            checked = spawn(name, check, server, section, page_size)
            out[name].update(digest=checked.get("digest"), traced_peak=checked.get("traced_peak"))
            if checked["items"] != out[name]["items"]:
                raise AssertionError(f"{name}: check run saw {checked['items']} items")
    return out


def summarise(contender: str, page_size: int, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over the runs, after checking that they agree."""
    counts = {r["items"] for r in runs}
    if len(counts) != 1:
        raise AssertionError(f"{contender}: item counts differ between runs: {counts}")

    def med(key: str) -> float:
        return float(statistics.median(r[key] for r in runs))

    return {
        "contender": contender,
        "page_size": page_size,
        "runs": len(runs),
        "walls": [r["wall"] for r in runs],
        "wall": med("wall"),
        "startup": med("startup"),
        "startup_cpu": med("startup_cpu"),
        "total": float(statistics.median(r["wall"] + r["startup"] for r in runs)),
        "client_cpu": med("client_cpu"),
        "server_cpu": med("server_cpu"),
        "other_cpu": med("other_cpu"),
        "maxrss_delta_kib": med("maxrss_delta_kib"),
        "peak_rss_kib": med("peak_rss_kib"),
        "requests": runs[0]["requests"],
        "items": runs[0]["items"],
        "bytes": runs[0].get("bytes"),
        "all_returned_after": runs[0].get("all_returned_after"),
    }


def verify(results: dict[str, dict[str, Any]], movies: int) -> None:
    """Every contender saw every movie, and the same (title, file, genres) rows."""
    readers = {k: v for k, v in results.items() if k != "fetch"}
    for name, result in readers.items():
        if result["items"] != movies:
            raise AssertionError(f"{name} saw {result['items']} items, expected {movies}")
    digests = {name: r.get("digest") for name, r in readers.items()}
    if None not in digests.values() and len(set(digests.values())) != 1:
        raise AssertionError(f"contenders read different rows: {digests}")


_DECODE = "from plexkit.models import decode_body, items_from\nraw = open({page!r}, 'rb').read()\n"
_FIRST_PAGE = "items_from(decode_body(raw, 'application/json'))"
# label -> (untimed setup, timed statement); {page} is a 500-movie page of the library.
IMPORTS = {
    "import httpx": ("", "import httpx"),
    "import httpx, orjson": ("", "import httpx, orjson"),
    "import plexkit": ("", "import plexkit"),
    "from plexkit import PlexClient": ("", "from plexkit import PlexClient"),
    "httpx.Client() built": ("", "import httpx\nhttpx.Client().close()"),
    "PlexClient(url, token=...) built": (
        "",
        "from plexkit import PlexClient\nPlexClient('http://127.0.0.1:9', token='t').close()",
    ),
    "first 500-movie page decoded (models built)": (_DECODE, _FIRST_PAGE),
    "the same page decoded again": (_DECODE + _FIRST_PAGE, _FIRST_PAGE),
    "import plex_api_client": ("", "import plex_api_client"),
    "from plexapi.server import PlexServer": ("", "from plexapi.server import PlexServer"),
}


# The row each import row is compared with (the decode rows are first-use costs, on their own).
IMPORT_BASELINES = {
    "import httpx, orjson": "import httpx",
    "import plexkit": "import httpx",
    "from plexkit import PlexClient": "import httpx",
    "PlexClient(url, token=...) built": "httpx.Client() built",
    "import plex_api_client": "import httpx",
    "from plexapi.server import PlexServer": "import httpx",
}


def movie_page(path: str) -> bool:
    """Write the first 500-movie page of the benchmark's library (JSON) to ``path``."""
    code = (
        "import asyncio, sys, httpx\nfrom plexkit.testing import FakePlexServer\n"
        f"fake = FakePlexServer(token={TOKEN!r}, movies=500, shows=1, artists=1, "
        "photo_albums=1, history=0)\n"
        "async def main():\n"
        "    transport = fake.asgi_transport()\n"
        f"    headers = {{'X-Plex-Token': {TOKEN!r}, 'Accept': 'application/json'}}\n"
        "    async with httpx.AsyncClient(transport=transport, base_url='http://plex') as c:\n"
        "        sections = (await c.get('/library/sections', headers=headers)).json()\n"
        "        key = next(d['key'] for d in sections['MediaContainer']['Directory']\n"
        "                   if d['type'] == 'movie')\n"
        "        page = await c.get(f'/library/sections/{key}/all', headers=headers)\n"
        "        open(sys.argv[1], 'wb').write(page.content)\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run([sys.executable, "-c", code, path], env=child_env())
    return done.returncode == 0


def import_times(repeat: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each statement in a fresh interpreter, timed inside it
    (CPU time is what to compare on a busy machine), after one untimed run of each that
    writes the bytecode cache. The statements take turns, one fresh interpreter each per
    round, so a machine that slows down or speeds up mid-way moves every row alike."""
    page = os.path.join(tempfile.mkdtemp(prefix="plexkit-bench-"), "movies.json")
    have_page = movie_page(page)
    codes = {
        label: setup.format(page=page)
        + "\nimport time\nt = time.perf_counter()\nc = time.process_time()\n"
        + statement
        + "\nprint(time.perf_counter() - t, time.process_time() - c)"
        for label, (setup, statement) in IMPORTS.items()
        if have_page or "{page}" not in setup
    }
    for code in codes.values():
        subprocess.run([sys.executable, "-c", code], capture_output=True, env=child_env())
    samples: dict[str, list[tuple[float, float]]] = {label: [] for label in codes}
    for _ in range(repeat):
        for label, code in codes.items():
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, env=child_env()
            )
            if done.returncode == 0:
                wall, cpu = done.stdout.split()
                samples[label].append((float(wall), float(cpu)))
    return {
        label: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for label, runs in samples.items()
        if runs
    }


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def mib(kib: float | None) -> str:
    return "-" if kib is None else f"{kib / 1024:.1f} MiB"


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
    names = ("httpx", "orjson", "cattrs", "attrs", "plexapi", "plex-api-client", "pydantic")
    for name in names:
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} -")
    return ", ".join(out)


def revision() -> str:
    """The commit measured, and whether plexkit/ had uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", ROOT, "status", "--porcelain", "--", "plexkit"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes in plexkit/" if dirty else "")


def report_run(kind: str, server: Server, results: dict[str, dict[str, Any]], movies: int) -> None:
    runs = next(iter(results.values()))["runs"]
    page = next(iter(results.values()))["page_size"]
    print()
    print(
        f"## {kind} server: {movies:,} movies, page size {page}, medians of {runs} "
        f"fresh processes (server ready in {server.startup:.1f} s)"
    )
    rows = []
    for name in CONTENDERS:
        r = results.get(name)
        if r is None:
            continue
        rows.append(
            [
                LABELS[name],
                f"{r['total']:.3f}",
                f"{r['startup']:.3f}",
                f"{r['wall']:.3f}",
                f"{r['client_cpu']:.2f}",
                f"{r['server_cpu']:.2f}",
                f"{r['other_cpu']:.2f}",
                str(r["requests"]),
                mib(r["peak_rss_kib"]),
                mib(r["maxrss_delta_kib"]),
                "-" if r.get("traced_peak") is None else mib(r["traced_peak"] / 1024),
            ]
        )
    header = [
        "contender",
        "total s",
        "start-up s",
        "loop s",
        "client CPU",
        "server CPU",
        "other CPU",
        "requests",
        "peak RSS",
        "RSS growth",
        "tracemalloc",
    ]
    for line in table(rows, header):
        print(line)
    base = results.get("raw-orjson")
    if base is None:
        return
    print()
    for name in ("plexkit", "async", "walk", "official", "plexapi", "raw"):
        r = results.get(name)
        if r is None:
            continue
        line = (
            f"{name:>9} / raw-orjson: total {r['total'] / base['total']:5.2f}x, "
            f"loop {r['wall'] / base['wall']:5.2f}x, "
            f"client CPU {r['client_cpu'] / max(base['client_cpu'], 1e-9):5.2f}x"
        )
        if name in ("plexkit", "async", "walk"):
            ok = r["total"] / base["total"] <= TARGET_SPEED_VS_RAW
            line += f"   target total <= {TARGET_SPEED_VS_RAW}x: {verdict(ok)}"
        print(line)
    kit = results.get("plexkit")
    if kit is not None:
        for name in ("official", "plexapi"):
            r = results.get(name)
            if r is not None:
                line = f"{name:>9} / plexkit total: {r['total'] / kit['total']:5.1f}x"
                if name == "plexapi":
                    ok = r["total"] / kit["total"] >= TARGET_SPEED_VS_PLEXAPI
                    line += f"   target >= {TARGET_SPEED_VS_PLEXAPI:.0f}x: {verdict(ok)}"
                print(line)
        ok = kit["peak_rss_kib"] / 1024 <= TARGET_PEAK_RSS_MIB
        print(f"plexkit peak RSS {mib(kit['peak_rss_kib'])}: target <= 80 MiB: {verdict(ok)}")
    noisy = [n for n, r in results.items() if r["other_cpu"] > 0.1 * r["wall"]]
    if noisy:
        print(f"WARNING: other processes used >10% of a core during {', '.join(noisy)}: noisy")


def report_imports(times: dict[str, tuple[float, float]], repeat: int) -> None:
    print()
    print(f"## import time (median of {repeat} fresh interpreters each, in turns, timed inside)")
    rows = []
    for label, (wall, cpu) in times.items():
        base = times.get(IMPORT_BASELINES.get(label, ""))
        extra = "" if base is None else f"{(cpu - base[1]) * 1000:+.0f} ms"
        rows.append([label, f"{wall * 1000:.0f} ms", f"{cpu * 1000:.0f} ms", extra])
    for line in table(rows, ["statement", "wall", "CPU", "CPU vs its baseline"]):
        print(line)
    kit, httpx = times.get("from plexkit import PlexClient"), times.get("import httpx")
    if kit is not None and httpx is not None:
        extra = (kit[1] - httpx[1]) * 1000
        ok = extra <= TARGET_IMPORT_OVER_HTTPX_MS
        print(
            f"from plexkit import PlexClient: {extra:+.0f} ms CPU over import httpx: "
            f"target <= {TARGET_IMPORT_OVER_HTTPX_MS} ms: {verdict(ok)}"
        )


def report_sweep(sweep: dict[str, list[tuple[int, dict[str, Any]]]]) -> None:
    print()
    print("## page size sweep (plexkit sync and async against raw-orjson, medians)")
    rows = []
    for kind, points in sweep.items():
        for size, res in points:
            base = res["raw-orjson"]
            rows.append(
                [
                    f"{kind} {size}",
                    str(res["plexkit"]["requests"]),
                    f"{base['wall']:.3f}",
                    f"{res['plexkit']['wall']:.3f}",
                    f"{res['async']['wall']:.3f}",
                    f"{res['plexkit']['wall'] / base['wall']:.2f}x",
                    f"{res['async']['wall'] / base['wall']:.2f}x",
                    mib(res["plexkit"]["peak_rss_kib"]),
                ]
            )
    header = [
        "server, page",
        "pages",
        "raw loop s",
        "sync loop s",
        "async loop s",
        "sync/raw",
        "async/raw",
        "sync peak RSS",
    ]
    for line in table(rows, header):
        print(line)


def report_scale(scale: list[tuple[int, dict[str, Any]]]) -> None:
    print()
    print("## scaling on the cheap server (medians; loop time per 1,000 movies)")
    rows = []
    for movies, res in scale:
        for name in ("raw-orjson", "plexkit", "async"):
            r = res[name]
            rows.append(
                [
                    f"{movies:,} {name}",
                    f"{r['total']:.3f}",
                    f"{r['wall']:.3f}",
                    f"{r['wall'] / movies * 1000 * 1000:.1f} ms",
                    mib(r["peak_rss_kib"]),
                    mib(r["maxrss_delta_kib"]),
                ]
            )
    header = ["movies, contender", "total s", "loop s", "per 1k", "peak RSS", "RSS growth"]
    for line in table(rows, header):
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="under a minute: 5k movies, ...")
    parser.add_argument("--movies", type=int, default=None, help="20000 (quick: 5000)")
    parser.add_argument("--repeat", type=int, default=None, help="timed runs (5; quick: 3)")
    parser.add_argument("--page-size", type=int, default=None, help="plexkit's default if unset")
    parser.add_argument("--servers", default="cheap,realistic")
    parser.add_argument("--sweep", default=None, help="page sizes, or 'none' (quick: none)")
    parser.add_argument("--scale", default=None, help="library sizes, or 'none'")
    parser.add_argument("--skip-plexapi", action="store_true", help="leave plexapi out")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    # worker-only options
    parser.add_argument("--worker", choices=sorted(RUNNERS), help=argparse.SUPPRESS)
    parser.add_argument("--mode", choices=("time", "digest", "traced"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--section", help=argparse.SUPPRESS)
    parser.add_argument("--server-pid", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return

    quick = args.quick
    movies = args.movies or (5_000 if quick else 20_000)
    repeat = args.repeat or (3 if quick else 5)
    page_size = args.page_size or default_page_size()
    sweep_arg = args.sweep or ("none" if quick else "100,200,500,1000")
    scale_arg = args.scale or ("none" if quick else "5000,20000,50000")
    sizes = [] if sweep_arg == "none" else [int(s) for s in sweep_arg.split(",") if s]
    scales = [] if scale_arg == "none" else [int(s) for s in scale_arg.split(",") if s]
    kinds = [k for k in args.servers.split(",") if k]
    contenders = list(CONTENDERS)
    if args.skip_plexapi or quick:
        contenders.remove("plexapi")
    if quick:  # information only
        contenders.remove("raw")
        contenders.remove("fetch")
    for name, module in (("raw-orjson", "orjson"), ("official", "plex_api_client")):
        if importlib.util.find_spec(module) is None:
            contenders.remove(name)
    started = time.perf_counter()
    print(f"# bench_library{' --quick' if quick else ''}")
    print(f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {machine()}")
    print(f"versions: {versions()}")
    print(f"plexkit revision: {revision()}")
    imports = import_times(max(repeat, 11))
    report_imports(imports, max(repeat, 11))
    all_results: dict[str, Any] = {}
    sweep: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for kind in kinds:
        with Server(kind, movies) as server:
            section = section_key(server.url)
            check = "digest" if quick else "traced"
            results = measure(contenders, server, section, page_size, repeat, check)
            verify(results, movies)
            report_run(kind, server, results, movies)
            all_results[kind] = results
            points = []
            for size in sizes:
                if size == page_size:
                    res = results
                else:
                    pair = ["raw-orjson", "plexkit", "async"]
                    res = measure(pair, server, section, size, max(3, repeat // 2), "none")
                    verify(res, movies)
                points.append((size, res))
            if points:
                sweep[kind] = points
    if sweep:
        report_sweep(sweep)
    scale = []
    for n in scales:
        with Server("cheap", n) as server:
            section = section_key(server.url)
            res = measure(["raw-orjson", "plexkit", "async"], server, section, page_size, 3, "none")
            verify(res, n)
            scale.append((n, res))
    if scale:
        report_scale(scale)
    print(f"\n(total benchmark time {time.perf_counter() - started:.0f} s)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(
                {"args": vars(args), "machine": machine(), "results": all_results},
                f,
                indent=2,
                default=str,
            )


def default_page_size() -> int:
    """plexkit's default page size for ``iter_items`` (from this checkout)."""
    code = (
        "import inspect\nfrom plexkit import PlexClient\n"
        "print(inspect.signature(PlexClient('http://127.0.0.1:9', token='t')"
        ".library.iter_items).parameters['page_size'].default)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=child_env()
    )
    try:
        return int(done.stdout.strip())
    except ValueError:
        return 500


if __name__ == "__main__":
    main()
