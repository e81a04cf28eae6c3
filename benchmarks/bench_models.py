"""How fast plexkit.models turns library pages into typed items, compared with json.loads.

Builds a realistic 20,000-movie library (each movie with one Media/Part, three streams, three
genres, five roles, directors, writers, a country and three guids), serialises it as JSON pages
the way PMS sends them, then times:

* ``json.loads`` of every page (the floor any client pays),
* ``decode_body`` + ``items_from`` (what ``plexkit`` does per page),
* structuring alone, from already-decoded dicts.

``--shape listing`` drops the streams and keeps only tag names, which is what
``/library/sections/{id}/all`` returns without ``includeGuids``/detail flags.

Run: ``python benchmarks/bench_models.py [--movies N] [--page-size N] [--repeat N]
[--shape detail|listing]``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from typing import Any

from plexkit.models import Movie, decode_body, items_from

GENRES = ["Action", "Comedy", "Drama", "Thriller", "Sci-Fi", "Horror", "Romance", "Animation"]
COUNTRIES = ["United States of America", "United Kingdom", "France", "Germany", "Japan"]


def movie(n: int, rng: random.Random) -> dict[str, Any]:
    """One movie as PMS's JSON lists it with media, streams and tags."""
    rk = str(10_000 + n)
    added = 1_500_000_000 + n * 977
    return {
        "ratingKey": rk,
        "key": f"/library/metadata/{rk}",
        "guid": f"plex://movie/5d77{n:020x}",
        "slug": f"movie-{n}",
        "studio": "Studio Entertainment",
        "type": "movie",
        "title": f"Movie number {n}",
        "titleSort": f"Movie number {n:06d}",
        "librarySectionTitle": "Movies",
        "librarySectionID": 1,
        "librarySectionKey": "/library/sections/1",
        "contentRating": "PG-13",
        "summary": "A group of people do things in places, and then other things happen. " * 3,
        "rating": round(rng.uniform(1, 10), 1),
        "audienceRating": round(rng.uniform(1, 10), 1),
        "viewCount": rng.randint(0, 5),
        "lastViewedAt": added + 86_400,
        "year": 1950 + n % 75,
        "tagline": "Nothing will ever be the same.",
        "thumb": f"/library/metadata/{rk}/thumb/{added}",
        "art": f"/library/metadata/{rk}/art/{added}",
        "duration": 5_400_000 + n,
        "originallyAvailableAt": f"{1950 + n % 75}-0{1 + n % 9}-1{n % 10}",
        "addedAt": added,
        "updatedAt": added + 3600,
        "audienceRatingImage": "rottentomatoes://image.rating.upright",
        "ratingImage": "rottentomatoes://image.rating.ripe",
        "Media": [
            {
                "id": 20_000 + n,
                "duration": 5_400_000 + n,
                "bitrate": 8_000,
                "width": 1920,
                "height": 1080,
                "aspectRatio": 1.78,
                "audioChannels": 6,
                "audioCodec": "eac3",
                "videoCodec": "h264",
                "videoResolution": "1080",
                "container": "mkv",
                "videoFrameRate": "24p",
                "videoProfile": "high",
                "Part": [
                    {
                        "id": 30_000 + n,
                        "key": f"/library/parts/{30_000 + n}/{added}/file.mkv",
                        "duration": 5_400_000 + n,
                        "file": f"/data/movies/Movie number {n} ({1950 + n % 75})/movie.mkv",
                        "size": 6_000_000_000 + n,
                        "container": "mkv",
                        "videoProfile": "high",
                        "Stream": [
                            {
                                "id": 40_000 + 3 * n,
                                "streamType": 1,
                                "default": True,
                                "codec": "h264",
                                "index": 0,
                                "bitrate": 7_000,
                                "bitDepth": 8,
                                "height": 1080,
                                "width": 1920,
                                "frameRate": 23.976,
                                "profile": "high",
                                "displayTitle": "1080p (H.264)",
                                "extendedDisplayTitle": "1080p (H.264)",
                            },
                            {
                                "id": 40_001 + 3 * n,
                                "streamType": 2,
                                "selected": True,
                                "default": True,
                                "codec": "eac3",
                                "index": 1,
                                "channels": 6,
                                "bitrate": 640,
                                "language": "English",
                                "languageCode": "eng",
                                "audioChannelLayout": "5.1(side)",
                                "samplingRate": 48_000,
                                "displayTitle": "English (EAC3 5.1)",
                                "extendedDisplayTitle": "English (EAC3 5.1)",
                            },
                            {
                                "id": 40_002 + 3 * n,
                                "streamType": 3,
                                "codec": "srt",
                                "index": 2,
                                "language": "English",
                                "languageCode": "eng",
                                "displayTitle": "English (SRT)",
                                "extendedDisplayTitle": "English (SRT)",
                            },
                        ],
                    }
                ],
            }
        ],
        "Genre": [
            {"id": 100 + g, "filter": f"genre={100 + g}", "tag": GENRES[g]}
            for g in rng.sample(range(len(GENRES)), 3)
        ],
        "Country": [{"id": 200, "filter": "country=200", "tag": rng.choice(COUNTRIES)}],
        "Guid": [
            {"id": f"imdb://tt{1_000_000 + n}"},
            {"id": f"tmdb://{n + 1}"},
            {"id": f"tvdb://{n + 7}"},
        ],
        "Director": [
            {"id": 300 + n % 500, "filter": f"director={300 + n % 500}", "tag": "A Director"}
        ],
        "Writer": [
            {"id": 900 + n % 700, "filter": f"writer={900 + n % 700}", "tag": "A Writer"},
            {"id": 901 + n % 700, "filter": f"writer={901 + n % 700}", "tag": "Another Writer"},
        ],
        "Role": [
            {
                "id": 5_000 + (n * 5 + r) % 9_000,
                "filter": f"actor={5_000 + (n * 5 + r) % 9_000}",
                "tag": f"Actor {(n * 5 + r) % 9_000}",
                "role": f"Character {r} of movie {n}",
                "thumb": f"https://metadata-static.plex.tv/people/{(n * 5 + r) % 9_000}.jpg",
            }
            for r in range(5)
        ],
    }


def listing(item: dict[str, Any]) -> dict[str, Any]:
    """The same movie as a section listing shows it: no streams, tags by name only."""
    out = dict(item)
    for media in out["Media"]:
        for part in media["Part"]:
            part.pop("Stream", None)
    for key in ("Genre", "Country", "Director", "Writer", "Role"):
        out[key] = [{"tag": tag["tag"]} for tag in out[key]][:3]
    del out["Guid"]
    return out


def pages(movies: int, page_size: int, shape: str = "detail") -> list[bytes]:
    """The library as PMS JSON pages (``X-Plex-Container-Start/Size`` windows)."""
    rng = random.Random(7)
    out = []
    for start in range(0, movies, page_size):
        batch = [movie(n, rng) for n in range(start, min(start + page_size, movies))]
        if shape == "listing":
            batch = [listing(item) for item in batch]
        body = {
            "MediaContainer": {
                "size": len(batch),
                "totalSize": movies,
                "offset": start,
                "allowSync": True,
                "identifier": "com.plexapp.plugins.library",
                "librarySectionID": 1,
                "librarySectionTitle": "Movies",
                "mediaTagPrefix": "/system/bundle/media/flags/",
                "title1": "Movies",
                "title2": "All Movies",
                "viewGroup": "movie",
                "Metadata": batch,
            }
        }
        out.append(json.dumps(body, separators=(",", ":")).encode())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movies", type=int, default=20_000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--shape", choices=("detail", "listing"), default="detail")
    args = parser.parse_args()

    bodies = pages(args.movies, args.page_size, args.shape)
    megabytes = sum(map(len, bodies)) / 1e6

    def raw_json() -> float:
        start = time.perf_counter()
        for body in bodies:
            json.loads(body)
        return time.perf_counter() - start

    def plexkit_pages() -> float:
        start = time.perf_counter()
        for body in bodies:
            items_from(decode_body(body, "application/json"))
        return time.perf_counter() - start

    def structure_only() -> float:
        # Decoding happens outside the clock; one page is alive at a time, as in a client.
        spent = 0.0
        for body in bodies:
            data = decode_body(body, "application/json")
            start = time.perf_counter()
            items_from(data)
            spent += time.perf_counter() - start
        return spent

    first = [item for item in items_from(decode_body(bodies[0])) if isinstance(item, Movie)]
    assert len(first) == min(args.page_size, args.movies)
    assert first[0].media[0].parts[0].file.startswith("/data/movies/")  # type: ignore[union-attr]

    # Interleaved runs, best of each: the least disturbed by the machine's other work.
    runs: dict[str, list[float]] = {"json": [], "full": [], "struct": []}
    for _ in range(args.repeat):
        runs["json"].append(raw_json())
        runs["full"].append(plexkit_pages())
        runs["struct"].append(structure_only())
    t_json, t_full, t_struct = (min(runs[k]) for k in ("json", "full", "struct"))
    n = args.movies
    print(f"{n} movies ({args.shape}) in {len(bodies)} pages, {megabytes:.1f} MB of JSON")
    print(f"decode_body uses {json_backend()}")
    print(f"json.loads only          {t_json:7.3f} s  {n / t_json:9,.0f} items/s")
    print(f"decode_body + items_from {t_full:7.3f} s  {n / t_full:9,.0f} items/s")
    print(
        f"structuring only         {t_struct:7.3f} s  {n / t_struct:9,.0f} items/s"
        f"  ({t_struct / n * 1e6:.1f} µs/item)"
    )
    print(f"ratio plexkit / json.loads: {t_full / t_json:.2f}x")


def json_backend() -> str:
    """Which JSON decoder ``decode_body`` uses here (orjson only from 3.9.15, see _decode)."""
    from plexkit.models import _decode

    loader = _decode._fast_json_loads
    return f"{loader.__module__}.{loader.__name__}"


if __name__ == "__main__":
    main()
