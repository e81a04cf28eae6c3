"""Spot checks: real values read by eye from the capture files, compared with what plexkit reads.

Expected timestamps were converted with ``date -u -d @<epoch>``, not with plexkit.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from models_data import capture, spec_example

from plexkit.models import (
    Album,
    Clip,
    Collection,
    Directory,
    Episode,
    Guid,
    Location,
    Movie,
    Photo,
    PhotoAlbum,
    Playlist,
    Season,
    Show,
    Tag,
    Track,
    UnknownItem,
    activities_from,
    activity_notifications_from,
    decode_body,
    decode_document,
    history_from,
    hubs_from,
    identity_from,
    items_from,
    paging_from,
    parse_container,
    sections_from,
    server_info_from,
    sessions_from,
)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def test_movie_detail_json_with_streams() -> None:
    (movie,) = items_from(decode_body(capture("plex-api.rs/server/media/metadata_108.json")))
    assert isinstance(movie, Movie)
    assert movie.rating_key == "108"
    assert movie.title == "Interstate 60"
    assert movie.studio == "Fireworks Pictures"
    assert movie.year == 2002
    assert movie.rating == 7.7
    assert movie.originally_available_at == date(2002, 4, 13)
    assert movie.added_at == utc("2020-01-20T09:57:48")
    assert movie.library_section_id == 1
    assert movie.genres[0] == Tag(tag="Adventure", id=177, filter="genre=177")
    assert [g.tag for g in movie.genres] == ["Adventure", "Comedy", "Drama", "Fantasy"]
    assert movie.genres[1].count == 2
    assert movie.directors[0].tag == "Bob Gale"
    assert movie.roles[0].tag == "James Marsden"
    assert movie.roles[0].role == "Neal Oliver"
    assert movie.countries == (Tag(tag="Canada", id=285, filter="country=285"),)
    (media,) = movie.media
    assert (media.id, media.video_codec, media.audio_codec, media.aspect_ratio) == (
        96,
        "h264",
        "aac",
        1.78,
    )
    (part,) = media.parts
    assert part.file == "/data/Movies/Interstate 60 (2002).mkv"
    assert part.size == 13400382
    video, audio = part.streams
    assert (video.stream_type, video.codec, video.frame_rate, video.color_primaries) == (
        1,
        "h264",
        25.0,
        "bt709",
    )
    assert video.default is True
    assert (audio.stream_type, audio.codec, audio.sampling_rate, audio.selected) == (
        2,
        "aac",
        44100,
        True,
    )


def test_movie_xml_with_tags_and_string_numbers() -> None:
    container = parse_container(capture("home-assistant-core/media_1.xml"))
    assert container.library_section_title == "Movies"
    (movie,) = container.metadata
    assert isinstance(movie, Movie)
    assert movie.title == "Movie 1"
    assert movie.year == 2000
    assert movie.view_offset == 555
    assert movie.rating == 9.0
    assert movie.added_at == utc("2013-08-30T02:21:01")
    assert movie.producers[0].tag == "Dr. Producer"
    assert movie.roles[2] == Tag(
        tag="Actor 3",
        id=3,
        filter="actor=3",
        role="Character 3",
        thumb="http://4.3.2.1/t/p/original/3.jpg",
    )


def test_movie_listing_xml_with_paging() -> None:
    data = decode_body(capture("plexdevices/xml_samples.SAMPLE_MOVIES.xml"))
    assert paging_from(data) == (0, 255)
    movies = items_from(data)
    assert len(movies) == 16
    first = movies[0]
    assert isinstance(first, Movie)
    assert (first.rating_key, first.title) == ("53945", "Confirmation")
    assert first.media[0].parts[0].file == "/movies/Confirmation (2016)/Confirmation.mkv"
    assert first.media[0].parts[0].size == 2664781625
    assert [g.tag for g in first.genres] == ["Drama", "History"]


def test_movie_listing_json() -> None:
    movies = items_from(decode_body(capture("plex-api.rs/server/media/movie_library.json")))
    assert len(movies) == 4
    bunny = movies[0]
    assert isinstance(bunny, Movie)
    assert bunny.title == "Big Buck Bunny"
    assert bunny.media[0].parts[0].file == "/data/Movies/Big Buck Bunny (2008).mkv"
    assert bunny.media[0].video_frame_rate == "PAL"
    assert [g.tag for g in bunny.genres] == ["Animation", "Comedy"]


def test_episode_with_parent_and_grandparent() -> None:
    data = decode_body(capture("plex-api.rs/server/media/tv_episodes.json"))
    assert data["grandparentTitle"] == "The 100"
    episode = items_from(data)[0]
    assert isinstance(episode, Episode)
    assert episode.title == "Pilot"
    assert (episode.parent_rating_key, episode.grandparent_rating_key) == ("89", "22")
    assert episode.grandparent_title == "The 100"
    assert episode.parent_title == "Season 1"
    assert (episode.index, episode.parent_index) == (1, 1)
    assert episode.originally_available_at == date(2014, 3, 19)


def test_show_and_seasons() -> None:
    show = items_from(decode_body(capture("plex-api.rs/server/media/tv_library.json")))[0]
    assert isinstance(show, Show)
    assert (show.title, show.title_sort, show.studio) == ("The 100", "100", "The CW")
    assert (show.leaf_count, show.viewed_leaf_count, show.child_count) == (18, 0, 2)
    seasons = items_from(decode_body(capture("plex-api.rs/server/media/tv_seasons.json")))
    assert all(isinstance(s, Season) for s in seasons)


def test_tracks_xml() -> None:
    tracks = items_from(decode_body(capture("home-assistant-core/grandchildren_300.xml")))
    assert len(tracks) == 10
    first = tracks[0]
    assert isinstance(first, Track)
    assert (first.title, first.parent_title, first.grandparent_title) == (
        "Track 1",
        "Album Title",
        "Arist Name",
    )
    assert first.media[0].audio_codec == "mp3"
    # Home Assistant's fixture puts <Part> beside <Media>, not inside it: no parts to read.
    assert first.media[0].parts == ()


def test_tracks_json() -> None:
    track = items_from(decode_body(capture("plex-api.rs/server/media/music_tracks.json")))[0]
    assert isinstance(track, Track)
    assert track.title == "Try It Out (Neon mix)"
    assert track.grandparent_title == "Skrillex"
    assert track.media[0].parts[0].file == (
        "/data/Music/Skrillex - Try It Out (2003)/01 - TRY IT OUT (NEON MIX).aac"
    )


def test_albums_from_legacy_trimmed_xml_are_unknown_without_rating_keys() -> None:
    items = items_from(decode_body(capture("fuzeman-plex.py/library/recently_added.xml")))
    assert [(type(i).__name__, i.type, i.title) for i in items] == [
        ("UnknownItem", "movie", "TRON: Legacy"),
        ("UnknownItem", "season", "Specials"),
        ("UnknownItem", "album", "Angel Milk"),
    ]
    album = items[2]
    assert isinstance(album, UnknownItem)
    assert album.raw["parentTitle"] == "Télépopmusik"


def test_album_xml() -> None:
    (album,) = items_from(decode_body(capture("home-assistant-core/album.xml")))
    assert isinstance(album, Album)


def test_photo_albums_and_photos() -> None:
    (album,) = items_from(decode_body(capture("plex-api.rs/server/media/photo_library.json")))
    assert isinstance(album, PhotoAlbum)
    assert (album.title, album.type, album.key) == (
        "Cats",
        "photo",
        "/library/metadata/43/children",
    )
    children = items_from(decode_body(capture("plex-api.rs/server/media/photo_album.json")))
    assert isinstance(children[0], PhotoAlbum)
    assert children[0].title == "Cats in bed"
    assert children[0].parent_rating_key == "43"
    assert isinstance(children[1], Photo)
    assert (children[1].title, children[1].year) == ("Picture1", 2020)


def test_photos_in_a_hub_xml() -> None:
    hubs = hubs_from(decode_body(capture("home-assistant-core/hubs.xml")))
    photos = next(h for h in hubs if h.hub_identifier == "home.photos.recent")
    assert len(photos.items) == 6
    assert all(isinstance(p, Photo) for p in photos.items)
    second = photos.items[1]
    assert isinstance(second, Photo)
    assert second.title == "1 (1)"
    assert second.added_at == utc("2021-03-25T17:41:00")


def test_collection_and_playlist() -> None:
    (collection,) = items_from(decode_body(capture("plex-api.rs/server/media/metadata_161.json")))
    assert isinstance(collection, Collection)
    assert (collection.title, collection.subtype) == ("Animation", "movie")
    assert (collection.child_count, collection.min_year, collection.max_year) == (3, 2006, 2010)
    assert collection.items == ()
    (playlist,) = items_from(decode_body(capture("plex-api.rs/server/media/metadata_168.json")))
    assert isinstance(playlist, Playlist)
    assert (playlist.title, playlist.smart, playlist.playlist_type) == (
        "Movies Since 2007",
        True,
        "video",
    )
    assert playlist.leaf_count == 2
    playlists = items_from(decode_body(capture("home-assistant-core/playlists.xml")))
    assert [(p.title, p.smart) for p in playlists if isinstance(p, Playlist)] == [
        ("Playlist 1", False),
        ("Playlist 2", False),
    ]


def test_hubs_with_mixed_items() -> None:
    hubs = hubs_from(decode_body(capture("home-assistant-core/hubs.xml")))
    assert len(hubs) == 5
    cont = hubs[0]
    assert (cont.hub_identifier, cont.title, cont.size, cont.more, cont.promoted) == (
        "home.continue",
        "Continue Watching",
        2,
        True,
        True,
    )
    assert [type(i) for i in cont.items] == [Movie, Episode]
    assert cont.items[1].title == "Episode 5"


def test_search_hub_xml_show_with_locations() -> None:
    hubs = hubs_from(decode_body(capture("plexdevices/xml_samples.HUB_SEARCH.xml")))
    assert len(hubs) == 12
    shows = next(h for h in hubs if h.type == "show")
    (show,) = shows.items
    assert isinstance(show, Show)
    assert (show.title, show.leaf_count, show.viewed_leaf_count, show.child_count) == (
        "The Simpsons",
        285,
        159,
        17,
    )
    assert show.locations == (Location(path="/tv/Simpsonians"), Location(path="/tv/The Simpsons"))
    episodes = next(h for h in hubs if h.type == "episode")
    assert [e.title for e in episodes.items][:2] == ["The War of the Simpsons", "The Simpsons Guy"]


def test_search_hub_json_tag_directories() -> None:
    hubs = hubs_from(
        decode_body(capture("plex-api-spec/hubs/get-hubs-search.spec.ts.response1.json"))
    )
    genres = hubs[0]
    assert genres.hub_identifier == "genre"
    assert genres.items == ()
    assert genres.directories[0] == Directory(
        key="/library/sections/1/all?genre=146",
        type="tag",
        id=146,
        tag="Action",
        tag_type=1,
        filter="genre=146",
        count=467,
        library_section_id=1,
        library_section_title="Movies",
    )
    movies = next(h for h in hubs if h.hub_identifier == "movie")
    assert movies.items[0].title == "Class Action Park"


def test_library_search_results() -> None:
    data = decode_body(capture("plex-api-spec/library/get-search-library.spec.ts.response1.json"))
    items = items_from(data)
    assert len(items) == 100
    assert items[0].title == "House of Wax"
    assert isinstance(items[0], Movie)
    container = parse_container(
        capture("plex-api-spec/library/get-search-library.spec.ts.response4.json")
    )
    assert container.search_results[0].score == 0.92
    assert container.search_results[0].directory is not None
    assert container.search_results[0].directory.tag == "Ben Stiller"


def test_sections_xml() -> None:
    sections = sections_from(decode_body(capture("home-assistant-core/library_sections.xml")))
    assert [(s.key, s.type, s.title) for s in sections] == [
        ("1", "movie", "Movies"),
        ("2", "show", "TV Shows"),
        ("3", "artist", "Music"),
    ]
    movies = sections[0]
    assert movies.refreshing is False
    assert movies.agent == "com.plexapp.agents.imdb"
    assert movies.uuid == "41a28495-035e-46b0-ac84-878f096614da"
    assert movies.updated_at == utc("2020-10-12T00:14:39")
    assert movies.scanned_at == utc("2020-11-15T02:58:42")
    assert movies.locations == (Location(id=1, path="/storage/movies"),)
    assert sections[2].hidden is True


def test_sections_legacy_json_and_windows_paths() -> None:
    legacy = sections_from(decode_body(capture("node-plex-api/library/sections.json")))
    assert [(s.title, s.locations[0].path) for s in legacy] == [
        ("Movies", "/Users/foobar/Movies"),
        ("Photos", "/Users/foobar/Downloads/Photos"),
    ]
    assert legacy[0].refreshing is False
    fuzeman = sections_from(decode_body(capture("fuzeman-plex.py/library/sections.xml")))
    assert fuzeman[0].locations[0].path == "C:\\Mock\\TV Shows"


def test_server_info() -> None:
    info = server_info_from(decode_body(spec_example("getSlash__200__info.json")))
    assert info.friendly_name == "Server Name"
    assert info.name == "Server Name"
    assert info.machine_identifier == "c997cf82c4158cb986ccc0e8f829a6f5d5086a63"
    assert info.version == "1.40.2.8395-c67dce28e"
    assert (info.platform, info.platform_version) == ("MacOSX", "14.4.1")
    assert info.my_plex is True
    assert info.my_plex_username == "me@somewhere.else"
    assert info.transcoder_active_video_sessions == 0
    assert info.updated_at == utc("2024-05-02T12:30:09")
    assert info.livetv == 7
    assert info.directories == (Directory(key="key", title="title", count=1),)


def test_server_info_xml_template_and_legacy() -> None:
    info = server_info_from(decode_body(capture("home-assistant-core/plex_server_base.xml")))
    assert (info.name, info.machine_identifier) == ("Plex Server 1", "unique_id_123")
    old = server_info_from(decode_body(capture("node-plex-api/root.xml")))
    assert (old.name, old.version, old.sync) == ("awesome plex server", "0.9.7.9.375-d056f10", True)
    legacy = server_info_from(decode_body(capture("node-plex-api/root.json")))
    assert (legacy.name, legacy.multiuser, legacy.my_plex_subscription) == ("iMac", True, False)


def test_identity() -> None:
    identity = identity_from(decode_body(spec_example("getIdentity__200__identity.json")))
    assert identity.machine_identifier == "0123456789abcdef0123456789abcdef"
    assert identity.version == "1.40.2.8395-c67dce28e"
    assert identity.claimed is True


def test_sessions_xml() -> None:
    (session,) = sessions_from(decode_body(capture("home-assistant-core/session_base.xml")))
    assert isinstance(session.item, Movie)
    assert session.item.title == "Movie 1"
    assert session.item.guids == (Guid(id="tmdb://12345"),)
    assert session.session_key == "1"
    assert session.session_user is not None
    assert (session.session_user.id, session.session_user.title) == (1, "User 1")
    assert session.player is not None
    assert (session.player.title, session.player.state, session.player.local) == (
        "SHIELD Android TV",
        "playing",
        True,
    )
    assert session.session is not None
    assert (session.session.id, session.session.bandwidth, session.session.location) == (
        "session_id_1",
        7000,
        "lan",
    )
    part = session.item.media[0].parts[0]
    assert part.decision == "transcode"
    assert [(s.codec, s.decision) for s in part.streams] == [("h264", "copy"), ("aac", "transcode")]
    assert session.transcode_session is None


def test_live_tv_session_has_its_transcode_on_the_media() -> None:
    (session,) = sessions_from(decode_body(capture("home-assistant-core/livetv_sessions.xml")))
    assert isinstance(session.item, Episode)
    assert session.transcode_session is not None
    assert session.transcode_session.video_decision == "copy"
    assert session.transcode_session.progress == -1.0
    assert session.transcode_session.transcode_hw_requested is True


def test_sessions_json_old_dialect_with_string_numbers() -> None:
    (session,) = sessions_from(decode_body(capture("Plex-Board/plex_one_session.json")))
    movie = session.item
    assert isinstance(movie, Movie)
    assert movie.title == "Interstella 5555: The 5tory of the 5ecret 5tar 5ystem"
    assert movie.added_at == utc("2017-03-07T02:34:55")
    assert movie.year == 2003
    assert movie.media[0].parts[0].file == (
        "/mnt/PLEX-MEDIA/Movies/Interstella 5555 The 5tory of the 5ecret 5tar 5ystem (2003)/"
        "Interstella 5555 The 5tory of the 5ecret 5tar 5ystem.mkv"
    )
    assert session.player is not None and session.player.product == "Plex Web"
    assert session.transcode_session is not None
    assert session.transcode_session.audio_decision == "transcode"
    assert session.transcode_session.throttled is False


def test_sessions_of_trimmed_legacy_xml_keep_players() -> None:
    sessions = sessions_from(decode_body(capture("fuzeman-plex.py/status/sessions.xml")))
    assert [s.item.title for s in sessions] == [
        "Blind Date",
        "The Hobbit The Desolation of Smaug",
        "Don't look back",
    ]
    assert [s.session_key for s in sessions] == ["3", "5", "4"]
    assert all(s.player is not None and s.player.title == "One" for s in sessions)
    assert sessions[0].transcode_session is not None
    assert sessions[0].transcode_session.progress == 3.2000000476837158


def test_transient_session_clip() -> None:
    (session,) = sessions_from(decode_body(capture("home-assistant-core/session_transient.xml")))
    assert isinstance(session.item, Clip)
    assert session.item.library_section_id == -2


def test_history() -> None:
    data = decode_body(spec_example("statusGetHistoryAll__200__aHistory.json"))
    assert paging_from(data) == (0, 33)
    (entry,) = history_from(data)
    assert entry.history_key == "/status/sessions/history/12"
    assert (entry.rating_key, entry.title, entry.type) == ("1234", "My Wonderful Movie", "movie")
    assert entry.library_section_id == 1
    assert entry.viewed_at == utc("2012-08-22T23:41:41")
    assert (entry.account_id, entry.device_id) == (123456, 12)
    assert entry.originally_available_at == date(2023, 1, 1)


def test_activities() -> None:
    found = activities_from(decode_body(spec_example("activitiesGetSlash__200__activity.json")))
    assert [(a.type, a.title, a.progress) for a in found] == [
        ("provider.epg.load", "Refreshing EPG", 7),
        ("media.generate.credits", "Detecting Credits", -1),
    ]
    assert found[0].uuid == "d6199ba1-fb5e-4cae-bf17-1a5369c1cf1e"
    assert found[0].cancellable is False
    assert found[0].user_id == 1


def test_websocket_activity_notifications() -> None:
    (note,) = activity_notifications_from(decode_body(capture("PlexTraktSync/events.json")))
    assert note.event == "ended"
    assert note.activity is not None
    assert note.activity.type == "library.refresh.items"
    assert note.activity.progress == 100
    assert note.activity.context is not None
    assert note.activity.context.key == "/library/metadata/10123"
    messages = decode_document(capture("PlexTraktSync/events-played.json"))
    assert isinstance(messages, list)
    events = [activity_notifications_from(m)[0].event for m in messages]
    assert events == ["started", "updated", "updated", "updated", "ended"]
