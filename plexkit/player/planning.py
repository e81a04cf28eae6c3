"""The pure half of the player: map paths, group them by section, choose the scans, and
pick the item whose media part is a path. No I/O; ``_async/player.py`` drives it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from plexkit._core.segments import ParsedPath, parse, within
from plexkit.errors import PlexError
from plexkit.models import Item, Section
from plexkit.paths import PathMapper
from plexkit.player.report import ItemReport, ScanMode

__all__ = [
    "LEAF_TYPES",
    "Plan",
    "Scan",
    "is_same_folder",
    "leaf_type",
    "pick_item",
    "plan_update",
    "section_for",
]

LEAF_TYPES: Final = {"movie": 1, "show": 4, "artist": 10, "photo": 13}
"""The item type that holds media parts in each kind of section (what ``file=`` needs)."""


@attrs.frozen
class Scan:
    """One scan to run: a section and a server path in it (None: the whole section), and
    the indexes of the input items it covers."""

    section: Section
    path: str | None
    items: tuple[int, ...]


@attrs.frozen
class Plan:
    """Reports for every input (those that need a scan say ``scanned`` for now) and the
    scans to run."""

    reports: list[ItemReport]
    scans: list[Scan]


def section_for(path: ParsedPath, sections: Sequence[Section]) -> Section | None:
    """The section whose location holds ``path`` (the deepest location wins), or None."""
    best: tuple[int, Section] | None = None
    for section in sections:
        for location in section.locations:
            try:
                root = parse(location.path)
            except PlexError:
                continue
            if within(path, root) and (best is None or len(root.parts) > best[0]):
                best = (len(root.parts), section)
    return None if best is None else best[1]


def plan_update(
    paths: Sequence[str], mapper: PathMapper, sections: Sequence[Section], mode: ScanMode
) -> Plan:
    """Map each path, find its section by the sections' locations (deepest wins), and group
    the scans: per section either one full scan or one scan per changed path, a path inside
    another changed path riding on that one's scan."""
    reports: list[ItemReport] = []
    grouped: dict[str, list[tuple[int, ParsedPath]]] = {}
    by_key: dict[str, Section] = {}
    for index, path in enumerate(paths):
        try:
            server = parse(mapper.to_server(path))
        except PlexError as exc:
            reports.append(ItemReport(path=path, status="unmapped", error=exc))
            continue
        section = section_for(server, sections)
        if section is None:
            reports.append(
                ItemReport(path=path, status="not_in_section", server_path=server.text())
            )
            continue
        reports.append(
            ItemReport(
                path=path,
                status="scanned",
                server_path=server.text(),
                section_key=section.key,
                section_title=section.title,
            )
        )
        by_key[section.key] = section
        grouped.setdefault(section.key, []).append((index, server))
    scans: list[Scan] = []
    for key, members in grouped.items():
        section = by_key[key]
        if mode == "sections":
            scans.append(Scan(section, None, tuple(i for i, _ in members)))
            continue
        targets: list[tuple[ParsedPath, list[int]]] = []
        for index, server in sorted(members, key=lambda m: (len(m[1].parts), m[0])):
            home = next((t for t in targets if within(server, t[0])), None)
            if home is None:
                targets.append((server, [index]))
            else:
                home[1].append(index)
        scans.extend(Scan(section, t.text(), tuple(sorted(ix))) for t, ix in targets)
    for scan in scans:
        for index in scan.items:
            reports[index] = attrs.evolve(reports[index], scan_path=scan.path)
    return Plan(reports=reports, scans=scans)


def leaf_type(section: Section) -> int | None:
    """The type number of the section's items that have files (None if unknown)."""
    return LEAF_TYPES.get(section.type or "")


def _part_files(item: Item) -> Iterable[str]:
    for media in getattr(item, "media", ()):
        for part in media.parts:
            if part.file:
                yield part.file


def pick_item(items: Iterable[Item], target: ParsedPath) -> tuple[Item, bool] | None:
    """The first item with a media part that is ``target`` (``(item, True)``) or lies below
    it (``(item, False)``: ``target`` is a folder), comparing whole segments."""
    for item in items:
        for file in _part_files(item):
            try:
                part = parse(file)
            except PlexError:
                continue
            if within(part, target):
                return item, part.keys == target.keys
    return None


def is_same_folder(target: ParsedPath, location: str) -> bool:
    """True when ``location`` (a section folder) is the folder ``target`` itself."""
    try:
        root = parse(location)
    except PlexError:
        return False
    return root.flavour == target.flavour and root.keys == target.keys
