"""Artwork requests: list, upload (by URL or bytes) and select posters and backgrounds.

PMS keeps, per item, the posters (``/posters``) and backgrounds (``/arts``) its agents found
plus the ones uploaded. ``POST .../posters?url=`` makes the server download an image;
``POST .../posters`` with the image as the body uploads it; ``PUT .../poster?url=<ratingKey>``
selects one. The server answers 500 when it cannot fetch or decode the image, so plexkit
checks uploaded bytes up front.
"""

from __future__ import annotations

from typing import Final, Literal
from urllib.parse import urlsplit

from plexkit._core.endpoints import RequestSpec
from plexkit._redact import redact_url
from plexkit.errors import ConfigurationError

__all__ = [
    "Kind",
    "image_type",
    "list_request",
    "select_request",
    "upload_request",
]

Kind = Literal["poster", "art"]
_PLURAL: Final = {"poster": "posters", "art": "arts"}
MAX_UPLOAD_BYTES: Final = 10 * 1024 * 1024
"""PMS refuses uploads over 10 MB."""


def _kind(kind: str) -> str:
    if kind not in _PLURAL:
        raise ConfigurationError(f"artwork kind must be 'poster' or 'art', not {kind!r}")
    return kind


def image_type(data: bytes) -> str | None:
    """The MIME type of an image from its first bytes, or None if it is not one PMS reads."""
    head = bytes(data[:32])
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:2] == b"BM":
        return "image/bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis", b"heic", b"heix", b"mif1"):
        return "image/avif" if head[8:11] == b"avi" else "image/heic"
    return None


def list_request(path: str, kind: Kind) -> RequestSpec:
    """``GET {item}/posters`` or ``/arts``: the artwork the item can show."""
    return RequestSpec(method="GET", path=f"{path}/{_PLURAL[_kind(kind)]}")


def _check_url(url: object) -> str:
    if not isinstance(url, str) or not url.strip():
        raise ConfigurationError(f"the image URL must be a non-empty string, not {url!r}")
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(
            f"the image URL must be an http(s) URL the server can fetch, not {redact_url(text)!r}"
        )
    return text


def upload_request(
    path: str, kind: Kind, *, url: str | None = None, data: bytes | None = None
) -> RequestSpec:
    """``POST {item}/posters?url=`` (the server downloads it) or the image bytes as the body."""
    target = f"{path}/{_PLURAL[_kind(kind)]}"
    if (url is None) == (data is None):
        raise ConfigurationError("give exactly one of url= or data=")
    if url is not None:
        return RequestSpec(
            method="POST", path=target, params={"url": _check_url(url)}, idempotent=False
        )
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ConfigurationError(f"data must be bytes, not {type(data).__name__}")
    body = bytes(data)
    mime = image_type(body)
    if mime is None:
        raise ConfigurationError(
            f"the {kind} upload is not an image PMS can read "
            "(JPEG, PNG, GIF, WebP, BMP, TIFF, AVIF or HEIC)"
        )
    if len(body) > MAX_UPLOAD_BYTES:
        raise ConfigurationError(
            f"the {kind} upload is {len(body)} bytes; PMS accepts at most {MAX_UPLOAD_BYTES}"
        )
    return RequestSpec(
        method="POST",
        path=target,
        headers={"Content-Type": mime},
        content=body,
        idempotent=False,
    )


def select_request(path: str, kind: Kind, artwork_key: str) -> RequestSpec:
    """``PUT {item}/poster?url=<ratingKey>``: show this poster (or background)."""
    if not isinstance(artwork_key, str) or not artwork_key.strip():
        raise ConfigurationError(
            f"select needs the artwork's rating_key (from posters()/arts()), not {artwork_key!r}"
        )
    return RequestSpec(
        method="PUT",
        path=f"{path}/{_kind(kind)}",
        params={"url": artwork_key.strip()},
        idempotent=True,
    )
