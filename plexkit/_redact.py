"""Token redaction for URLs, headers, free text and log records."""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Final
from urllib.parse import quote, quote_plus

__all__ = [
    "REDACTED",
    "RedactingFilter",
    "get_logger",
    "install_log_redaction",
    "redact_headers",
    "redact_text",
    "redact_url",
    "register_secret",
]

REDACTED: Final = "REDACTED"

_SECRET_NAMES: Final = (
    "X-Plex-Token|token|authToken|auth_token|authenticationToken|accessToken|access_token|"
    "password|verificationCode|jwt|code_verifier|refresh_token"
)
# name=value in query strings and form bodies.
_QUERY_RE: Final = re.compile(rf"(?i)\b({_SECRET_NAMES})=([^&\s\"'<>#]+)")
# "name": "value" in JSON and name="value" in XML attributes.
_QUOTED_RE: Final = re.compile(rf"(?i)([\"']?\b(?:{_SECRET_NAMES})[\"']?\s*[:=]\s*)([\"'])(.*?)\2")
# X-Plex-Token%3Dvalue inside an encoded URL (transcode url= parameters).
_ENCODED_RE: Final = re.compile(r"(?i)\b(X-Plex-Token|token)(%3D)([^&%\s\"'<>]+)")
# user:password@ in URLs, and Bearer credentials in text.
_USERINFO_RE: Final = re.compile(r"(://[^/:@\s]+):([^@/\s]+)@")
_BEARER_RE: Final = re.compile(r"(?i)\b(Bearer\s+)([A-Za-z0-9._~+/=-]+)")
# <authentication-token>value</authentication-token> in legacy plex.tv XML.
_ELEMENT_RE: Final = re.compile(r"(?i)(<(authentication-token|authToken|token)>)([^<]+)(</\2>)")
# Compact JWS/JWT strings anywhere in text.
_JWT_RE: Final = re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")
_SECRET_HEADERS: Final = frozenset({"x-plex-token", "authorization", "cookie", "set-cookie"})

# Filters on a logger do not run for its children's records, so each one is named.
_THIRD_PARTY_LOGGERS: Final = (
    "plexkit",
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
)

# The secrets plexkit has handled, newest last, each with the forms it can take in text. Bounded
# (the oldest are forgotten; the patterns above still catch them in their usual places) and
# guarded by a lock, as clients in several threads register and redact at once.
_MAX_SECRETS: Final = 256
_MIN_SECRET_CHARS: Final = 6
_secrets_lock = threading.Lock()
_known_secrets: OrderedDict[str, tuple[str, ...]] = OrderedDict()
_secrets_pattern: re.Pattern[str] | None = None


def _forms(secret: str) -> tuple[str, ...]:
    """A secret as it may appear in text: plain, stripped, escaped (str or bytes repr), quoted."""
    stripped = secret.strip()
    forms = {
        secret,
        stripped,
        repr(secret)[1:-1],
        repr(secret.encode("utf-8", "backslashreplace"))[2:-1],
        quote(secret, safe=""),
        quote_plus(secret),
    }
    return tuple(f for f in forms if len(f) >= _MIN_SECRET_CHARS)


def register_secret(secret: str | None) -> None:
    """Remember a secret value so it is scrubbed wherever it shows up, whatever its context."""
    global _secrets_pattern
    if not isinstance(secret, str) or len(secret.strip()) < _MIN_SECRET_CHARS:
        return
    with _secrets_lock:
        if secret in _known_secrets:
            _known_secrets.move_to_end(secret)
            return
        _known_secrets[secret] = _forms(secret)
        while len(_known_secrets) > _MAX_SECRETS:
            _known_secrets.popitem(last=False)
        _secrets_pattern = None


def _known_pattern() -> re.Pattern[str] | None:
    """One regex matching every form of every known secret (longest first), rebuilt on change."""
    global _secrets_pattern
    with _secrets_lock:
        if _secrets_pattern is None and _known_secrets:
            forms = {form for forms in _known_secrets.values() for form in forms}
            ordered = sorted(forms, key=len, reverse=True)
            _secrets_pattern = re.compile("|".join(re.escape(form) for form in ordered))
        return _secrets_pattern


def redact_text(text: str) -> str:
    """Scrub tokens, passwords and JWTs from arbitrary text (URLs, bodies, messages)."""
    text = _QUERY_RE.sub(lambda m: f"{m.group(1)}={REDACTED}", text)
    text = _ENCODED_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _USERINFO_RE.sub(lambda m: f"{m.group(1)}:{REDACTED}@", text)
    text = _BEARER_RE.sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    text = _QUOTED_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}{m.group(2)}", text)
    text = _ELEMENT_RE.sub(lambda m: f"{m.group(1)}{REDACTED}{m.group(4)}", text)
    text = _JWT_RE.sub(REDACTED, text)
    pattern = _known_pattern()
    return text if pattern is None else pattern.sub(REDACTED, text)


def redact_url(url: object) -> str:
    """A URL as text with any token in its query string replaced."""
    return redact_text(str(url))


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    """Headers with secret values replaced, for logging or error text."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    return {k: (REDACTED if k.lower() in _SECRET_HEADERS else redact_text(v)) for k, v in items}


class RedactingFilter(logging.Filter):
    """A logging filter that redacts the final message of every record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact_text(message)
        if cleaned != message or record.args:
            record.msg = cleaned
            record.args = None
        return True


def install_log_redaction(*logger_names: str) -> None:
    """Attach a `RedactingFilter` to the named loggers (plexkit's own by default)."""
    for name in logger_names or _THIRD_PARTY_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in logger.filters):
            logger.addFilter(RedactingFilter())


def get_logger(name: str) -> logging.Logger:
    """A logger whose records are redacted before any handler sees them.

    Filters on a parent logger do not run for records of its children, so every plexkit module
    takes its logger from here.
    """
    install_log_redaction(name)
    return logging.getLogger(name)
