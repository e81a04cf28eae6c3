"""A refresher's snapshot: the one class both refreshers (async and sync) return."""

from __future__ import annotations

from typing import Any, Generic

import attrs

from plexkit.types import T

__all__ = ["RefresherState"]


@attrs.frozen(kw_only=True)
class RefresherState(Generic[T]):
    """The latest value, how old it is and how refreshing has gone."""

    name: str
    value: T | None
    updated_at: float | None
    age: float | None
    interval: float
    running: bool
    runs: int
    failures: int
    last_error: str | None

    def to_dict(self) -> dict[str, Any]:
        """A dict for a dashboard (the value is included as it is)."""
        return attrs.asdict(self, recurse=False)
