"""Posters and backgrounds of items: list, upload, select, lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource, children_of
from plexkit._core import artwork, edits, endpoints
from plexkit._core.refs import rating_key_of
from plexkit.errors import APIError, ConfigurationError
from plexkit.models import structure
from plexkit.types import ItemRef

if TYPE_CHECKING:
    from plexkit.models.management import Artwork

__all__ = ["AsyncArtworks"]


class AsyncArtworks(Resource):
    """Posters and backgrounds of items: list, upload (URL or bytes), select, lock; an item
    is its model or its rating key."""

    async def posters(self, item: ItemRef) -> tuple[Artwork, ...]:
        """The posters the item can show (agents' and uploaded), the selected one marked."""
        return await self._list(rating_key_of(item), "poster")

    async def arts(self, item: ItemRef) -> tuple[Artwork, ...]:
        """The backgrounds the item can show."""
        return await self._list(rating_key_of(item), "art")

    async def upload_poster(
        self,
        item: ItemRef,
        *,
        url: str | None = None,
        data: bytes | None = None,
        lock: bool = False,
    ) -> None:
        """Add a poster and show it: from ``url`` (the *server* downloads it) or from image
        ``data``. ``lock=True`` also locks it against agent refreshes."""
        await self._upload(rating_key_of(item), "poster", url=url, data=data, lock=lock)

    async def upload_art(
        self,
        item: ItemRef,
        *,
        url: str | None = None,
        data: bytes | None = None,
        lock: bool = False,
    ) -> None:
        """Add a background and show it: from ``url`` or from image ``data``."""
        await self._upload(rating_key_of(item), "art", url=url, data=data, lock=lock)

    async def select_poster(self, item: ItemRef, poster: str | Artwork) -> None:
        """Show one of the item's posters (an `Artwork` or its ``rating_key``)."""
        await self._select(rating_key_of(item), "poster", poster)

    async def select_art(self, item: ItemRef, art: str | Artwork) -> None:
        """Show one of the item's backgrounds."""
        await self._select(rating_key_of(item), "art", art)

    async def lock_poster(self, item: ItemRef) -> None:
        """Keep the current poster when agents refresh the item."""
        await self._client.request(edits.lock_request(rating_key_of(item), ["poster"], locked=True))

    async def unlock_poster(self, item: ItemRef) -> None:
        """Let agents change the poster again."""
        await self._client.request(
            edits.lock_request(rating_key_of(item), ["poster"], locked=False)
        )

    async def lock_art(self, item: ItemRef) -> None:
        """Keep the current background when agents refresh the item."""
        await self._client.request(edits.lock_request(rating_key_of(item), ["art"], locked=True))

    async def unlock_art(self, item: ItemRef) -> None:
        """Let agents change the background again."""
        await self._client.request(edits.lock_request(rating_key_of(item), ["art"], locked=False))

    async def _list(self, rating_key: str | int, kind: artwork.Kind) -> tuple[Artwork, ...]:
        from plexkit.models.management import Artwork

        spec = artwork.list_request(endpoints.metadata(rating_key).path, kind)
        data, _ = await self._client.get_data(spec, cache=False)
        entries = children_of(data, "Metadata") or children_of(data, "Photo")
        return tuple(structure(entry, Artwork) for entry in entries)

    async def _upload(
        self,
        rating_key: str | int,
        kind: artwork.Kind,
        *,
        url: str | None,
        data: bytes | None,
        lock: bool,
    ) -> None:
        if not isinstance(lock, bool):
            raise ConfigurationError(f"lock must be True or False, not {lock!r}")
        spec = artwork.upload_request(endpoints.metadata(rating_key).path, kind, url=url, data=data)
        try:
            await self._client.request(spec)
        except APIError as exc:
            if exc.status_code < 500:
                raise
            source = "the image at the given URL" if url is not None else "the uploaded image"
            raise type(exc)(
                f"{exc} -- the server could not fetch or decode {source}",
                status_code=exc.status_code,
                method=exc.method,
                url=exc.url,
                body_excerpt=exc.body_excerpt,
            ) from None
        if lock:
            await self._client.request(edits.lock_request(rating_key, [kind], locked=True))

    async def _select(
        self, rating_key: str | int, kind: artwork.Kind, choice: str | Artwork
    ) -> None:
        from plexkit.models.management import Artwork

        key = choice.rating_key if isinstance(choice, Artwork) else choice
        if key is None:
            raise ConfigurationError("this artwork has no rating_key to select it by")
        spec = artwork.select_request(endpoints.metadata(rating_key).path, kind, key)
        await self._client.request(spec)
