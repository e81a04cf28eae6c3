"""URLs a browser, player or ``<img>`` tag can open: resized images and part streams.

No token is put in a URL unless the caller asks, and then preferably a transient one
(``/security/token``: valid up to 48 hours, gone when the server restarts) rather than the
account token. A URL with a token comes back as `SecretURL`, a ``str`` whose ``repr``
hides the token, so printing a list of them or logging one with ``%r`` leaks nothing.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode, urlsplit

from plexkit._core.checks import check_bool
from plexkit._redact import redact_url
from plexkit.errors import ConfigurationError

__all__ = ["MAX_IMAGE_SIDE", "SecretURL", "image_url", "stream_url", "with_token"]

MAX_IMAGE_SIDE: Final = 4096
_IMAGE_FORMATS: Final = frozenset({"jpg", "jpeg", "png", "ppm"})


class SecretURL(str):
    """A URL that carries a token: the text is the full URL, ``repr`` and ``str.format`` with
    ``!r`` show it redacted."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"SecretURL({redact_url(str.__str__(self))!r})"

    @property
    def redacted(self) -> str:
        """The URL with its token replaced, safe to log."""
        return redact_url(str.__str__(self))


def _server_path(path: object, what: str) -> str:
    if not isinstance(path, str) or not path.strip():
        raise ConfigurationError(f"{what} must be a non-empty string, not {path!r}")
    text = path.strip()
    if "X-Plex-Token" in text:
        raise ConfigurationError(f"{what} must not carry a token; ask for include_token=")
    parts = urlsplit(text)
    if parts.scheme in ("http", "https"):
        return text
    if parts.scheme or not text.startswith("/"):
        raise ConfigurationError(
            f"{what} must be a server path such as '/library/metadata/1/thumb/1700000000' "
            f"or an http(s) URL, not {redact_url(text)!r}"
        )
    return text


def _side(value: object, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_IMAGE_SIDE:
        raise ConfigurationError(f"{name} must be an int from 1 to {MAX_IMAGE_SIDE}, not {value!r}")
    return value


def image_url(
    base_url: str,
    path: str,
    *,
    width: int | None = None,
    height: int | None = None,
    min_size: bool = True,
    upscale: bool = True,
    format: str | None = None,
    blur: int | None = None,
) -> str:
    """The URL of an image: ``path`` itself, or ``/photo/:/transcode`` when resized.

    ``path`` is a thumb, art, banner or composite path (``/library/metadata/1/thumb/170...``)
    or an external http(s) image URL (resized by the server).
    """
    source = _server_path(path, "image path")
    w, h = _side(width, "width"), _side(height, "height")
    check_bool(min_size, "min_size")
    check_bool(upscale, "upscale")
    if format is not None and (not isinstance(format, str) or format not in _IMAGE_FORMATS):
        raise ConfigurationError(f"format must be one of {sorted(_IMAGE_FORMATS)}, not {format!r}")
    if blur is not None and (isinstance(blur, bool) or not isinstance(blur, int) or blur < 0):
        raise ConfigurationError(f"blur must be a non-negative int, not {blur!r}")
    resize = w is not None or h is not None or format is not None or blur is not None
    if not resize:
        return source if source.startswith(("http://", "https://")) else base_url + source
    params: list[tuple[str, str]] = []
    if w is not None:
        params.append(("width", str(w)))
    if h is not None:
        params.append(("height", str(h)))
    params += [("minSize", "1" if min_size else "0"), ("upscale", "1" if upscale else "0")]
    if format is not None:
        params.append(("format", format))
    if blur is not None:
        params.append(("blur", str(blur)))
    params.append(("url", source))
    return f"{base_url}/photo/:/transcode?{urlencode(params)}"


def stream_url(base_url: str, part_key: str, *, download: bool = False) -> str:
    """The URL that streams (or, with ``download``, downloads) one media part's file."""
    key = _server_path(part_key, "part key")
    check_bool(download, "download")
    if not key.startswith("/library/parts/"):
        raise ConfigurationError(
            f"a part key looks like '/library/parts/827/1434341184/file.mkv', not {key!r}"
        )
    return base_url + key + ("?download=1" if download else "")


def with_token(url: str, token: str) -> SecretURL:
    """``url`` with ``X-Plex-Token`` appended to its query."""
    separator = "&" if "?" in url else "?"
    return SecretURL(f"{url}{separator}{urlencode({'X-Plex-Token': token})}")
