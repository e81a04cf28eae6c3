"""Builders of collections (tagged or smart) and playlists."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from plexkit.testing import wire
from plexkit.testing.builders.base import Builder, preamble
from plexkit.testing.store import Node, Section

_SUBTYPES = {"movie": "movie", "show": "show", "artist": "artist"}


class ListBuilder(Builder):
    """``add_collection`` and ``add_playlist``."""

    def add_collection(
        self,
        section: Section,
        title: str,
        *,
        smart_query: str | None = None,
        summary: str = "",
        added_at: int = 1_650_000_000,
        **fields: Any,
    ) -> Node:
        """Add a collection; members are items tagged with its title, or ``smart_query``.

        ``smart_query`` is a ``/library/sections/N/all?...`` media query (smart collection).
        """
        rk = self.next_id("ratingKey")
        guid = f"collection://{hashlib.md5(f'{section.key}:{title}'.encode()).hexdigest()}"
        data = preamble(
            rk, "collection", title, guid, within=section, added_at=added_at, updated_at=added_at
        )
        data.update(
            {
                "key": f"/library/collections/{rk}/children",
                "titleSort": wire.title_sort(title),
                "subtype": _SUBTYPES.get(section.kind, "movie"),
                "summary": summary,
                "index": self.tag_id("Collection", title),
                "thumb": f"/library/collections/{rk}/composite/{added_at}?width=400&height=600",
            }
        )
        if smart_query:
            data["smart"] = "1"
            data["content"] = smart_query
        data.update(fields)
        return self.register(Node("collection", data, section.key, smart_query=smart_query))

    def add_playlist(
        self,
        title: str,
        items: Iterable[Node],
        *,
        playlist_type: str = "video",
        added_at: int = 1_650_000_000,
        **fields: Any,
    ) -> Node:
        """Add a (dumb) playlist of ``items`` (``playlist_type`` video, audio or photo)."""
        rk = self.next_id("ratingKey")
        entries = list(items)
        guid = f"com.plexapp.agents.none://{hashlib.md5(title.encode()).hexdigest()}"
        data = preamble(
            rk, "playlist", title, guid, within=None, added_at=added_at, updated_at=added_at
        )
        data.update(
            {
                "key": f"/playlists/{rk}/items",
                "smart": False,
                "playlistType": playlist_type,
                "composite": f"/playlists/{rk}/composite/{added_at}",
                "icon": "playlist://image.dumb",
                "duration": sum(int(n.data.get("duration", 0)) for n in entries),
                "leafCount": len(entries),
            }
        )
        data.update(fields)
        node = Node("playlist", data, 0)
        node.children = entries
        node.item_ids = [self.next_id("playlistItem") for _ in entries]
        return self.register(node)
