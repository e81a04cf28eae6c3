"""The fake server's state: sections, items, tags, history, sessions, activities and indices.

Items are kept as PMS-shaped JSON dicts built once (so serving a page is cheap) inside
`Node` records that link parents, children and the section. Query results are
memoised per store revision; every mutation bumps the revision.
"""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl

from plexkit.testing import query
from plexkit.testing.notifications import Notifier
from plexkit.testing.scans import Scans
from plexkit.testing.wire import TYPE_NUMBERS, Wire

_CACHE_SIZE = 128
_TITLE_ORDERED = {1, 2, 8, 9, 14, 15, 18}


@dataclass(eq=False)
class Node:
    """One metadata item: its wire dict plus the links the store needs."""

    kind: str
    """movie, show, season, episode, artist, album, track, photoalbum, photo, collection,
    playlist (``photoalbum`` is what PMS calls ``type="photo"`` with a ``/children`` key)."""
    data: Wire
    section_key: int
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    smart_query: str | None = None
    """For smart collections: the ``/library/sections/N/all?...`` query they show."""
    item_ids: list[int] = field(default_factory=list)
    """For playlists: the ``playlistItemID`` of each entry in ``children``; for collections
    moved by hand: the members' ``ratingKey`` in their custom order."""
    summary_cache: dict[Hashable, Wire] = field(default_factory=dict, repr=False)

    @property
    def rating_key(self) -> int:
        """The item's ``ratingKey`` as an int."""
        return int(self.data["ratingKey"])

    @property
    def type_number(self) -> int:
        """The item's ``type=`` number (movie 1, show 2, ..., collection 18)."""
        return TYPE_NUMBERS[self.kind]

    def touch(self) -> None:
        """Forget cached list views after the item changed."""
        self.summary_cache.clear()


@dataclass(eq=False)
class Section:
    """A library section: its ``Directory`` dict and its items by type number."""

    key: int
    kind: str
    data: Wire
    items: dict[int, list[Node]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """The section title."""
        return str(self.data["title"])

    @property
    def uuid(self) -> str:
        """The section's ``uuid``."""
        return str(self.data["uuid"])

    @property
    def locations(self) -> list[str]:
        """The section's folders on disk (``Location`` paths)."""
        return [loc["path"] for loc in self.data.get("Location", ())]

    @property
    def root_type(self) -> int:
        """The type ``/all`` lists when no ``type`` is given."""
        return {"movie": 1, "show": 2, "artist": 8, "photo": 14}[self.kind]


Selector = Callable[[Hashable, Section | None, int, query.MediaQuery], list[Node]]
"""Runs a media query like `Store.select` (scope, section, type, query): a route passes one
that evaluates played-state filters as the requesting account (`plexkit.testing.respond`)."""


class Store:
    """Indices and lookups over the fake server's data; safe to read from several threads."""

    def __init__(
        self,
        *,
        friendly_name: str,
        machine_identifier: str,
        version: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.clock = clock
        self.server: Wire = {
            "friendlyName": friendly_name,
            "machineIdentifier": machine_identifier,
            "version": version,
            "platform": "Linux",
            "platformVersion": "22.04.4 LTS (Jammy Jellyfish)",
        }
        self.sections: dict[int, Section] = {}
        self.nodes: dict[int, Node] = {}
        self.playlists: list[Node] = []
        self.accounts: list[Wire] = []
        self.history: list[Wire] = []
        """Watch history entries, newest first."""
        self.sessions: list[Wire] = []
        """Items being played now, with ``User``/``Player``/``Session``."""
        self.plays: dict[int, dict[int, Wire]] = {}
        """Played state of accounts other than the owner: account id -> ratingKey -> fields
        (the owner's lives in the items themselves; see `plexkit.testing.played`)."""
        self.extras: dict[int, list[Node]] = {}
        """Trailers and other extras by the ratingKey of the item they belong to."""
        self.transcodes: dict[str, Wire] = {}
        """Transcode sessions started with ``.../transcode/universal/start`` (key -> session)."""
        self.prefs: dict[str, object] = {}
        """Server preferences changed with ``PUT /:/prefs`` (id -> value)."""
        self.activities: dict[str, Wire] = {}
        self.scans = Scans(self)
        self.notifier = Notifier()
        self.revision = 0
        self.lock = threading.RLock()
        self._tags: dict[tuple[str, str], int] = {}
        self._counters: dict[str, itertools.count[int]] = {}
        self._cache: OrderedDict[Hashable, tuple[int, list[Node]]] = OrderedDict()
        self._members: dict[tuple[int, int], tuple[int, dict[str, list[Node]]]] = {}

    # -- ids -------------------------------------------------------------------------------

    def now(self) -> int:
        """The fake server's clock as epoch seconds."""
        return int(self.clock())

    def next_id(self, kind: str, start: int = 1) -> int:
        """The next id of a kind (``ratingKey``, ``media``, ``part``, ``stream``, ...)."""
        counter = self._counters.setdefault(kind, itertools.count(start))
        return next(counter)

    def tag_id(self, element: str, name: str) -> int:
        """The id of a tag, shared by every item that carries it (like PMS's tag table)."""
        key = (element, name.casefold())
        found = self._tags.get(key)
        if found is None:
            found = self._tags[key] = self.next_id("tag", 1000)
        return found

    # -- registration ----------------------------------------------------------------------

    def register(self, node: Node) -> Node:
        """Index a new node under its section, type and parent."""
        with self.lock:
            self.nodes[node.rating_key] = node
            section = self.sections.get(node.section_key)
            if section is not None:
                section.items.setdefault(node.type_number, []).append(node)
            if node.parent is not None:
                node.parent.children.append(node)
            if node.kind == "playlist":
                self.playlists.append(node)
            self.changed()
        return node

    def changed(self) -> None:
        """Note a mutation: memoised query results are dropped."""
        self.revision += 1

    # -- lookups ---------------------------------------------------------------------------

    def node(self, rating_key: int | str) -> Node | None:
        """The item with this ``ratingKey``, or None."""
        try:
            return self.nodes.get(int(rating_key))
        except ValueError:
            return None

    def section(self, key: int | str) -> Section | None:
        """The section with this key, or None."""
        try:
            return self.sections.get(int(key))
        except ValueError:
            return None

    def items(self, section: Section, type_number: int) -> list[Node]:
        """The section's items of one type, in the order they were added."""
        return section.items.get(type_number, [])

    def children(self, node: Node, select: Selector | None = None) -> list[Node]:
        """What ``/children`` lists: members for collections, entries for playlists."""
        if node.kind == "collection":
            return self.collection_items(node, select)
        return node.children

    def leaves(self, node: Node) -> list[Node]:
        """What ``/allLeaves`` lists: every episode of a show, every track of an artist."""
        if node.kind in ("show", "artist"):
            return [leaf for child in node.children for leaf in child.children]
        return self.children(node)

    def collection_items(self, collection: Node, select: Selector | None = None) -> list[Node]:
        """A collection's members: tagged items, or the result of a smart collection's query
        (run by ``select``, the owner's view by default)."""
        section = self.sections[collection.section_key]
        subtype = TYPE_NUMBERS[str(collection.data.get("subtype", "movie"))]
        if collection.smart_query:
            _, _, raw = collection.smart_query.partition("?")
            mq = query.parse(parse_qsl(raw, keep_blank_values=True), now=self.now())
            run = select or self.select
            return run(("smart", collection.rating_key), section, mq.type or subtype, mq)
        title = str(collection.data["title"]).casefold()
        members = self.collection_members(section, subtype).get(title, [])
        custom = collection.data.get("collectionSort") == "2"
        if custom and collection.item_ids:  # moved by hand (``.../items/{id}/move``)
            rank = {rk: i for i, rk in enumerate(collection.item_ids)}
            members = sorted(members, key=lambda n: rank.get(n.rating_key, len(rank)))
        return members

    def playlist_items(self, playlist: Node, select: Selector | None = None) -> list[Node]:
        """A playlist's items: its entries, or what a smart playlist's query finds now (run by
        ``select``, the owner's view by default); a smart playlist's item ids follow."""
        if playlist.smart_query is None:
            return playlist.children
        section_id, _, raw = playlist.smart_query.partition("?")
        section = self.section(section_id.split("/")[3])
        if section is None:
            return []
        mq = query.parse(parse_qsl(raw, keep_blank_values=True), now=self.now())
        run = select or self.select
        found = run(("smart-playlist", playlist.rating_key), section, mq.type or 1, mq)
        ids = playlist.item_ids
        if len(ids) < len(found):
            ids.extend(self.next_id("playlistItem") for _ in found[len(ids) :])
        del ids[len(found) :]
        return found

    def rename_tag(self, element: str, old: str, new: str, nodes: Iterable[Node]) -> None:
        """Rename tag ``old`` to ``new`` on ``nodes``, keeping its id (PMS's tag table holds
        one row per tag: items point at it, not at its name)."""
        with self.lock:
            tag_id = self.tag_id(element, old)
            self._tags[(element, new.casefold())] = tag_id
            for node in nodes:
                for tag in node.data.get(element, ()):
                    if str(tag.get("tag", "")).casefold() == old.casefold():
                        tag["tag"] = new
                node.touch()
            self.changed()

    def collection_members(self, section: Section, subtype: int) -> dict[str, list[Node]]:
        """Members of every tag-based collection of a section by folded title, in one pass per
        revision (a section listing shows each collection's counts: one scan each would be
        quadratic)."""
        key = (section.key, subtype)
        with self.lock:
            cached = self._members.get(key)
            if cached is not None and cached[0] == self.revision:
                return cached[1]
            members: dict[str, list[Node]] = {}
            for node in self.items(section, subtype):
                for tag in node.data.get("Collection", ()):
                    found = members.setdefault(str(tag.get("tag", "")).casefold(), [])
                    if not found or found[-1] is not node:
                        found.append(node)
            self._members[key] = (self.revision, members)
            return members

    def select(
        self,
        scope: Hashable,
        section: Section | None,
        type_number: int,
        mq: query.MediaQuery,
        *,
        view: Callable[[Node], Wire] | None = None,
    ) -> list[Node]:
        """Run a media query over one section (or every section) for one item type.

        ``scope`` must identify the query (section, filters, sort, limit, and the account
        when ``view`` is given): results are memoised under it until the next mutation.
        ``view`` is how the asking account sees a node (its own played state); filters and
        sorts run on it. Without a sort, titled root items come in title order and children
        (seasons, episodes, tracks, photos) in their natural order.
        """

        def compute() -> list[Node]:
            sections = [section] if section is not None else list(self.sections.values())
            candidates = [node for sec in sections for node in self.items(sec, type_number)]
            ordered = mq
            if not mq.sort and type_number in _TITLE_ORDERED:
                ordered = replace(mq, sort=[("titleSort", False)])
            wires = ordered.run(view(n) if view else n.data for n in candidates)
            return [self.nodes[int(w["ratingKey"])] for w in wires]

        return self.memo((scope, type_number), compute)

    def memo(self, key: Hashable, compute: Callable[[], list[Node]]) -> list[Node]:
        """Memoise a list of nodes for the current revision (small LRU)."""
        with self.lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == self.revision:
                self._cache.move_to_end(key)
                return hit[1]
            value = compute()
            self._cache[key] = (self.revision, value)
            self._cache.move_to_end(key)
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
            return value

    # -- activities ------------------------------------------------------------------------

    def start_activity(
        self,
        type: str,
        title: str,
        *,
        subtitle: str = "",
        cancellable: bool = True,
        context: Wire | None = None,
    ) -> Wire:
        """Add a running activity (as ``/activities`` lists it) and return it."""
        activity: Wire = {
            "uuid": str(uuid.uuid4()),
            "type": type,
            "cancellable": cancellable,
            "userID": 1,
            "title": title,
            "subtitle": subtitle,
            "progress": 0,
        }
        if context:
            activity["Context"] = context
        with self.lock:
            self.activities[activity["uuid"]] = activity
        self.notifier.activity("started", activity)
        return activity

    def end_activity(self, activity_uuid: str) -> Wire | None:
        """Remove a finished or cancelled activity; return it, or None if unknown."""
        with self.lock:
            activity = self.activities.pop(activity_uuid, None)
        if activity is not None:
            self.notifier.activity("ended", activity)
        return activity
