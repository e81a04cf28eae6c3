"""External ids on items: Guid children of the current agents and guids of the legacy ones."""

from __future__ import annotations

import pytest

from plexkit.models import ExternalIds, Movie, UnknownItem, decode_body, items_from, parse_guid
from tests.models.models_data import capture


@pytest.mark.parametrize(
    ("guid", "expected"),
    [
        ("tmdb://603", ("tmdb", 603)),
        ("tvdb://81189", ("tvdb", 81189)),
        ("imdb://tt0133093", ("imdb", "tt0133093")),
        ("com.plexapp.agents.themoviedb://603?lang=en", ("tmdb", 603)),
        ("com.plexapp.agents.thetvdb://81189?lang=en", ("tvdb", 81189)),
        ("com.plexapp.agents.imdb://tt0123456?lang=en", ("imdb", "tt0123456")),
        # An episode's legacy TVDB guid names the show, not the episode: no id for it.
        ("com.plexapp.agents.thetvdb://12345/1/10?lang=en", None),
        ("plex://movie/5d776825880197001ec967c8", None),
        ("local://1234", None),
        ("tmdb://abc", None),
        ("tmdb://0", None),
        ("imdb://12345", None),
        ("", None),
    ],
)
def test_parse_guid(guid: str, expected: object) -> None:
    assert parse_guid(guid) == expected


def test_guid_children_of_a_real_capture() -> None:
    body = capture(
        "plex-api-spec/library/metadata/[ratingKey]/get-media-meta-data.spec.ts.response1.json"
    )
    (show,) = items_from(decode_body(body, "application/json"))[:1]
    assert show.external_ids == ExternalIds(tmdb=60059, tvdb=273181, imdb="tt3032476")
    assert (show.tmdb_id, show.tvdb_id, show.imdb_id) == (60059, 273181, "tt3032476")


def test_legacy_agent_guids_of_a_real_capture() -> None:
    movies = items_from(decode_body(capture("home-assistant-core/library_movies_all.xml"), None))
    legacy = [m for m in movies if isinstance(m, Movie) and m.guid and "agents.imdb" in m.guid]
    assert legacy
    assert all(m.imdb_id == "tt0123456" and m.tmdb_id is None for m in legacy)
    episodes = items_from(decode_body(capture("home-assistant-core/children_20.xml"), None))
    assert episodes and all(e.tvdb_id is None for e in episodes)


def test_guid_children_win_over_the_legacy_guid() -> None:
    movie = items_from(
        {
            "Metadata": [
                {
                    "ratingKey": "1",
                    "type": "movie",
                    "guid": "com.plexapp.agents.themoviedb://1?lang=en",
                    "Guid": [{"id": "tmdb://11"}],
                }
            ]
        }
    )[0]
    assert movie.tmdb_id == 11


def test_unknown_items_read_ids_from_their_raw_dict() -> None:
    item = items_from(
        {"Metadata": [{"ratingKey": "9", "type": "future", "Guid": [{"id": "tvdb://77"}]}]}
    )[0]
    assert isinstance(item, UnknownItem)
    assert item.tvdb_id == 77 and not ExternalIds()
