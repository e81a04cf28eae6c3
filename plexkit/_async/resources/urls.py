"""URLs for browsers and players: resized images and part streams."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plexkit._async.resources._base import Resource
from plexkit._core import urls
from plexkit._redact import get_logger
from plexkit.errors import APIError, ConfigurationError
from plexkit.types import TokenChoice

if TYPE_CHECKING:
    pass
    from plexkit.models import Part

__all__ = ["AsyncURLs"]

log = get_logger(__name__)


class AsyncURLs(Resource):
    """URLs for browsers and players: resized images and part streams.

    No token is included unless asked: ``include_token=True`` prefers a transient token
    (falling back to the client's own token if the server will not mint one),
    ``"transient"`` insists on one, ``"permanent"`` uses the client's token. A URL with a
    token is a `SecretURL` whose ``repr`` hides the token.
    """

    async def image(
        self,
        path: str,
        *,
        width: int | None = None,
        height: int | None = None,
        include_token: TokenChoice = False,
        min_size: bool = True,
        upscale: bool = True,
        format: str | None = None,
        blur: int | None = None,
    ) -> str:
        """The URL of a thumb, art or composite (``item.thumb``), resized through
        ``/photo/:/transcode`` when ``width``/``height`` are given."""
        url = urls.image_url(
            self._client.base_url,
            path,
            width=width,
            height=height,
            min_size=min_size,
            upscale=upscale,
            format=format,
            blur=blur,
        )
        return await self._sign(url, include_token)

    async def stream(
        self, part: Part | str, *, include_token: TokenChoice = False, download: bool = False
    ) -> str:
        """The URL that plays (or, with ``download``, downloads) a media part's file."""
        from plexkit.models import Part

        key = part.key if isinstance(part, Part) else part
        if key is None:
            raise ConfigurationError("this part has no key to stream it by")
        url = urls.stream_url(self._client.base_url, key, download=download)
        return await self._sign(url, include_token)

    async def _sign(self, url: str, include_token: TokenChoice) -> str:
        if include_token is False:
            return url
        if include_token not in (True, "transient", "permanent"):
            raise ConfigurationError(
                f"include_token must be False, True, 'transient' or 'permanent', "
                f"not {include_token!r}"
            )
        if not url.startswith(self._client.base_url + "/"):
            return url  # an external image: never hand it the server's token
        permanent = self._client.config.token
        if include_token == "permanent":
            if not permanent:
                raise ConfigurationError("this client has no token of its own to include")
            return urls.with_token(url, permanent)
        try:
            token = await self._client.server.transient_token()
        except APIError as exc:
            if include_token == "transient" or not permanent:
                raise
            log.warning(
                "the server would not mint a transient token (%s); using the client's token",
                type(exc).__name__,
            )
            token = permanent
        return urls.with_token(url, token)
