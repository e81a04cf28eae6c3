"""Builders of artists, albums and tracks (with their audio files)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from plexkit.testing import wire, wire_media
from plexkit.testing.builders.base import Builder, count_play, file_name, plex_guid, preamble
from plexkit.testing.store import Node, Section


class MusicBuilder(Builder):
    """``add_artist``, ``add_album`` and ``add_track``."""

    def add_artist(
        self,
        section: Section,
        title: str,
        *,
        tags: Mapping[str, Sequence[str]] | None = None,
        added_at: int = 1_650_000_000,
        **fields: Any,
    ) -> Node:
        """Add an artist; its folder is ``<location>/<Artist>``."""
        rk = self.next_id("ratingKey")
        updated_at = added_at + 3600
        data = preamble(
            rk,
            "artist",
            title,
            plex_guid("artist", title),
            within=section,
            added_at=added_at,
            updated_at=updated_at,
            container=True,
        )
        data.update(
            {
                "titleSort": wire.title_sort(title),
                "index": 1,
                "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
                "art": f"/library/metadata/{rk}/art/{updated_at}",
                "childCount": 0,
            }
        )
        data.update(fields)
        self._add_artwork(data, rk, updated_at)
        self._add_tags(data, tags)
        data["Location"] = [{"path": f"{section.locations[0]}/{file_name(title)}"}]
        return self.register(Node("artist", data, section.key))

    def add_album(
        self,
        artist: Node,
        title: str,
        year: int,
        *,
        tags: Mapping[str, Sequence[str]] | None = None,
        **fields: Any,
    ) -> Node:
        """Add an album to an artist."""
        rk = self.next_id("ratingKey")
        ad = artist.data
        updated_at = int(ad["updatedAt"])
        data = preamble(
            rk,
            "album",
            title,
            plex_guid("album", ad["title"], title),
            within=artist,
            added_at=int(ad["addedAt"]),
            updated_at=updated_at,
            container=True,
        )
        data.update(
            {
                "titleSort": wire.title_sort(title),
                "index": 1,
                "year": year,
                "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
                "art": ad["art"],
                "parentThumb": ad["thumb"],
                "originallyAvailableAt": f"{year}-03-01",
                "leafCount": 0,
                "viewedLeafCount": 0,
                "loudnessAnalysisVersion": "2",
            }
        )
        data.update(fields)
        self._add_artwork(data, rk, updated_at)
        self._add_tags(data, tags)
        ad["childCount"] += 1
        return self.register(Node("album", data, artist.section_key, parent=artist))

    def add_track(
        self,
        album: Node,
        index: int,
        title: str,
        *,
        duration: int = 240_000,
        codec: str = "flac",
        file: str | None = None,
        **fields: Any,
    ) -> Node:
        """Add track ``index`` to an album (file ``<artist>/<album>/NN - Title.<codec>``)."""
        artist = album.parent
        assert artist is not None, "an album always has an artist"
        rk = self.next_id("ratingKey")
        ald, ard = album.data, artist.data
        added = int(ald["addedAt"])
        guid = plex_guid("track", ard["title"], ald["title"], index)
        data = preamble(
            rk, "track", title, guid, within=album, added_at=added, updated_at=added + 600
        )
        data.update(
            {
                "index": index,
                "parentIndex": 1,
                "parentYear": ald["year"],
                "thumb": ald["thumb"],
                "art": ard["art"],
                "parentThumb": ald["thumb"],
                "grandparentThumb": ard["thumb"],
                "grandparentArt": ard["art"],
                "duration": duration,
            }
        )
        data.update(fields)
        path = file or (
            f"{ard['Location'][0]['path']}/{file_name(str(ald['title']))}"
            f"/{index:02d} - {file_name(title)}.{codec}"
        )
        media_ids = self.next_id("media"), self.next_id("part"), self.next_id("stream")
        data["Media"] = [
            wire_media.audio_media(
                *media_ids, file=path, duration=duration, added_at=added, codec=codec
            )
        ]
        ald["leafCount"] += 1
        count_play(ald, data)
        count_play(ard, data, leaves=False)
        return self.register(Node("track", data, album.section_key, parent=album))
