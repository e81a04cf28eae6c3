"""What every ``add_*`` builder of the fake library shares: the node preamble (ids, keys,
guid, section, lineage, dates), artwork, tags, guids and video media.

Builders make the PMS JSON dict once, with the attributes real servers send; extra keyword
arguments of an ``add_*`` call become wire fields verbatim.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from plexkit.testing import wire, wire_media
from plexkit.testing.store import Node, Section, Store
from plexkit.testing.wire import Wire

_PEOPLE = frozenset({"Director", "Writer", "Producer"})
_SECTION_FIELDS = ("librarySectionTitle", "librarySectionID", "librarySectionKey")
_LINEAGE = ("RatingKey", "Guid", "Key", "Title")


class VideoFile(NamedTuple):
    """One file of a movie or episode: path on the server and its encoding."""

    path: str
    resolution: str = "1080"
    container: str = "mkv"
    video_codec: str = "h264"
    audio: tuple[tuple[str, str, int], ...] = (("eac3", "eng", 6),)
    """``(codec, ISO 639-2 language, channels)`` per audio stream."""
    subtitles: tuple[str, ...] = ("eng",)


def plex_guid(kind: str, *parts: object) -> str:
    """A stable ``plex://kind/<24 hex>`` guid derived from identifying parts."""
    digest = hashlib.sha1(":".join([kind, *map(str, parts)]).encode()).hexdigest()
    return f"plex://{kind}/5d77{digest[:20]}"


def file_name(title: str) -> str:
    """A title as PMS's naming scheme writes it in a file or folder name."""
    return title.replace(":", " -").replace("/", "-").replace("?", "")


def count_play(parent: Wire, child: Wire, *, leaves: bool = True) -> None:
    """Roll a played child up into its parent's play counts."""
    if not child.get("viewCount"):
        return
    if leaves:
        parent["viewedLeafCount"] = int(parent.get("viewedLeafCount", 0)) + 1
    parent["viewCount"] = int(parent.get("viewCount", 0)) + int(child["viewCount"])
    parent["lastViewedAt"] = max(
        int(parent.get("lastViewedAt", 0)), int(child.get("lastViewedAt", 0))
    )


def preamble(
    rating_key: int,
    kind: str,
    title: str,
    guid: str,
    *,
    within: Section | Node | None,
    added_at: int,
    updated_at: int,
    container: bool = False,
    lineage: Sequence[str] = _LINEAGE,
) -> Wire:
    """The fields every item starts with: ``ratingKey``, ``key`` (``/children`` for a
    ``container``), ``guid``, ``type``, ``title``, the section fields (none for a playlist,
    ``within`` None), the ``parent*``/``grandparent*`` ``lineage`` links when ``within`` is a
    parent item, ``summary`` and the dates."""
    key = f"/library/metadata/{rating_key}"
    data: Wire = {
        "ratingKey": str(rating_key),
        "key": f"{key}/children" if container else key,
        "guid": guid,
        "type": kind,
        "title": title,
    }
    if isinstance(within, Section):
        data["librarySectionTitle"] = within.title
        data["librarySectionID"] = within.key
        data["librarySectionKey"] = f"/library/sections/{within.key}"
    elif within is not None:
        data.update({name: within.data[name] for name in _SECTION_FIELDS})
        data.update(_lineage("parent", within.data, lineage))
        if within.parent is not None:
            data.update(_lineage("grandparent", within.parent.data, lineage))
    data.update({"summary": "", "addedAt": added_at, "updatedAt": updated_at})
    return data


def _lineage(prefix: str, parent: Wire, names: Sequence[str]) -> Wire:
    """``parentRatingKey``/``parentGuid``/``parentKey``/``parentTitle`` (or grandparent)."""
    own = {
        "RatingKey": parent["ratingKey"],
        "Guid": parent["guid"],
        "Key": f"/library/metadata/{parent['ratingKey']}",
        "Title": parent["title"],
    }
    return {f"{prefix}{name}": own[name] for name in names}


class Builder(Store):
    """The helpers the ``add_*`` builders use on top of the store's ids and indices."""

    def _video_media(self, file: VideoFile, duration: int, added_at: int) -> Wire:
        stream_ids = [
            self.next_id("stream") for _ in range(1 + len(file.audio) + len(file.subtitles))
        ]
        return wire_media.video_media(
            self.next_id("media"),
            self.next_id("part"),
            stream_ids,
            file=file.path,
            duration=duration,
            added_at=added_at,
            resolution=file.resolution,
            container=file.container,
            video_codec=file.video_codec,
            audio=file.audio,
            subtitles=file.subtitles,
        )

    @staticmethod
    def _add_artwork(data: Wire, rating_key: int, updated_at: int) -> None:
        data["Image"] = wire.images(rating_key, updated_at, str(data["title"]))
        data["UltraBlurColors"] = wire.ultra_blur(str(data["guid"]))
        rating = wire.ratings(data.get("rating"), data.get("audienceRating"))
        if rating:
            data["Rating"] = rating

    def _add_tags(
        self,
        data: Wire,
        tags: Mapping[str, Sequence[str]] | None,
        roles: Sequence[tuple[str, str]] = (),
    ) -> None:
        for element, names in (tags or {}).items():
            if names:
                data[element] = [self._tag(element, name) for name in names]
        if roles:
            data["Role"] = [self._tag("Role", actor, role=character) for actor, character in roles]

    def _tag(self, element: str, name: str, **extra: str) -> Wire:
        """A tag of an item; people carry their ``tagKey`` and portrait."""
        if element in _PEOPLE or element == "Role":
            extra["tagKey"] = wire.tag_key(name)
            extra["thumb"] = f"https://metadata-static.plex.tv/people/{extra['tagKey']}.jpg"
        return wire.tag(self.tag_id(element, name), element, name, **extra)

    @staticmethod
    def _add_guids(data: Wire, guids: Mapping[str, object] | None) -> None:
        order = ("imdb", "tmdb", "tvdb")
        pairs = sorted(
            (guids or {}).items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 9
        )
        if pairs:
            data["Guid"] = [{"id": f"{scheme}://{value}"} for scheme, value in pairs]
