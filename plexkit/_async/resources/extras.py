"""Item extras: trailers, featurettes and other clips that belong to a movie or show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource
from plexkit._core import browse
from plexkit._core.references import item_keys
from plexkit.models import items_from
from plexkit.types import ItemRef

if TYPE_CHECKING:
    from plexkit.models import Clip
    from plexkit.types import CacheMode

__all__ = ["AsyncExtras"]


class AsyncExtras(Resource):
    """An item's extras, as `Clip` models."""

    async def list(
        self, item: ItemRef, *, cache: CacheMode = None, ttl: float | None = None
    ) -> tuple[Clip, ...]:
        """The item's extras in the server's order; ``extra_type`` and ``subtype`` say
        which is a trailer. ``Movie.primary_extra_key`` is the key of the main trailer."""
        from plexkit.models import Clip

        key = item_keys([item], what="item")[0]
        data, _ = await self._client.get_data(browse.extras(key), cache=cache, ttl=ttl)
        return tuple(clip for clip in items_from(data) if isinstance(clip, Clip))
