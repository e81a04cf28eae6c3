"""Played state per account: scrobble, unscrobble, progress, timeline and rating.

The owner's state lives in the item dicts (``viewCount``, ``viewOffset``, ``lastViewedAt``,
``userRating``, ``lastRatedAt``), as the generator writes it; every other account's state is
kept apart in ``store.plays`` and laid over the rows that account is shown, so each token
sees only its own plays, like on PMS. Marking a show or season marks its leaves; parents'
``viewedLeafCount``/``viewCount``/``lastViewedAt`` follow (owner only). PMS counts an item
as watched once playback passes 90% of its duration (the ``/:/timeline`` capture
``plex-api.rs/timeline/*`` shows ``viewOffset`` cleared and ``viewCount`` bumped after it).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from plexkit.testing.query import MediaQuery
from plexkit.testing.store import Node, Section, Selector
from plexkit.testing.tokens import OWNER_ACCOUNT_ID
from plexkit.testing.views import collection_counts
from plexkit.testing.wire import Wire

if TYPE_CHECKING:
    from plexkit.testing.library import FakeLibrary

PLAY_FIELDS = ("viewCount", "viewOffset", "lastViewedAt", "userRating", "lastRatedAt")
"""The fields that belong to one account's view of an item."""
WATCHED_FRACTION = 0.9
"""How far into an item playback must get for PMS to count it as watched."""
_PARENT_KINDS = frozenset({"show", "season", "artist", "album", "photoalbum"})


def state(library: FakeLibrary, account: int, node: Node) -> Wire:
    """The account's play fields of ``node`` (missing fields are unset)."""
    if account == OWNER_ACCOUNT_ID:
        return {k: node.data[k] for k in PLAY_FIELDS if k in node.data}
    return dict(library.plays.get(account, {}).get(node.rating_key, {}))


def _write(library: FakeLibrary, account: int, node: Node, changes: Wire) -> None:
    """Apply ``changes`` (None deletes a field) to the account's view of ``node``."""
    with library.lock:
        if account == OWNER_ACCOUNT_ID:
            target = node.data
        else:
            target = library.plays.setdefault(account, {}).setdefault(node.rating_key, {})
        for name, value in changes.items():
            if value is None:
                target.pop(name, None)
            else:
                target[name] = value
        node.touch()
        library.changed()


def leaves(library: FakeLibrary, node: Node) -> list[Node]:
    """What marking ``node`` touches: itself, or every episode/track/photo under it."""
    if node.kind not in _PARENT_KINDS:
        return [node]
    return [leaf for child in library.leaves(node) for leaf in leaves(library, child)]


def scrobble(library: FakeLibrary, account: int, node: Node) -> None:
    """``/:/scrobble``: one more play of each leaf, offset cleared, a history row added."""
    now = library.now()
    for leaf in leaves(library, node):
        count = int(state(library, account, leaf).get("viewCount") or 0)
        _write(
            library,
            account,
            leaf,
            {"viewCount": count + 1, "viewOffset": None, "lastViewedAt": now},
        )
        library.add_history(leaf, account, now)
    _roll_up(library, account, node)


def unscrobble(library: FakeLibrary, account: int, node: Node) -> None:
    """``/:/unscrobble``: every leaf back to unplayed (count, offset and date cleared)."""
    for leaf in leaves(library, node):
        _write(
            library, account, leaf, {"viewCount": None, "viewOffset": None, "lastViewedAt": None}
        )
    _roll_up(library, account, node)


def progress(library: FakeLibrary, account: int, node: Node, offset: int, duration: int) -> None:
    """``/:/progress`` and ``/:/timeline``: remember the offset, or count a play past 90%."""
    if duration and offset >= duration * WATCHED_FRACTION:
        scrobble(library, account, node)
        return
    _write(library, account, node, {"viewOffset": offset or None, "lastViewedAt": library.now()})
    _roll_up(library, account, node)


def rate(library: FakeLibrary, account: int, node: Node, rating: float) -> None:
    """``/:/rate``: set ``userRating`` (0-10), or clear it with a negative rating."""
    if rating < 0:
        _write(library, account, node, {"userRating": None, "lastRatedAt": None})
    else:
        _write(library, account, node, {"userRating": float(rating), "lastRatedAt": library.now()})


def personal(library: FakeLibrary, account: int | None, item: Wire) -> Wire:
    """``item`` as ``account`` sees it: the owner's play fields swapped for the account's, and
    a smart collection's or playlist's counts taken over what its query finds for them."""
    if "historyKey" in item:
        return item
    node = library.node(item.get("ratingKey", ""))
    if node is None:
        return item
    if node.smart_query is not None:
        item = {**item, **_smart_counts(library, account or OWNER_ACCOUNT_ID, node)}
    if account is None or account == OWNER_ACCOUNT_ID:
        return item
    out = {k: v for k, v in item.items() if k not in PLAY_FIELDS}
    out.update(state(library, account, node))
    if "leafCount" in item and node.kind in _PARENT_KINDS:
        out["viewedLeafCount"] = sum(
            1 for leaf in leaves(library, node) if state(library, account, leaf).get("viewCount")
        )
    return out


def account_selector(library: FakeLibrary, account: int | None) -> Selector:
    """`Store.select` as ``account`` sees the library: played-state filters and sorts
    (``unwatched``, ``viewCount``, ``lastViewedAt``...) use that account's plays, as on PMS."""
    if account is None or account == OWNER_ACCOUNT_ID:
        return library.select

    def run(
        scope: Hashable, section: Section | None, type_number: int, mq: MediaQuery
    ) -> list[Node]:
        def view(node: Node) -> Wire:
            return personal(library, account, node.data)

        return library.select((scope, account), section, type_number, mq, view=view)

    return run


def _smart_counts(library: FakeLibrary, account: int, node: Node) -> Wire:
    """A smart list's counts as ``account`` sees it (its query runs on their plays)."""
    select = account_selector(library, account)
    if node.kind == "collection":
        return collection_counts(library, node, select)
    entries = library.playlist_items(node, select)
    return {
        "leafCount": len(entries),
        "duration": sum(int(n.data.get("duration", 0)) for n in entries),
    }


def _roll_up(library: FakeLibrary, account: int, node: Node) -> None:
    """Recount the owner's ``viewedLeafCount``/``viewCount``/``lastViewedAt`` of parents."""
    if account != OWNER_ACCOUNT_ID:
        return
    parents: list[Node] = []
    if node.kind in _PARENT_KINDS:
        parents.append(node)
        parents.extend(child for child in node.children if child.kind in _PARENT_KINDS)
    ancestor = node.parent
    while ancestor is not None:
        parents.append(ancestor)
        ancestor = ancestor.parent
    with library.lock:
        for parent in parents:
            played = [leaf.data for leaf in leaves(library, parent) if leaf.data.get("viewCount")]
            data = parent.data
            if "leafCount" in data:
                data["viewedLeafCount"] = len(played)
            if played:
                data["viewCount"] = sum(int(d["viewCount"]) for d in played)
                data["lastViewedAt"] = max(int(d.get("lastViewedAt") or 0) for d in played)
            else:
                data.pop("viewCount", None)
                data.pop("lastViewedAt", None)
            parent.touch()
        library.changed()
