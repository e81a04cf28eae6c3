"""More capture/endpoint cases for test_fake_shapes.py (issue 13: a shape test per endpoint that
has a real capture), with what each capture has that the fake deliberately does not model."""

from __future__ import annotations

ANY = "*"
"""In a skip set: the whole element is not compared."""

PMS_1_3_ROWS: dict[str, set[str]] = {
    # PMS 1.3 (2016) put sync and section fields in mixed-list rows; the fake serves modern rows
    "Metadata": {"allowSync", "librarySectionUUID", "parentSummary"},
    "Part": {"deepAnalysisVersion", "requiredBandwidths"},
}
# mp4 files carry these; the fake's files are mkv
MP4: dict[str, set[str]] = {
    "Media": {"has64bitOffsets", "optimizedForStreaming"},
    "Part": {"has64bitOffsets", "optimizedForStreaming", "packetLength"},
}
# a transcode's streaming-protocol details, bandwidth tables and per-stream decisions
TRANSCODE: dict[str, set[str]] = {
    "MediaContainer": {"transcodeDecisionCode", "transcodeDecisionText"},
    "Media": {"audioProfile", "has64bitOffsets", "optimizedForStreaming", "protocol"},
    "Part": {
        "audioProfile",
        "bitrate",
        "deepAnalysisVersion",
        "has64bitOffsets",
        "hasThumbnail",
        "height",
        "optimizedForStreaming",
        "protocol",
        "requiredBandwidths",
        "width",
    },
    "Stream": {"bitrateMode", "burn", "decision", "ignore", "requiredBandwidths"},
}
# a real server streaming: transcoder protocol details (as session_base.xml's case)
SESSION: dict[str, set[str]] = {
    "Video": {"genuineMediaAnalysis"},
    "Media": {"optimizedForStreaming", "origin", "protocol"},
    "Part": {"optimizedForStreaming", "protocol", "bitrate", "height", "width"},
    "Stream": {"bitrateMode"},
}
# plex-api.rs's movie 182, fetched with its extras, preferences and reviews
MOVIE_182: dict[str, set[str]] = {
    "MediaContainer": {"augmentationKey"},  # metadata augmentation is not modelled
    "Media": {"audioProfile", "optimizedForStreaming", "premium", "protocol"},  # AAC in mp4
    "Part": {"audioProfile"},
    "Stream": {"anamorphic", "pixelAspectRatio"},  # an anamorphic video stream
    "Review": {ANY},  # critic reviews are not modelled
}
_META_QUERY = "includeMeta=1&includeAdvanced=1&X-Plex-Container-Start=0&X-Plex-Container-Size=0"
EXTRA_CASES: list[tuple[str, str, dict[str, set[str]]]] = [
    ("home-assistant-core/empty_library.xml", "/library/onDeck", {}),
    (
        "home-assistant-core/library_movies_filtertypes.xml",
        "/library/sections/1/all?includeMeta=1&X-Plex-Container-Size=0",
        {},
    ),
    # the advanced-only "Duplicates" filter (includeAdvanced=1) is not modelled
    (
        "home-assistant-core/library_movies_metadata.xml",
        f"/library/sections/1/all?{_META_QUERY}",
        {"Filter": {"advanced"}},
    ),
    (
        "home-assistant-core/library_tvshows_metadata.xml",
        f"/library/sections/2/all?{_META_QUERY}",
        {"Filter": {"advanced"}},
    ),
    (
        "home-assistant-core/library_music_metadata.xml",
        f"/library/sections/3/all?{_META_QUERY}",
        {},
    ),
    (
        "home-assistant-core/library_tvshows_collections.xml",
        f"/library/sections/2/collections?{_META_QUERY}",
        {},
    ),
    (
        "home-assistant-core/library_music_collections.xml",
        f"/library/sections/3/collections?{_META_QUERY}",
        {},
    ),
    (
        "home-assistant-core/library_music_size.xml",
        "/library/sections/3/all?X-Plex-Container-Start=0&X-Plex-Container-Size=0",
        {},
    ),
    (
        "home-assistant-core/library_tvshows_size_episodes.xml",
        "/library/sections/2/all?type=4&X-Plex-Container-Start=0&X-Plex-Container-Size=0",
        {},
    ),
    ("home-assistant-core/library_tvshows_sort.xml", "/library/sections/2/sorts", {}),
    ("home-assistant-core/library_music_sort.xml", "/library/sections/3/sorts", {}),
    ("home-assistant-core/session_transient.xml", "/status/sessions", SESSION),
    ("home-assistant-core/session_unknown.xml", "/status/sessions", SESSION),
    # players on the network: none advertise themselves to the fake
    ("home-assistant-core/plex_server_clients.xml", "/clients", {"Server": {ANY}}),
    ("fuzeman-plex.py/clients.xml", "/clients", {"Server": {ANY}}),
    (
        "plex-api.rs/music_search_skrillex_albums.json",
        "/library/sections/3/all?type=9&artist.id={artist}",
        {},
    ),
    # startState is sent while a server is still starting
    ("plex-api.rs/providers_free.json", "/media/providers", {"MediaContainer": {"startState"}}),
    (
        "plex-api.rs/providers_unclaimed.json",
        "/media/providers",
        {"MediaContainer": {"startState"}},
    ),
    (
        "plex-api.rs/providers_plexpass.json",
        "/media/providers",
        # its Live TV (EPG) provider is not modelled
        {
            "MediaProvider": {"epgSource", "friendlyName", "id", "parentID", "providerIdentifier"},
            "Directory": {"icon"},
            "GridChannelFilter": {ANY},
        },
    ),
    ("plex-api-spec/get-media-providers.response1.json", "/media/providers", {}),
    ("plex-api.rs/prefs.json", "/:/prefs", {}),
    ("fuzeman-plex.py/prefs.xml", "/:/prefs", {}),
    *[
        (
            f"plex-api.rs/metadata_182_{n}.json",
            "/library/metadata/{movie}?includeExtras=1&includePreferences=1",
            MOVIE_182,
        )
        for n in (1, 2)  # before and after a /:/timeline (3 and 4 have the same shape)
    ],
    (
        "plex-api.rs/metadata_1036.json",
        "/library/metadata/{movies}",
        # a sidecar subtitle file (format, key) and a transport-stream id
        {**MP4, "Stream": {"format", "key", "streamIdentifier"}},
    ),
    (
        "plex-api.rs/metadata_13194.json",
        "/library/metadata/{movies}",
        {**MP4, "Stream": {"streamIdentifier"}, "Collection": {"guid"}},
    ),
    (
        "plex-api.rs/decision_13194.json",
        "/video/:/transcode/universal/decision?path=/library/metadata/{movie}",
        {**TRANSCODE, "Stream": {"requiredBandwidths", "streamIdentifier"}, "Collection": {"guid"}},
    ),
    (
        "plex-api.rs/video_offline_h264_mp3.json",
        "/video/:/transcode/universal/decision?path=/library/metadata/{movie}&offlineTranscode=1",
        TRANSCODE,
    ),
    (
        "plex-api.rs/music_mp3.json",
        "/video/:/transcode/universal/decision?path=/library/metadata/{track}",
        # the capture's track has sonic analysis, moods and a studio: not generated
        {
            **TRANSCODE,
            "Metadata": {"musicAnalysisVersion", "parentStudio", "ratingCount"},
            "Mood": {ANY},
        },
    ),
    ("plex-api.rs/empty_sessions.json", "/transcode/sessions", {}),
    # an offline (download) transcode burning subtitles; the fake's session streams
    (
        "plex-api.rs/video_sessions.json",
        "/transcode/sessions",
        {"TranscodeSession": {"offlineTranscode", "subtitleDecision"}},
    ),
    (
        "python-plexapi/payloads.SERVER_TRANSCODE_SESSIONS.xml",
        "/transcode/sessions",
        # the hardware codecs a real GPU reports
        {
            "TranscodeSession": {
                "transcodeHwDecoding",
                "transcodeHwDecodingTitle",
                "transcodeHwEncoding",
                "transcodeHwEncodingTitle",
                "transcodeHwFullPipeline",
            }
        },
    ),
    ("plex-api.rs/music_sessions.json", "/transcode/sessions", {}),
    ("plex-api-spec/get-library-details.response1.json", "/library/sections/1", {}),
    (
        "plex-api-spec/get-library-details.response2.json",
        "/library/sections/2",
        # the per-type Meta of the section's own Directory is not served (as above)
        {k: {ANY} for k in ("Type", "Filter", "Sort", "Field", "FieldType", "Operator")},
    ),
    (
        "plex-api-spec/get-library-items.response1.json",
        "/library/sections/1/all?X-Plex-Container-Start=1&X-Plex-Container-Size=5",
        {},
    ),
    (
        "plex-api-spec/get-library-items.response2.json",
        "/library/sections/1/all?includeGuids=1&includeMeta=1&X-Plex-Container-Start=1&X-Plex-Container-Size=5",
        {},
    ),
    (
        "plex-api-spec/get-library-all.response6.json",
        "/library/sections/1/all?includeGuids=1&X-Plex-Container-Start=0&X-Plex-Container-Size=50",
        MP4,
    ),
    ("plex-api-spec/get-library-countries.response1.json", "/library/sections/1/country", {}),
    ("plex-api-spec/get-library-countries.response2.json", "/library/sections/1/country", {}),
    ("plex-api-spec/get-library-genres.response2.json", "/library/sections/1/genre", {}),
    ("plex-api-spec/get-all-libraries.response2.json", "/library/sections", {}),
    (
        "plex-api-spec/get-search-library.response2.json",
        "/library/search?query=the",
        {**MP4, "Location": {ANY}},
    ),
    ("plex-api-spec/get-media-arts.response1.json", "/library/metadata/{movie}/arts", {}),
    ("plex-api-spec/get-media-posters.response1.json", "/library/metadata/{movie}/posters", {}),
    (
        "plex-api-spec/get-media-meta-data.response4.json",
        "/library/metadata/{movies}",
        {"Stream": {"headerCompression"}},  # an mkv muxing detail of that file
    ),
    ("plex-api-spec/get-media-meta-data.response5.json", "/library/metadata/{movies}", {}),
    (
        "plex-api-spec/get-media-meta-data.response6.json",
        "/library/metadata/{episodes}?includeExtras=1&includeOnDeck=1&includePreferences=1",
        # a sidecar subtitle, and chapters/markers (includeChapters/includeMarkers): not modelled
        {
            "Stream": {"format", "headerCompression", "key"},
            "Chapter": {ANY},
            "Marker": {ANY},
            "Attributes": {ANY},
        },
    ),
    (
        "plexdevices/xml_samples.SAMPLE_MOVIES.xml",
        "/library/sections/1/all?X-Plex-Container-Start=0&X-Plex-Container-Size=50",
        {},
    ),
    ("fuzeman-plex.py/detail_a.xml", "/", {}),
    ("fuzeman-plex.py/detail_b.xml", "/", {}),
    ("fuzeman-plex.py/library/all_leaves/show.xml", "/library/metadata/{show}/allLeaves", {}),
    ("fuzeman-plex.py/library/metadata/episode.xml", "/library/metadata/{episode}", {}),
    ("fuzeman-plex.py/library/sections.xml", "/library/sections", {}),
    ("node-plex-api/library_sections.xml", "/library/sections", {}),
    (
        "node-plex-api/root.xml",
        "/",
        # PMS 0.9.7 reported the browser plug-ins of its host
        {
            "MediaContainer": {
                "flashInstalled",
                "mediaAnalysisVersion",
                "silverlightInstalled",
                "soundflowerInstalled",
                "webkit",
            }
        },
    ),
    ("Plex-Board/plex_recently_added_movie.json", "/library/recentlyAdded", PMS_1_3_ROWS),
    ("Plex-Board/plex_recently_added_all.json", "/library/recentlyAdded", PMS_1_3_ROWS),
    ("home-assistant-core/release_nochange.xml", "/updater/status", {}),
    ("pms-openapi-examples/updaterGetStatus__200__status.json", "/updater/status", {}),
    ("python-plexapi/payloads.SERVER_RESOURCES.xml", "/statistics/resources?timespan=6", {}),
    # ``subtype`` is a podcast hub's (the example is a podcast section's on-deck hub)
    (
        "pms-openapi-examples/libraryMetadataGetRelated__200__onDeck.json",
        "/library/metadata/{movie}/related",
        {"Hub": {"subtype"}},
    ),
]
"""``(capture, path, skip)``: path placeholders as in test_fake_shapes.placeholders."""
