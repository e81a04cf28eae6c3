"""Builders of photo albums and photos."""

from __future__ import annotations

import time
from typing import Any

from plexkit.testing import wire_media
from plexkit.testing.builders.base import Builder, file_name, preamble
from plexkit.testing.store import Node, Section


class PhotoBuilder(Builder):
    """``add_photo_album`` and ``add_photo``."""

    def add_photo_album(
        self, section: Section, title: str, *, added_at: int = 1_650_000_000, **fields: Any
    ) -> Node:
        """Add a photo album (PMS: a ``Directory`` of ``type="photo"``)."""
        rk = self.next_id("ratingKey")
        updated_at = added_at + 60
        data = preamble(
            rk,
            "photo",
            title,
            f"local://{rk}",
            within=section,
            added_at=added_at,
            updated_at=updated_at,
            container=True,
        )
        data["index"] = 1
        for art in ("composite", "thumb", "art"):
            data[art] = f"/library/metadata/{rk}/{art}/{updated_at}"
        data.update(fields)
        return self.register(Node("photoalbum", data, section.key))

    def add_photo(
        self,
        album: Node,
        title: str,
        *,
        taken_at: int,
        width: int = 4032,
        height: int = 3024,
        file: str | None = None,
        **fields: Any,
    ) -> Node:
        """Add a photo to an album; ``taken_at`` (epoch) sets year and date."""
        rk = self.next_id("ratingKey")
        ad = album.data
        section = self.sections[album.section_key]
        added = int(ad["addedAt"])
        day = time.strftime("%Y-%m-%d", time.gmtime(taken_at))
        path = file or f"{section.locations[0]}/{ad['title']}/{file_name(title)}.jpg"
        data = preamble(
            rk,
            "photo",
            title,
            f"local://{rk}",
            within=album,
            added_at=added,
            updated_at=added,
            lineage=("RatingKey", "Key", "Title"),  # captures: no parentGuid on photos
        )
        data.update(
            {
                "index": len(album.children) + 1,
                "thumb": f"/library/metadata/{rk}/thumb/{added}",
                "year": int(day[:4]),
                "originallyAvailableAt": day,
                "createdAtAccuracy": "epoch,local",
                "createdAtTZOffset": "0",
            }
        )
        data.update(fields)
        media, part = self.next_id("media"), self.next_id("part")
        data["Media"] = [
            wire_media.photo_media(
                media, part, file=path, width=width, height=height, added_at=added
            )
        ]
        return self.register(Node("photo", data, album.section_key, parent=album))
