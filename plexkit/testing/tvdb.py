"""FakeTVDB: TVDB's v4 API for the shows of a fake library (ASGI, in-process or loopback,
with the fake PMS's fault injection and request log).

Payload shapes follow TVDB's v4 OpenAPI document (thetvdb.github.io/v4-api, ``swagger.yml``):
``POST /v4/login`` with ``{apikey, pin?}`` -> ``{status: "success", data: {token}}`` (401
``{status: "failure", message, data: null}`` for a wrong key or PIN);
``GET /v4/series/{id}/episodes/{season-type}?page=N`` -> ``{status, data: {series:
SeriesBaseRecord, episodes: [EpisodeBaseRecord]}, links: {prev, self, next, total_items,
page_size}}`` where an EpisodeBaseRecord is ``{id, seriesId, name, aired, runtime,
nameTranslations, overview, overviewTranslations, image, imageType, isMovie, seasons, number,
absoluteNumber, seasonNumber, lastUpdated, finaleType, year}``. Season types: ``default``,
``official``, ``dvd``, ``alternate``, ``regional`` (here all in aired order) and ``absolute``
(one season 1 numbered across seasons, no specials). Requests other than login need
``Authorization: Bearer <token>``; an unknown or expired token gets 401.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from plexkit.testing.external_catalog import ListedEpisode, ListedShow, Listings, listings_for
from plexkit.testing.library import FakeLibrary
from plexkit.testing.services import FakeJSONService, json_error

__all__ = ["FakeTVDB"]

_SEASON_TYPES = frozenset({"default", "official", "dvd", "absolute", "alternate", "regional"})


def _failure(message: str) -> dict[str, Any]:
    return {"status": "failure", "message": message, "data": None}


class FakeTVDB(FakeJSONService):
    """TVDB v4 over ``library`` (default: a generated one, seed 0), under the path ``/v4``.

    ``pin`` set means logins must send it; ``page_size`` is how many episodes a page holds
    (500 on TVDB). `expire_tokens` makes every issued token answer 401 from now on.
    """

    name = "fake TVDB"

    def __init__(
        self,
        library: FakeLibrary | None = None,
        *,
        api_key: str = "fake-tvdb-api-key",
        pin: str | None = None,
        page_size: int = 500,
    ) -> None:
        self.library = library if library is not None else FakeLibrary.generate()
        self.api_key = api_key
        self.pin = pin
        self.page_size = page_size
        self.listings: Listings = listings_for(self.library)
        self.logins = 0
        self._tokens: set[str] = set()
        self._counter = itertools.count(1)
        self._lock = threading.Lock()
        super().__init__(
            [
                Route("/v4/login", self._login, methods=["POST"]),
                Route("/v4/series/{id:int}/episodes/{season_type}", self._episodes),
            ]
        )

    def expire_tokens(self) -> None:
        """Make every token issued so far invalid (as when a month-old token expires)."""
        with self._lock:
            self._tokens.clear()

    def _issue(self) -> str:
        claims = json.dumps({"id": next(self._counter), "roles": ["user"]}).encode()
        body = base64.urlsafe_b64encode(claims).decode().rstrip("=")
        token = f"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.{body}.ZmFrZS1zaWduYXR1cmU"
        with self._lock:
            self._tokens.add(token)
            self.logins += 1
        return token

    async def _login(self, request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except ValueError:
            return json_error(400, _failure("InvalidJSON"))
        if not isinstance(body, dict) or body.get("apikey") != self.api_key:
            return json_error(401, _failure("InvalidAPIKey"))
        if self.pin is not None and body.get("pin") != self.pin:
            return json_error(401, _failure("InvalidPIN"))
        return JSONResponse({"status": "success", "data": {"token": self._issue()}})

    async def _episodes(self, request: Request) -> Response:
        auth = request.headers.get("authorization", "")
        with self._lock:
            valid = auth.startswith("Bearer ") and auth[7:] in self._tokens
        if not valid:
            return json_error(401, _failure("Unauthorized"))
        season_type = request.path_params["season_type"]
        show = self.listings.show_by_tvdb(request.path_params["id"])
        if show is None or season_type not in _SEASON_TYPES:
            return json_error(404, _failure("NotFoundException"))
        try:
            page = int(request.query_params.get("page", "0"))
        except ValueError:
            return json_error(400, _failure("InvalidPage"))
        episodes = _ordered(show, season_type)
        chunk = episodes[page * self.page_size : (page + 1) * self.page_size]
        base = str(request.url.replace(query=""))

        def link(number: int) -> str:
            return f"{base}?page={number}"

        more = (page + 1) * self.page_size < len(episodes)
        return JSONResponse(
            {
                "status": "success",
                "data": {
                    "series": _series(show),
                    "episodes": [
                        _episode(show, e, n, absolute=season_type == "absolute") for e, n in chunk
                    ],
                },
                "links": {
                    "prev": link(page - 1) if page > 0 else None,
                    "self": link(page),
                    "next": link(page + 1) if more else None,
                    "total_items": len(episodes),
                    "page_size": self.page_size,
                },
            }
        )


def _ordered(show: ListedShow, season_type: str) -> list[tuple[ListedEpisode, int]]:
    """Episodes with their absolute number, in the order ``season_type`` lists them."""
    regular = [e for n, eps in show.seasons().items() if n > 0 for e in eps]
    absolute = {id(e): i for i, e in enumerate(regular, 1)}
    if season_type == "absolute":
        return [(e, absolute[id(e)]) for e in regular]
    ordered = [e for eps in show.seasons().values() for e in eps]
    return [(e, absolute.get(id(e), 0)) for e in ordered]


def _series(show: ListedShow) -> dict[str, Any]:
    return {
        "id": show.tvdb_id,
        "name": show.title,
        "slug": show.title.lower().replace(" ", "-"),
        "image": f"https://artworks.thetvdb.com/banners/posters/{show.tvdb_id}-1.jpg",
        "nameTranslations": ["eng"],
        "overviewTranslations": ["eng"],
        "aliases": [],
        "firstAired": f"{show.year}-10-01",
        "lastAired": "",
        "nextAired": "",
        "score": 1000,
        "status": {"id": 1, "name": "Continuing", "recordType": "series", "keepUpdated": False},
        "originalCountry": "usa",
        "originalLanguage": "eng",
        "defaultSeasonType": 1,
        "isOrderRandomized": False,
        "lastUpdated": "2024-05-30 12:00:00",
        "averageRuntime": 45,
        "episodes": None,
        "overview": "",
        "year": str(show.year),
    }


def _episode(
    show: ListedShow, episode: ListedEpisode, number: int, *, absolute: bool
) -> dict[str, Any]:
    """An EpisodeBaseRecord; in absolute order every episode is in season 1, numbered across."""
    return {
        "id": episode.tvdb_id,
        "seriesId": show.tvdb_id,
        "name": episode.title,
        "aired": episode.aired.isoformat() if episode.aired else None,
        "runtime": 45,
        "nameTranslations": ["eng"],
        "overview": "",
        "overviewTranslations": ["eng"],
        "image": "",
        "imageType": 11,
        "isMovie": 0,
        "seasons": None,
        "number": number if absolute else episode.episode,
        "absoluteNumber": number,
        "seasonNumber": 1 if absolute else episode.season,
        "lastUpdated": "2024-05-30 12:00:00",
        "finaleType": None,
        "year": str(episode.aired.year) if episode.aired else None,
    }
