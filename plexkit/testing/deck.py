"""Continue watching and on deck, for one account: started items, then the next unplayed
episode of shows the account has started, latest first (``/hubs/...`` and ``.../onDeck``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit.testing import played
from plexkit.testing.store import Node

if TYPE_CHECKING:
    from plexkit.testing.library import FakeLibrary


def continue_watching(library: FakeLibrary, account: int, section_key: int | None) -> list[Node]:
    """What ``account`` would resume, in every section or in ``section_key``."""
    found: list[tuple[int, Node]] = []
    for section in library.sections.values():
        if section_key is not None and section.key != section_key:
            continue
        for movie in library.items(section, 1):
            mine = played.state(library, account, movie)
            if mine.get("viewOffset"):
                found.append((int(mine.get("lastViewedAt") or 0), movie))
        for show in library.items(section, 2):
            entry = _next_episode(library, account, show)
            if entry is not None:
                found.append(entry)
    found.sort(key=lambda pair: -pair[0])
    return [node for _, node in found]


def _next_episode(library: FakeLibrary, account: int, show: Node) -> tuple[int, Node] | None:
    """The started episode of a show, else its next unplayed one if any was played."""
    episodes = library.leaves(show)
    states = [played.state(library, account, e) for e in episodes]
    started = [(s, e) for s, e in zip(states, episodes, strict=True) if s.get("viewOffset")]
    if started:
        return int(started[0][0].get("lastViewedAt") or 0), started[0][1]
    seen = [int(s.get("lastViewedAt") or 0) for s in states if s.get("viewCount")]
    rest = [e for s, e in zip(states, episodes, strict=True) if not s.get("viewCount")]
    return (max(seen), rest[0]) if seen and rest else None


def on_deck_of(library: FakeLibrary, account: int, node: Node) -> Node | None:
    """The episode in a show's or season's ``OnDeck`` (detail with ``includeOnDeck=1``): the
    started one, else the first unplayed, so an unwatched show's is its first episode (as
    python-plexapi documents); a season has one only if the show's is in it."""
    show = node.parent if node.kind == "season" else node
    if show is None or show.kind != "show":
        return None
    states = [(played.state(library, account, e), e) for e in library.leaves(show)]
    started = (e for state, e in states if state.get("viewOffset"))
    unplayed = (e for state, e in states if not state.get("viewCount"))
    episode = next(started, None) or next(unplayed, None)
    if episode is None or (node.kind == "season" and episode.parent is not node):
        return None
    return episode
