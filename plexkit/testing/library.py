"""``FakeLibrary``: the fake server's data, built item by item or generated from a seed.

>>> lib = FakeLibrary.generate(seed=0, movies=200, shows=20)    # deterministic
>>> movies = lib.section(1)
>>> lib.add_movie(movies, "Heat", 1995, guids={"tmdb": 949, "imdb": "tt0113277"})

Every ``add_*`` method (`plexkit.testing.builders`) builds the PMS JSON dict once (ids
allocated here, attributes as real servers send them) and indexes it; ``edit`` applies the
same parameters ``PUT /library/metadata/{id}`` takes. Extra keyword arguments become wire
fields verbatim (``studio="A24"``, ``viewCount=2``, ``viewOffset=60000``).
"""

from __future__ import annotations

import gc
import hashlib
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from plexkit._fake_sizes import library_sizes
from plexkit.testing import edits, wire
from plexkit.testing.builders.activity import ActivityBuilder
from plexkit.testing.builders.base import VideoFile, plex_guid
from plexkit.testing.builders.lists import ListBuilder
from plexkit.testing.builders.music import MusicBuilder
from plexkit.testing.builders.photos import PhotoBuilder
from plexkit.testing.builders.video import VideoBuilder
from plexkit.testing.store import Node, Section
from plexkit.testing.upstream import Upstream
from plexkit.testing.wire import TYPE_NUMBERS, Wire

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from plexkit.testing import LibrarySizes
    from plexkit.testing.disk import FakeDisk

__all__ = ["DEFAULT_VERSION", "FakeLibrary", "VideoFile", "plex_guid"]

DEFAULT_VERSION = "1.41.3.9314-a0bfb8370"


class FakeLibrary(VideoBuilder, MusicBuilder, PhotoBuilder, ListBuilder, ActivityBuilder):
    """A Plex Media Server's content: sections, items, playlists, accounts, history, sessions."""

    def __init__(
        self,
        *,
        friendly_name: str = "plexkit fake server",
        machine_identifier: str | None = None,
        version: str = DEFAULT_VERSION,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(
            friendly_name=friendly_name,
            machine_identifier=machine_identifier
            or hashlib.sha1(friendly_name.encode()).hexdigest(),
            version=version,
            clock=clock,
        )
        self._disk: FakeDisk | None = None
        self.upstream = Upstream()
        """What the fake TMDB/TVDB list beyond this library (`plexkit.testing.upstream`)."""

    @property
    def disk(self) -> FakeDisk:
        """The server's disk: files a scan of their folder imports when it ends
        (`plexkit.testing.disk`)."""
        from plexkit.testing.disk import FakeDisk

        with self.lock:
            if self._disk is None:
                self._disk = FakeDisk(self)
            return self._disk

    @classmethod
    def generate(
        cls,
        seed: int = 0,
        *,
        clock: Callable[[], float] = time.time,
        **sizes: Unpack[LibrarySizes],
    ) -> FakeLibrary:
        """A deterministic library: the same arguments always give the same data.

        ``sizes`` (``movies=200``, ``shows=20``, ``artists=10``, ``photo_albums=3``,
        ``history=200``: `plexkit._fake_sizes.SIZES`) say how many of each it holds.

        Sections: 1 Movies (``/data/media/movies``), 2 TV Shows (``/data/media/tv``),
        3 Music (``/data/media/music``), 4 Photos (``/data/media/photos``). Generated
        timestamps do not depend on ``clock``, which only stamps later edits.
        """
        from plexkit.testing.generate import populate

        counts = library_sizes(sizes)
        library = cls(
            friendly_name="plexkit fake server",
            machine_identifier=hashlib.sha1(f"plexkit-fake-{seed}".encode()).hexdigest(),
            clock=clock,
        )
        paused = gc.isenabled()
        gc.disable()  # bulk building creates no cycles; the collector only slows it down
        try:
            populate(library, seed, counts)
        finally:
            if paused:
                gc.enable()
        return library

    # -- sections and accounts ------------------------------------------------------------

    def add_section(
        self, kind: str, title: str, locations: Sequence[str], *, created_at: int = 1_600_000_000
    ) -> Section:
        """Add a library section (``movie``, ``show``, ``artist`` or ``photo``)."""
        key = self.next_id("section")
        directory = wire.section_directory(
            key,
            kind,
            title,
            uuid=hashlib.md5(f"section:{key}:{title}".encode()).hexdigest(),
            locations=[(self.next_id("location"), path) for path in locations],
            created_at=created_at,
            updated_at=created_at + 86400,
        )
        section = Section(key=key, kind=kind, data=directory)
        with self.lock:
            self.sections[key] = section
            self.changed()
        return section

    def add_account(self, account_id: int, name: str) -> Wire:
        """Add a server account (``/accounts``); history and sessions refer to its id."""
        account: Wire = {
            "id": account_id,
            "key": f"/accounts/{account_id}",
            "name": name,
            "defaultAudioLanguage": "en",
            "autoSelectAudio": True,
            "defaultSubtitleLanguage": "en",
            "subtitleMode": 1,
            "thumb": f"https://plex.tv/users/{account_id:016x}/avatar?c=1700000000" if name else "",
        }
        self.accounts.append(account)
        return account

    # -- edits -----------------------------------------------------------------------------

    def edit(self, item: Node, params: Sequence[tuple[str, str]]) -> set[str]:
        """Apply ``PUT`` edit parameters (``title.value``, ``genre[0].tag.tag``, ...).

        Returns what changed. Title changes reach children (``parentTitle``...), and a new
        ``Collection`` tag creates the collection in the item's section, like PMS.
        """
        with self.lock:
            title = str(item.data.get("title", ""))
            changed = edits.apply(item.data, params, self.tag_id)
            if not changed:
                return changed
            if item.kind == "collection" and "title" in changed:
                self._retag_members(item, title)
            item.data["updatedAt"] = max(self.now(), int(item.data.get("updatedAt", 0)))
            item.touch()
            if "title" in changed:
                for child in item.children:
                    child.data["parentTitle"] = item.data["title"]
                    child.touch()
                    for grandchild in child.children:
                        grandchild.data["grandparentTitle"] = item.data["title"]
                        grandchild.touch()
            if "Collection" in changed:
                self._ensure_collections(item)
            self.changed()
        self.notifier.timeline(item.data, item.type_number)
        return changed

    def _retag_members(self, collection: Node, old_title: str) -> None:
        """A renamed collection keeps its members: their ``Collection`` tag follows it."""
        section = self.sections.get(collection.section_key)
        if section is None or collection.smart_query:
            return
        subtype = TYPE_NUMBERS[str(collection.data.get("subtype", "movie"))]
        members = self.collection_members(section, subtype).get(old_title.casefold(), [])
        self.rename_tag("Collection", old_title, str(collection.data["title"]), list(members))

    def _ensure_collections(self, item: Node) -> None:
        section = self.sections.get(item.section_key)
        if section is None:
            return
        existing = {str(c.data["title"]).casefold() for c in self.items(section, 18)}
        for tag in item.data.get("Collection", ()):
            if str(tag["tag"]).casefold() not in existing:
                self.add_collection(section, str(tag["tag"]), added_at=self.now())
