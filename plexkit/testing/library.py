"""``FakeLibrary``: the fake server's data, built item by item or generated from a seed.

>>> lib = FakeLibrary.generate(seed=0, movies=200, shows=20)    # deterministic
>>> movies = lib.section(1)
>>> lib.add_movie(movies, "Heat", 1995, guids={"tmdb": 949, "imdb": "tt0113277"})

Every ``add_*`` method builds the PMS JSON dict once (ids allocated here, attributes as real
servers send them) and indexes it; ``edit`` applies the same parameters ``PUT
/library/metadata/{id}`` takes. Extra keyword arguments become wire fields verbatim
(``studio="A24"``, ``viewCount=2``, ``viewOffset=60000``).
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from plexkit.testing import edits, wire
from plexkit.testing.store import Node, Section, Store
from plexkit.testing.upstream import Upstream
from plexkit.testing.wire import TYPE_NUMBERS, Wire

if TYPE_CHECKING:
    from plexkit.testing.disk import FakeDisk

DEFAULT_VERSION = "1.41.3.9314-a0bfb8370"


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


_PEOPLE = frozenset({"Director", "Writer", "Producer"})


def _count_play(parent: Wire, child: Wire, *, leaves: bool = True) -> None:
    """Roll a played child up into its parent's play counts."""
    if not child.get("viewCount"):
        return
    if leaves:
        parent["viewedLeafCount"] = int(parent.get("viewedLeafCount", 0)) + 1
    parent["viewCount"] = int(parent.get("viewCount", 0)) + int(child["viewCount"])
    parent["lastViewedAt"] = max(
        int(parent.get("lastViewedAt", 0)), int(child.get("lastViewedAt", 0))
    )


def _session_media(media: Wire, transcode: bool) -> Wire:
    """A playing ``Media`` with the decision fields sessions add (direct play or transcode)."""
    decision = "transcode" if transcode else "directplay"
    parts = []
    for part in media.get("Part", ()):
        streams = [
            {
                **stream,
                "decision": "transcode" if transcode and stream["streamType"] == 1 else "copy",
                "location": "segments-video" if transcode else "direct",
            }
            for stream in part.get("Stream", ())
            if stream.get("default") or stream.get("selected") or stream["streamType"] == 1
        ]
        parts.append({**part, "decision": decision, "selected": True, "Stream": streams})
    return {**media, "selected": True, "Part": parts}


def _file_name(title: str) -> str:
    return title.replace(":", " -").replace("/", "-").replace("?", "")


class FakeLibrary(Store):
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
        """What the fake TMDB/TVDB list beyond this library (:mod:`plexkit.testing.upstream`)."""

    @property
    def disk(self) -> FakeDisk:
        """The server's disk: files a scan of their folder imports when it ends
        (:mod:`plexkit.testing.disk`)."""
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
        movies: int = 200,
        shows: int = 20,
        artists: int = 10,
        photo_albums: int = 3,
        history: int = 200,
        clock: Callable[[], float] = time.time,
    ) -> FakeLibrary:
        """A deterministic library: the same arguments always give the same data.

        Sections: 1 Movies (``/data/media/movies``), 2 TV Shows (``/data/media/tv``),
        3 Music (``/data/media/music``), 4 Photos (``/data/media/photos``). Generated
        timestamps do not depend on ``clock``, which only stamps later edits.
        """
        from plexkit.testing.generate import populate

        library = cls(
            friendly_name="plexkit fake server",
            machine_identifier=hashlib.sha1(f"plexkit-fake-{seed}".encode()).hexdigest(),
            clock=clock,
        )
        paused = gc.isenabled()
        gc.disable()  # bulk building creates no cycles; the collector only slows it down
        try:
            populate(
                library,
                seed,
                movies=movies,
                shows=shows,
                artists=artists,
                photo_albums=photo_albums,
                history=history,
            )
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

    # -- video -----------------------------------------------------------------------------

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
        name = f"{_file_name(title)} ({year})"
        if files is None:
            files = [VideoFile(f"{section.locations[0]}/{name}/{name}.mkv")]
        updated_at = added_at + 3600
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}",
            "guid": plex_guid("movie", title, year),
            "slug": wire.slug(title),
            "type": "movie",
            "title": title,
            "titleSort": wire.title_sort(title),
            "librarySectionTitle": section.title,
            "librarySectionID": section.key,
            "librarySectionKey": f"/library/sections/{section.key}",
            "summary": "",
            "year": year,
            "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
            "art": f"/library/metadata/{rk}/art/{updated_at}",
            "duration": duration,
            "originallyAvailableAt": f"{year}-06-15",
            "addedAt": added_at,
            "updatedAt": updated_at,
            "chapterSource": "media",
        }
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
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}/children",
            "guid": plex_guid("show", title, year),
            "slug": wire.slug(title),
            "type": "show",
            "title": title,
            "titleSort": wire.title_sort(title),
            "librarySectionTitle": section.title,
            "librarySectionID": section.key,
            "librarySectionKey": f"/library/sections/{section.key}",
            "summary": "",
            "index": 1,
            "year": year,
            "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
            "art": f"/library/metadata/{rk}/art/{updated_at}",
            "banner": f"/library/metadata/{rk}/banner/{updated_at}",
            "theme": f"/library/metadata/{rk}/theme/{updated_at}",
            "duration": 2_700_000,
            "originallyAvailableAt": f"{year}-09-20",
            "leafCount": 0,
            "viewedLeafCount": 0,
            "childCount": 0,
            "addedAt": added_at,
            "updatedAt": updated_at,
        }
        data.update(fields)
        self._add_artwork(data, rk, updated_at)
        self._add_tags(data, tags, roles)
        self._add_guids(data, guids)
        path = folder or f"{section.locations[0]}/{_file_name(title)} ({year})"
        data["Location"] = [{"path": path}]
        return self.register(Node("show", data, section.key))

    def add_season(self, show: Node, index: int, **fields: Any) -> Node:
        """Add season ``index`` (0 is Specials) to a show."""
        rk = self.next_id("ratingKey")
        sd = show.data
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}/children",
            "parentRatingKey": sd["ratingKey"],
            "guid": plex_guid("season", sd["guid"], index),
            "parentGuid": sd["guid"],
            "parentSlug": sd["slug"],
            "type": "season",
            "title": "Specials" if index == 0 else f"Season {index}",
            "parentKey": f"/library/metadata/{sd['ratingKey']}",
            "parentTitle": sd["title"],
            "librarySectionTitle": sd["librarySectionTitle"],
            "librarySectionID": sd["librarySectionID"],
            "librarySectionKey": sd["librarySectionKey"],
            "summary": "",
            "index": index,
            "parentIndex": 1,
            "parentYear": sd["year"],
            "thumb": f"/library/metadata/{rk}/thumb/{sd['updatedAt']}",
            "art": sd["art"],
            "parentThumb": sd["thumb"],
            "parentTheme": sd["theme"],
            "parentStudio": sd.get("studio"),
            "leafCount": 0,
            "viewedLeafCount": 0,
            "addedAt": sd["addedAt"],
            "updatedAt": sd["updatedAt"],
        }
        data.update(fields)
        if data["parentStudio"] is None:
            del data["parentStudio"]
        self._add_artwork(data, rk, int(sd["updatedAt"]))
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
        if file is None:
            folder = shd["Location"][0]["path"]
            code = f"S{sd['index']:02d}E{index:02d}"
            season_dir = "Specials" if sd["index"] == 0 else f"Season {sd['index']:02d}"
            name = f"{_file_name(str(shd['title']))} - {code} - {_file_name(title)}"
            file = VideoFile(
                f"{folder}/{season_dir}/{name}.mkv", resolution="720", audio=(("aac", "eng", 2),)
            )
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}",
            "parentRatingKey": sd["ratingKey"],
            "grandparentRatingKey": shd["ratingKey"],
            "guid": plex_guid("episode", shd["guid"], sd["index"], index),
            "parentGuid": sd["guid"],
            "grandparentGuid": shd["guid"],
            "grandparentSlug": shd["slug"],
            "type": "episode",
            "title": title,
            "titleSort": title,
            "grandparentKey": f"/library/metadata/{shd['ratingKey']}",
            "parentKey": f"/library/metadata/{sd['ratingKey']}",
            "librarySectionTitle": shd["librarySectionTitle"],
            "librarySectionID": shd["librarySectionID"],
            "librarySectionKey": shd["librarySectionKey"],
            "grandparentTitle": shd["title"],
            "parentTitle": sd["title"],
            "contentRating": shd.get("contentRating", "TV-14"),
            "summary": "",
            "index": index,
            "parentIndex": sd["index"],
            "year": shd["year"] + max(int(sd["index"]) - 1, 0),
            "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
            "art": shd["art"],
            "parentThumb": sd["thumb"],
            "grandparentThumb": shd["thumb"],
            "grandparentArt": shd["art"],
            "grandparentTheme": shd["theme"],
            "duration": duration,
            "originallyAvailableAt": f"{shd['year'] + max(int(sd['index']) - 1, 0)}-10-01",
            "addedAt": added,
            "updatedAt": updated_at,
        }
        data.update(fields)
        data["Media"] = [self._video_media(file, duration, added)]
        self._add_artwork(data, rk, updated_at)
        self._add_tags(data, tags, ())
        self._add_guids(data, guids)
        for parent in (sd, shd):
            parent["leafCount"] += 1
            _count_play(parent, data)
        return self.register(Node("episode", data, show.section_key, parent=season))

    # -- music -----------------------------------------------------------------------------

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
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}/children",
            "guid": plex_guid("artist", title),
            "type": "artist",
            "title": title,
            "titleSort": wire.title_sort(title),
            "librarySectionTitle": section.title,
            "librarySectionID": section.key,
            "librarySectionKey": f"/library/sections/{section.key}",
            "summary": "",
            "index": 1,
            "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
            "art": f"/library/metadata/{rk}/art/{updated_at}",
            "childCount": 0,
            "addedAt": added_at,
            "updatedAt": updated_at,
        }
        data.update(fields)
        self._add_artwork(data, rk, updated_at)
        self._add_tags(data, tags, ())
        data["Location"] = [{"path": f"{section.locations[0]}/{_file_name(title)}"}]
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
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}/children",
            "parentRatingKey": ad["ratingKey"],
            "guid": plex_guid("album", ad["title"], title),
            "parentGuid": ad["guid"],
            "type": "album",
            "title": title,
            "titleSort": wire.title_sort(title),
            "parentKey": f"/library/metadata/{ad['ratingKey']}",
            "librarySectionTitle": ad["librarySectionTitle"],
            "librarySectionID": ad["librarySectionID"],
            "librarySectionKey": ad["librarySectionKey"],
            "parentTitle": ad["title"],
            "summary": "",
            "index": 1,
            "year": year,
            "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
            "art": ad["art"],
            "parentThumb": ad["thumb"],
            "originallyAvailableAt": f"{year}-03-01",
            "leafCount": 0,
            "viewedLeafCount": 0,
            "addedAt": ad["addedAt"],
            "updatedAt": updated_at,
            "loudnessAnalysisVersion": "2",
        }
        data.update(fields)
        self._add_artwork(data, rk, updated_at)
        self._add_tags(data, tags, ())
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
        path = file or (
            f"{ard['Location'][0]['path']}/{_file_name(str(ald['title']))}"
            f"/{index:02d} - {_file_name(title)}.{codec}"
        )
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}",
            "parentRatingKey": ald["ratingKey"],
            "grandparentRatingKey": ard["ratingKey"],
            "guid": plex_guid("track", ard["title"], ald["title"], index),
            "parentGuid": ald["guid"],
            "grandparentGuid": ard["guid"],
            "type": "track",
            "title": title,
            "grandparentKey": f"/library/metadata/{ard['ratingKey']}",
            "parentKey": f"/library/metadata/{ald['ratingKey']}",
            "librarySectionTitle": ald["librarySectionTitle"],
            "librarySectionID": ald["librarySectionID"],
            "librarySectionKey": ald["librarySectionKey"],
            "grandparentTitle": ard["title"],
            "parentTitle": ald["title"],
            "summary": "",
            "index": index,
            "parentIndex": 1,
            "parentYear": ald["year"],
            "thumb": ald["thumb"],
            "art": ard["art"],
            "parentThumb": ald["thumb"],
            "grandparentThumb": ard["thumb"],
            "grandparentArt": ard["art"],
            "duration": duration,
            "addedAt": added,
            "updatedAt": added + 600,
        }
        data.update(fields)
        data["Media"] = [
            wire.audio_media(
                self.next_id("media"),
                self.next_id("part"),
                self.next_id("stream"),
                file=path,
                duration=duration,
                added_at=added,
                codec=codec,
            )
        ]
        ald["leafCount"] += 1
        _count_play(ald, data)
        _count_play(ard, data, leaves=False)
        return self.register(Node("track", data, album.section_key, parent=album))

    # -- photos ----------------------------------------------------------------------------

    def add_photo_album(
        self, section: Section, title: str, *, added_at: int = 1_650_000_000, **fields: Any
    ) -> Node:
        """Add a photo album (PMS: a ``Directory`` of ``type="photo"``)."""
        rk = self.next_id("ratingKey")
        updated_at = added_at + 60
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}/children",
            "guid": f"local://{rk}",
            "type": "photo",
            "title": title,
            "librarySectionTitle": section.title,
            "librarySectionID": section.key,
            "librarySectionKey": f"/library/sections/{section.key}",
            "summary": "",
            "index": 1,
            "composite": f"/library/metadata/{rk}/composite/{updated_at}",
            "thumb": f"/library/metadata/{rk}/thumb/{updated_at}",
            "art": f"/library/metadata/{rk}/art/{updated_at}",
            "addedAt": added_at,
            "updatedAt": updated_at,
        }
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
        path = file or f"{section.locations[0]}/{ad['title']}/{_file_name(title)}.jpg"
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/metadata/{rk}",
            "parentRatingKey": ad["ratingKey"],
            "guid": f"local://{rk}",
            "type": "photo",
            "title": title,
            "parentKey": f"/library/metadata/{ad['ratingKey']}",
            "librarySectionTitle": ad["librarySectionTitle"],
            "librarySectionID": ad["librarySectionID"],
            "librarySectionKey": ad["librarySectionKey"],
            "parentTitle": ad["title"],
            "summary": "",
            "index": len(album.children) + 1,
            "thumb": f"/library/metadata/{rk}/thumb/{added}",
            "year": int(day[:4]),
            "originallyAvailableAt": day,
            "createdAtAccuracy": "epoch,local",
            "createdAtTZOffset": "0",
            "addedAt": added,
            "updatedAt": added,
        }
        data.update(fields)
        data["Media"] = [
            wire.photo_media(
                self.next_id("media"),
                self.next_id("part"),
                file=path,
                width=width,
                height=height,
                added_at=added,
            )
        ]
        return self.register(Node("photo", data, album.section_key, parent=album))

    # -- collections and playlists ---------------------------------------------------------

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
        subtype = {"movie": "movie", "show": "show", "artist": "artist"}.get(section.kind, "movie")
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/library/collections/{rk}/children",
            "guid": f"collection://{hashlib.md5(f'{section.key}:{title}'.encode()).hexdigest()}",
            "type": "collection",
            "title": title,
            "titleSort": wire.title_sort(title),
            "librarySectionTitle": section.title,
            "librarySectionID": section.key,
            "librarySectionKey": f"/library/sections/{section.key}",
            "subtype": subtype,
            "summary": summary,
            "index": self.tag_id("Collection", title),
            "thumb": f"/library/collections/{rk}/composite/{added_at}?width=400&height=600",
            "addedAt": added_at,
            "updatedAt": added_at,
        }
        if smart_query:
            data["smart"] = "1"
            data["content"] = smart_query
        data.update(fields)
        node = Node("collection", data, section.key, smart_query=smart_query)
        return self.register(node)

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
        data: Wire = {
            "ratingKey": str(rk),
            "key": f"/playlists/{rk}/items",
            "guid": f"com.plexapp.agents.none://{hashlib.md5(title.encode()).hexdigest()}",
            "type": "playlist",
            "title": title,
            "summary": "",
            "smart": False,
            "playlistType": playlist_type,
            "composite": f"/playlists/{rk}/composite/{added_at}",
            "icon": "playlist://image.dumb",
            "duration": sum(int(n.data.get("duration", 0)) for n in entries),
            "leafCount": len(entries),
            "addedAt": added_at,
            "updatedAt": added_at,
        }
        data.update(fields)
        node = Node("playlist", data, 0)
        node.children = entries
        node.item_ids = [self.next_id("playlistItem") for _ in entries]
        return self.register(node)

    # -- activity --------------------------------------------------------------------------

    def add_history(
        self, item: Node, account_id: int, viewed_at: int, *, device_id: int = 1
    ) -> Wire:
        """Record a play in the watch history (``/status/sessions/history/all``)."""
        d = item.data
        entry: Wire = {
            "historyKey": f"/status/sessions/history/{self.next_id('history')}",
            "key": d["key"],
            "ratingKey": d["ratingKey"],
            "librarySectionID": str(item.section_key),
        }
        for name in (
            "parentKey",
            "grandparentKey",
            "title",
            "grandparentTitle",
            "parentTitle",
            "type",
            "thumb",
            "parentThumb",
            "grandparentThumb",
            "grandparentArt",
            "index",
            "parentIndex",
            "originallyAvailableAt",
        ):
            if name in d:
                entry[name] = d[name]
        entry.update({"viewedAt": viewed_at, "accountID": account_id, "deviceID": device_id})
        with self.lock:
            position = bisect.bisect(self.history, -viewed_at, key=lambda h: -int(h["viewedAt"]))
            self.history.insert(position, entry)
            self.changed()
        return entry

    def add_session(
        self,
        item: Node,
        account_id: int,
        player: Wire,
        *,
        view_offset: int = 0,
        transcode: bool = False,
    ) -> Wire:
        """Start a playback session (``/status/sessions``) of ``item`` by an account."""
        account = next((a for a in self.accounts if a["id"] == account_id), None)
        session_key = self.next_id("session")
        entry: Wire = dict(item.data)
        entry["sessionKey"] = str(session_key)
        entry["viewOffset"] = view_offset
        entry["Media"] = [_session_media(m, transcode) for m in item.data.get("Media", ())[:1]]
        entry["User"] = {
            "id": str(account_id),
            "thumb": account["thumb"] if account else "",
            "title": account["name"] if account else "",
        }
        entry["Player"] = {
            "state": "playing",
            "local": True,
            "relayed": False,
            "secure": True,
            "protocolVersion": "1",
            "userID": account_id,
            **player,
        }
        entry["Session"] = {
            "id": hashlib.md5(f"session:{session_key}".encode()).hexdigest()[:24],
            "bandwidth": 12000 if transcode else 9500,
            "location": "lan",
        }
        if transcode:
            media = item.data.get("Media", [{}])[0]
            entry["TranscodeSession"] = {
                "key": f"/transcode/sessions/{entry['Session']['id']}",
                "throttled": False,
                "complete": False,
                "progress": 12.5,
                "size": -22,
                "speed": 3.2,
                "error": False,
                "duration": item.data.get("duration", 0),
                "remaining": 240,
                "context": "streaming",
                "sourceVideoCodec": media.get("videoCodec", ""),
                "sourceAudioCodec": media.get("audioCodec", ""),
                "videoDecision": "transcode",
                "audioDecision": "transcode",
                "protocol": "dash",
                "container": "mp4",
                "videoCodec": "h264",
                "audioCodec": "aac",
                "audioChannels": 2,
                "transcodeHwRequested": True,
            }
        with self.lock:
            self.sessions.append(entry)
            self.changed()
        return entry

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

    # -- helpers ---------------------------------------------------------------------------

    def _video_media(self, file: VideoFile, duration: int, added_at: int) -> Wire:
        stream_ids = [
            self.next_id("stream") for _ in range(1 + len(file.audio) + len(file.subtitles))
        ]
        return wire.video_media(
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
        roles: Sequence[tuple[str, str]],
    ) -> None:
        for element, names in (tags or {}).items():
            if not names:
                continue
            data[element] = []
            for name in names:
                extra: dict[str, str] = {}
                if element in _PEOPLE:
                    extra["tagKey"] = wire.tag_key(name)
                    extra["thumb"] = f"https://metadata-static.plex.tv/people/{extra['tagKey']}.jpg"
                data[element].append(wire.tag(self.tag_id(element, name), element, name, **extra))
        if roles:
            data["Role"] = []
            for actor, character in roles:
                key = wire.tag_key(actor)
                data["Role"].append(
                    wire.tag(
                        self.tag_id("Role", actor),
                        "Role",
                        actor,
                        tagKey=key,
                        role=character,
                        thumb=f"https://metadata-static.plex.tv/people/{key}.jpg",
                    )
                )

    @staticmethod
    def _add_guids(data: Wire, guids: Mapping[str, object] | None) -> None:
        order = ("imdb", "tmdb", "tvdb")
        pairs = sorted(
            (guids or {}).items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 9
        )
        if pairs:
            data["Guid"] = [{"id": f"{scheme}://{value}"} for scheme, value in pairs]
