"""The fake's ``file=`` filter on ``/library/sections/{id}/all``: a case-insensitive
contains match on media part paths (``file==`` exact), only items with parts match."""

from __future__ import annotations

import httpx

from plexkit.testing import FakePlexServer


def files(client: httpx.Client, section: int, **params: str) -> list[str]:
    response = client.get(f"/library/sections/{section}/all", params=params)
    response.raise_for_status()
    entries = response.json()["MediaContainer"].get("Metadata", [])
    return [part["file"] for e in entries for m in e["Media"] for part in m["Part"]]


def test_file_filter_contains_exact_and_types() -> None:
    server = FakePlexServer(movies=6, shows=1, artists=0, photo_albums=0)
    movie = server.library.items(server.library.section(1), 1)[0]
    file = str(movie.data["Media"][0]["Part"][0]["file"])
    folder = file.rsplit("/", 1)[0]
    with (
        server.run_in_thread() as url,
        httpx.Client(
            base_url=url, headers={"X-Plex-Token": server.token, "Accept": "application/json"}
        ) as client,
    ):
        assert files(client, 1, type="1", file=file) == [file]
        assert files(client, 1, type="1", file=file.upper()) == [file]
        assert files(client, 1, type="1", file=folder) == [file]
        assert files(client, 1, type="1", **{"file=": file[:-1]}) == []
        assert files(client, 1, type="1", file="/nowhere/x.mkv") == []
        assert len(files(client, 1, type="1", file="/data/media/movies/")) == 6
        episodes = files(client, 2, type="4", file="/data/media/tv")
        assert episodes and all(f.startswith("/data/media/tv/") for f in episodes)
        assert files(client, 2, file="/data/media/tv") == []  # shows have no parts
