"""Played state of items for the token's account: played, unplayed, progress and rating."""

from __future__ import annotations

from plexkit._async.resources._base import Resource
from plexkit._core import played
from plexkit._core.references import item_keys
from plexkit.types import ItemRef, PlaybackState

__all__ = ["AsyncPlayed"]


def _key(item: ItemRef) -> str:
    return item_keys([item], what="item")[0]


class AsyncPlayed(Resource):
    """Mark played or unplayed, report progress and rate (``/:/scrobble`` and friends)."""

    async def mark_played(self, item: ItemRef) -> None:
        """Mark ``item`` played (a show or season: every episode); counts one more play."""
        await self._client.request(played.scrobble(_key(item)))

    async def mark_unplayed(self, item: ItemRef) -> None:
        """Mark ``item`` unplayed (its play count and position are cleared)."""
        await self._client.request(played.unscrobble(_key(item)))

    async def set_progress(
        self, item: ItemRef, offset_ms: int, *, state: PlaybackState = "stopped"
    ) -> None:
        """Remember how far playback got (``view_offset``), in milliseconds."""
        await self._client.request(played.progress(_key(item), offset_ms, state=state))

    async def timeline(
        self,
        item: ItemRef,
        offset_ms: int,
        *,
        state: PlaybackState,
        duration_ms: int | None = None,
    ) -> None:
        """Report a player's position as players do (``/:/timeline``); near the end, PMS
        counts it as played."""
        spec = played.timeline(_key(item), offset_ms, state=state, duration_ms=duration_ms)
        await self._client.request(spec)

    async def rate(self, item: ItemRef, rating: float | None) -> None:
        """Set the account's rating of ``item``, 0 to 10 (``None`` clears it)."""
        await self._client.request(played.rate(_key(item), rating))
