"""Builders of movies, shows, seasons and episodes (with their files and streams)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from plexkit.testing import wire
from plexkit.testing.builders.base import (
    Builder,
    VideoFile,
    count_play,
    file_name,
    plex_guid,
    preamble,
)
from plexkit.testing.store import Node, Section
from plexkit.testing.wire import Wire


class VideoBuilder(Builder):
    """``add_movie``, ``add_show``, ``add_season`` and ``add_episode``."""

    def add_movie(
        self,
        section: Section,
        title: str,
        year: int,
        *,
        files: Sequence[VideoFile] | None = None,
        guids: Mapping[str, object] | None = None,
        tags: Mapping[str, Sequence[str]] | None = None,
        roles: Sequence[tuple[str, str]] = (),
        duration: int = 6_600_000,
        added_at: int = 1_650_000_000,
        **fields: Any,
    ) -> Node:
        """Add a movie with its files (default: one 1080p mkv under the first location)."""
        rk = self.next_id("ratingKey")
        name = f"{file_name(title)} ({year})"
        if files is None:
            files = [VideoFile(f"{section.locations[0]}/{name}/{name}.mkv")]
        updated_at = added_at + 3600
        guid = plex_guid("movie", title, year)
        data = preamble(
            rk, "movie", title, guid, within=section, added_at=added_at, updated_at=updated_at
        )
        data.update(
            {
                "slug": wire.slug(title),
                "titleSort": wire.title_sort(title),
                "year": year,
                "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
                "art": f"/library/metadata/{rk}/art/{updated_at}",
                "duration": duration,
                "originallyAvailableAt": f"{year}-06-15",
                "chapterSource": "media",
            }
        )
        data.update(fields)
        data["Media"] = [self._video_media(f, duration, added_at) for f in files]
        self._add_artwork(data, rk, updated_at)
        self._add_tags(data, tags, roles)
        self._add_guids(data, guids)
        return self.register(Node("movie", data, section.key))

    def add_show(
        self,
        section: Section,
        title: str,
        year: int,
        *,
        guids: Mapping[str, object] | None = None,
        tags: Mapping[str, Sequence[str]] | None = None,
        roles: Sequence[tuple[str, str]] = (),
        folder: str | None = None,
        added_at: int = 1_650_000_000,
        **fields: Any,
    ) -> Node:
        """Add a show; its folder defaults to ``<location>/<Title> (<year>)``."""
        rk = self.next_id("ratingKey")
        updated_at = added_at + 3600
        data = preamble(
            rk,
            "show",
            title,
            plex_guid("show", title, year),
            within=section,
            added_at=added_at,
            updated_at=updated_at,
            container=True,
        )
        data.update(
            {
                "slug": wire.slug(title),
                "titleSort": wire.title_sort(title),
                "index": 1,
                "year": year,
                **{
                    art: f"/library/metadata/{rk}/{art}/{updated_at}"
                    for art in ("thumb", "art", "banner", "theme")
                },
                "duration": 2_700_000,
                "originallyAvailableAt": f"{year}-09-20",
                "leafCount": 0,
                "viewedLeafCount": 0,
                "childCount": 0,
            }
        )
        data.update(fields)
        self._add_artwork(data, rk, updated_at)
        self._add_tags(data, tags, roles)
        self._add_guids(data, guids)
        path = folder or f"{section.locations[0]}/{file_name(title)} ({year})"
        data["Location"] = [{"path": path}]
        return self.register(Node("show", data, section.key))

    def add_season(self, show: Node, index: int, **fields: Any) -> Node:
        """Add season ``index`` (0 is Specials) to a show."""
        rk = self.next_id("ratingKey")
        sd = show.data
        title = "Specials" if index == 0 else f"Season {index}"
        guid = plex_guid("season", sd["guid"], index)
        added_at, updated_at = int(sd["addedAt"]), int(sd["updatedAt"])
        data = preamble(
            rk,
            "season",
            title,
            guid,
            within=show,
            added_at=added_at,
            updated_at=updated_at,
            container=True,
        )
        data.update(
            {
                "parentSlug": sd["slug"],
                "index": index,
                "parentIndex": 1,
                "parentYear": sd["year"],
                "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
                "art": sd["art"],
                "parentThumb": sd["thumb"],
                "parentTheme": sd["theme"],
                "leafCount": 0,
                "viewedLeafCount": 0,
            }
        )
        if sd.get("studio") is not None:
            data["parentStudio"] = sd["studio"]
        data.update(fields)
        self._add_artwork(data, rk, updated_at)
        sd["childCount"] += 1
        return self.register(Node("season", data, show.section_key, parent=show))

    def add_episode(
        self,
        season: Node,
        index: int,
        title: str,
        *,
        file: VideoFile | None = None,
        guids: Mapping[str, object] | None = None,
        tags: Mapping[str, Sequence[str]] | None = None,
        duration: int = 2_700_000,
        added_at: int | None = None,
        **fields: Any,
    ) -> Node:
        """Add episode ``index`` to a season; the file defaults to Plex's naming scheme."""
        show = season.parent
        assert show is not None, "a season always has a show"
        rk = self.next_id("ratingKey")
        sd, shd = season.data, show.data
        added = added_at if added_at is not None else int(sd["addedAt"])
        updated_at = added + 600
        guid = plex_guid("episode", shd["guid"], sd["index"], index)
        data = preamble(
            rk, "episode", title, guid, within=season, added_at=added, updated_at=updated_at
        )
        year = shd["year"] + max(int(sd["index"]) - 1, 0)
        data.update(
            {
                "grandparentSlug": shd["slug"],
                "titleSort": title,
                "contentRating": shd.get("contentRating", "TV-14"),
                "index": index,
                "parentIndex": sd["index"],
                "year": year,
                "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
                "art": shd["art"],
                "parentThumb": sd["thumb"],
                "grandparentThumb": shd["thumb"],
                "grandparentArt": shd["art"],
                "grandparentTheme": shd["theme"],
                "duration": duration,
                "originallyAvailableAt": f"{year}-10-01",
            }
        )
        data.update(fields)
        media = file or _episode_file(sd, shd, index, title)
        data["Media"] = [self._video_media(media, duration, added)]
        self._add_artwork(data, rk, updated_at)
        self._add_tags(data, tags)
        self._add_guids(data, guids)
        for parent in (sd, shd):
            parent["leafCount"] += 1
            count_play(parent, data)
        return self.register(Node("episode", data, show.section_key, parent=season))


def _episode_file(season: Wire, show: Wire, index: int, title: str) -> VideoFile:
    """``<show folder>/Season NN/<Show> - SnnEnn - <Title>.mkv``, a 720p stereo file."""
    folder = show["Location"][0]["path"]
    code = f"S{season['index']:02d}E{index:02d}"
    season_dir = "Specials" if season["index"] == 0 else f"Season {season['index']:02d}"
    name = f"{file_name(str(show['title']))} - {code} - {file_name(title)}"
    return VideoFile(
        f"{folder}/{season_dir}/{name}.mkv", resolution="720", audio=(("aac", "eng", 2),)
    )
