"""The aliases the player interface's signatures use, to annotate a media manager's own code.

``ItemRef`` (an item or its rating key), ``PathInput`` (a manager's path) and
``ProgressHandler`` (what ``update_library(on_progress=)`` calls); both players use them, and
``plexkit.player`` re-exports them.
"""

from __future__ import annotations

from collections.abc import Callable
from os import PathLike
from typing import TypeAlias

from plexkit.models import Item
from plexkit.player.report import ScanProgress

__all__ = ["ItemRef", "PathInput", "ProgressHandler"]

ItemRef: TypeAlias = Item | str | int
"""An item, or its rating key."""
PathInput: TypeAlias = str | PathLike[str]
"""A manager's path (a string or a ``pathlib`` path)."""
ProgressHandler: TypeAlias = Callable[[ScanProgress], object]
"""Called with each `ScanProgress` while ``update_library()`` waits for the scans."""
