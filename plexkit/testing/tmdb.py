"""FakeTMDB: TMDB's v3 API for the movies and shows of a fake library (ASGI, in-process or
loopback, with the fake PMS's fault injection and request log).

Payload shapes follow TMDB's v3 API reference (developer.themoviedb.org/reference):
"Collection Details" ``GET /3/collection/{collection_id}`` -> ``{id, name, overview,
poster_path, backdrop_path, parts: [{adult, backdrop_path, id, title, original_language,
original_title, overview, poster_path, media_type, genre_ids, popularity, release_date, video,
vote_average, vote_count}]}``; "Movie Details" ``GET /3/movie/{movie_id}`` -> ``{adult, id,
imdb_id, title, original_title, release_date, status, runtime, belongs_to_collection: null |
{id, name, poster_path, backdrop_path}, ...}``; "TV Series Details" ``GET /3/tv/{series_id}``
-> ``{id, name, first_air_date, number_of_seasons, number_of_episodes, status, seasons:
[{air_date, episode_count, id, name, overview, poster_path, season_number, vote_average}]}``;
"TV Season Details" ``GET /3/tv/{series_id}/season/{season_number}`` -> ``{_id, air_date,
episodes: [{air_date, episode_number, episode_type, id, name, overview, production_code,
runtime, season_number, show_id, still_path, vote_average, vote_count}], name, overview, id,
poster_path, season_number, vote_average}``. Errors are TMDB's ``{success: false,
status_code, status_message}`` (7: invalid API key, 401; 34: not found, 404).

Authentication as TMDB documents it: the ``api_key`` query parameter, or ``Authorization:
Bearer <API read access token>``.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from plexkit.testing.external_catalog import ListedEpisode, Listings, listings_for
from plexkit.testing.library import FakeLibrary
from plexkit.testing.services import FakeJSONService, json_error

__all__ = ["FakeTMDB"]

_INVALID_KEY = {
    "success": False,
    "status_code": 7,
    "status_message": "Invalid API key: You must be granted a valid key.",
}
_NOT_FOUND = {
    "success": False,
    "status_code": 34,
    "status_message": "The resource you requested could not be found.",
}


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


class FakeTMDB(FakeJSONService):
    """TMDB v3 over ``library`` (default: a generated one, seed 0), under the path ``/3``.

    ``listings`` can be edited to make TMDB forget or change entries (``listings.movies``,
    ``listings.collections``, ``listings.shows``).
    """

    name = "fake TMDB"

    def __init__(
        self,
        library: FakeLibrary | None = None,
        *,
        api_key: str = "fake-tmdb-api-key",
        read_token: str = "fake-tmdb-read-access-token",
    ) -> None:
        self.library = library if library is not None else FakeLibrary.generate()
        self.api_key = api_key
        self.read_token = read_token
        self.listings: Listings = listings_for(self.library)
        super().__init__(
            [
                Route("/3/collection/{id:int}", self._collection),
                Route("/3/movie/{id:int}", self._movie),
                Route("/3/tv/{id:int}", self._series),
                Route("/3/tv/{id:int}/season/{season:int}", self._season),
            ]
        )

    def _authorized(self, request: Request) -> bool:
        bearer = request.headers.get("authorization", "")
        return (
            request.query_params.get("api_key") == self.api_key
            or bearer == f"Bearer {self.read_token}"
        )

    def _guard(self, request: Request) -> Response | None:
        if not self._authorized(request):
            return json_error(401, _INVALID_KEY)
        return None

    async def _collection(self, request: Request) -> Response:
        if (denied := self._guard(request)) is not None:
            return denied
        found = self.listings.collections.get(request.path_params["id"])
        if found is None:
            return json_error(404, _NOT_FOUND)
        name, part_ids = found
        parts = [self._part(self.listings.movies[i]) for i in part_ids if i in self.listings.movies]
        return JSONResponse(
            {
                "id": request.path_params["id"],
                "name": name,
                "overview": f"The {name.removesuffix(' Collection')} films.",
                "poster_path": f"/{_hash('poster', name)}.jpg",
                "backdrop_path": f"/{_hash('backdrop', name)}.jpg",
                "parts": parts,
            }
        )

    def _part(self, movie: Any) -> dict[str, Any]:
        return {
            "adult": False,
            "backdrop_path": f"/{_hash('backdrop', movie.tmdb_id)}.jpg",
            "id": movie.tmdb_id,
            "title": movie.title,
            "original_language": "en",
            "original_title": movie.title,
            "overview": "",
            "poster_path": f"/{_hash('poster', movie.tmdb_id)}.jpg",
            "media_type": "movie",
            "genre_ids": [12, 28],
            "popularity": 50.0,
            "release_date": _iso(movie.release_date),
            "video": False,
            "vote_average": 7.5,
            "vote_count": 1000,
        }

    async def _movie(self, request: Request) -> Response:
        if (denied := self._guard(request)) is not None:
            return denied
        movie = self.listings.movies.get(request.path_params["id"])
        if movie is None:
            return json_error(404, _NOT_FOUND)
        collection = None
        if movie.collection_id in self.listings.collections:
            name = self.listings.collections[movie.collection_id][0]
            collection = {
                "id": movie.collection_id,
                "name": name,
                "poster_path": f"/{_hash('poster', name)}.jpg",
                "backdrop_path": f"/{_hash('backdrop', name)}.jpg",
            }
        return JSONResponse(
            {
                **self._part(movie),
                "belongs_to_collection": collection,
                "budget": 0,
                "genres": [{"id": 12, "name": "Adventure"}],
                "homepage": "",
                "imdb_id": movie.imdb_id,
                "origin_country": ["US"],
                "production_companies": [],
                "revenue": 0,
                "runtime": 120,
                "status": "Released",
                "tagline": "",
            }
        )

    async def _series(self, request: Request) -> Response:
        if (denied := self._guard(request)) is not None:
            return denied
        show = self.listings.show_by_tmdb(request.path_params["id"])
        if show is None:
            return json_error(404, _NOT_FOUND)
        seasons = show.seasons()
        return JSONResponse(
            {
                "id": show.tmdb_id,
                "name": show.title,
                "original_name": show.title,
                "first_air_date": f"{show.year}-10-01",
                "number_of_seasons": len([n for n in seasons if n > 0]),
                "number_of_episodes": sum(len(e) for n, e in seasons.items() if n > 0),
                "status": "Returning Series",
                "seasons": [
                    {
                        "air_date": _iso(episodes[0].aired),
                        "episode_count": len(episodes),
                        "id": (show.tmdb_id or 0) * 100 + number,
                        "name": "Specials" if number == 0 else f"Season {number}",
                        "overview": "",
                        "poster_path": None,
                        "season_number": number,
                        "vote_average": 0.0,
                    }
                    for number, episodes in seasons.items()
                ],
            }
        )

    async def _season(self, request: Request) -> Response:
        if (denied := self._guard(request)) is not None:
            return denied
        show = self.listings.show_by_tmdb(request.path_params["id"])
        number = request.path_params["season"]
        episodes = show.seasons().get(number) if show is not None else None
        if show is None or episodes is None:
            return json_error(404, _NOT_FOUND)
        season_id = (show.tmdb_id or 0) * 100 + number
        return JSONResponse(
            {
                "_id": _hash("season", season_id)[:24],
                "air_date": _iso(episodes[0].aired),
                "episodes": [self._episode(show.tmdb_id or 0, e) for e in episodes],
                "name": "Specials" if number == 0 else f"Season {number}",
                "overview": "",
                "id": season_id,
                "poster_path": None,
                "season_number": number,
                "vote_average": 0.0,
            }
        )

    @staticmethod
    def _episode(show_id: int, episode: ListedEpisode) -> dict[str, Any]:
        return {
            "air_date": _iso(episode.aired),
            "episode_number": episode.episode,
            "episode_type": "standard",
            "id": episode.tvdb_id,
            "name": episode.title,
            "overview": "",
            "production_code": "",
            "runtime": 45,
            "season_number": episode.season,
            "show_id": show_id,
            "still_path": None,
            "vote_average": 0.0,
            "vote_count": 0,
            "crew": [],
            "guest_stars": [],
        }


def _hash(*parts: object) -> str:
    return hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()[:27]
