"""Benchmark plexkit.gaps.missing_movies on a 20,000-movie section with 500 collections.

The fake PMS, TMDB and TVDB run on loopback in this process (threads), the sync clients talk
to them over HTTP. It reports the requests each server received and the wall time, for a
first run (cold TMDB cache) and a second run with the same TMDB client (warm cache: no TMDB
request at all), and checks that the missing movies found are exactly the ones left out.

Run: ``python benchmarks/bench_gaps.py [--movies 20000] [--collections 500] [--json PATH]``
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from collections import Counter
from datetime import date
from typing import Any

from plexkit import PlexClient
from plexkit.gaps import GapProblem, MissingMovie, missing_movies
from plexkit.testing import FakeLibrary, FakePlexServer, FakeTMDB, catalog
from plexkit.testing.external_catalog import ListedMovie
from plexkit.tmdb import TMDBClient

MEMBERS = 4
"""Owned movies per synthetic collection; TMDB lists one more part that is not owned."""


def build(movies: int, collections: int) -> tuple[FakePlexServer, FakeTMDB, set[int]]:
    """A library with the generator's franchises plus synthetic collections, its fake TMDB,
    and the TMDB ids that missing_movies must report."""
    library = FakeLibrary.generate(0, movies=movies, shows=0, artists=0, photo_albums=0, history=0)
    section = library.section(1)
    assert section is not None
    nodes = library.items(section, 1)
    known = sum(1 for f in catalog.FRANCHISES for m in f.movies if not m.missing)
    extra = collections - len(catalog.FRANCHISES)
    groups = []
    for number in range(extra):
        members = nodes[known + number * MEMBERS : known + (number + 1) * MEMBERS]
        for node in members:
            library.edit(node, [("collection[0].tag.tag", f"Saga {number}")])
        groups.append(members)
    tmdb = FakeTMDB(library)
    owned = set(tmdb.listings.movies) - {
        m.tmdb_id for f in catalog.FRANCHISES for m in f.movies if m.missing
    }
    for number, members in enumerate(groups):
        collection_id, missing_id = 900_000 + number, 9_000_000 + number
        ids = []
        for node in members:
            guid = next(g["id"] for g in node.data["Guid"] if g["id"].startswith("tmdb://"))
            tmdb_id = int(guid.removeprefix("tmdb://"))
            listed = tmdb.listings.movies[tmdb_id]
            tmdb.listings.movies[tmdb_id] = dataclasses.replace(listed, collection_id=collection_id)
            ids.append(tmdb_id)
        tmdb.listings.movies[missing_id] = ListedMovie(
            missing_id, f"Saga {number}: The Beginning", date(1999, 1, 1), None, collection_id
        )
        tmdb.listings.collections[collection_id] = (f"Saga {number}", [missing_id, *ids])
    expected = {
        part
        for _, parts in tmdb.listings.collections.values()
        for part in parts
        if part not in owned
    }
    return FakePlexServer(library), tmdb, expected


def run_once(
    plex: PlexClient, tmdb: TMDBClient, server: FakePlexServer, fake: FakeTMDB
) -> dict[str, Any]:
    pms_before, tmdb_before = len(server.requests), len(fake.requests)
    started = time.perf_counter()
    records = list(missing_movies(plex, "Movies", tmdb))
    wall = time.perf_counter() - started
    pms = [r.path for r in list(server.requests)[pms_before:]]
    return {
        "wall_s": round(wall, 3),
        "pms_requests": len(pms),
        "pms_by_path": dict(
            Counter(p if "/all" not in p else "/library/sections/N/all" for p in pms)
        ),
        "tmdb_requests": len(fake.requests) - tmdb_before,
        "missing": {r.tmdb_id for r in records if isinstance(r, MissingMovie)},
        "problems": [r.to_dict() for r in records if isinstance(r, GapProblem)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movies", type=int, default=20_000)
    parser.add_argument("--collections", type=int, default=500)
    parser.add_argument("--json", help="write the numbers to this file")
    args = parser.parse_args()

    started = time.perf_counter()
    server, fake, expected = build(args.movies, args.collections)
    print(
        f"built {args.movies} movies, {args.collections} collections "
        f"in {time.perf_counter() - started:.1f}s"
    )
    with (
        server.run_in_thread() as plex_url,
        fake.run_in_thread() as tmdb_url,
        PlexClient(plex_url, token=server.token) as plex,
        TMDBClient(api_key=fake.api_key, base_url=f"{tmdb_url}/3") as tmdb,
    ):
        runs = {
            "cold": run_once(plex, tmdb, server, fake),
            "cached": run_once(plex, tmdb, server, fake),
        }
    results: dict[str, Any] = {"movies": args.movies, "collections": args.collections}
    for name, run in runs.items():
        ok = run["missing"] == expected and not run["problems"]
        print(
            f"{name:>6}: {run['wall_s']:.2f}s wall, {run['pms_requests']} PMS requests "
            f"{run['pms_by_path']}, {run['tmdb_requests']} TMDB requests, "
            f"{len(run['missing'])} missing movies "
            f"({'exactly the ones left out' if ok else 'WRONG'})"
        )
        if not ok:
            raise SystemExit(f"{name}: found {len(run['missing'])}, expected {len(expected)}")
        results[name] = {k: v for k, v in run.items() if k not in ("missing", "problems")}
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
