"""The generated sync twins of the new calls, against the fake server over loopback."""

from __future__ import annotations

from plexkit import PlexClient
from plexkit.filters import Filter, where
from plexkit.models import Movie


def test_sync_played_playlists_collections_and_browse(plex_client: PlexClient) -> None:
    client = plex_client
    movies = [m for m in client.library.items("1", limit=3).items if isinstance(m, Movie)]
    client.played.mark_played(movies[0])
    assert client.metadata.get(movies[0].rating_key).view_count == 1
    playlist = client.playlists.create("Sync", movies)
    client.playlists.remove(playlist, movies[1])
    assert [i.rating_key for i in client.playlists.items(playlist)] == [
        movies[0].rating_key,
        movies[2].rating_key,
    ]
    collection = client.collections.create("1", "Sync picks", movies[:2])
    assert len(client.library.collection(collection.rating_key).items) == 2
    smart = client.collections.create_smart(
        "1", "Modern", type="movie", filters=where(Filter("year", ">>=", 2000))
    )
    assert smart.smart
    assert client.hubs.home() and client.accounts.names()
    assert {f.filter for f in client.browse.filters("1")} >= {"genre", "year"}
    assert client.prefs.get("FriendlyName").value
