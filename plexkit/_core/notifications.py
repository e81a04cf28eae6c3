"""Websocket notifications without I/O: parse a message into typed events, filter, back off.

PMS sends each notification as a JSON text frame ``{"NotificationContainer": {"type": ...,
"size": N, "<Element>": [...]}}``. `parse_message` never raises: a frame it cannot read
yields no events (a live feed must survive one odd message).
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypedDict

import attrs

from plexkit._redact import get_logger
from plexkit.errors import ConfigurationError, ParseError
from plexkit.models import structure

if TYPE_CHECKING:
    from plexkit.models.management import Notification

__all__ = [
    "NOTIFICATIONS_PATH",
    "ListenOptions",
    "ListenSettings",
    "StreamOptions",
    "event_types",
    "parse_container",
    "parse_message",
    "reconnect_delay",
    "wanted",
]

log = get_logger(__name__)

NOTIFICATIONS_PATH: Final = "/:/websockets/notifications"
_TRANSCODE_PREFIX: Final = "transcodeSession."


def parse_message(text: str | bytes) -> tuple[Notification, ...]:
    """The events of one websocket frame; () if it is not a notification plexkit can read."""
    try:
        message = json.loads(text)
    except (ValueError, TypeError, UnicodeDecodeError):
        log.debug("ignoring a notification that is not JSON (%d bytes)", len(text))
        return ()
    container = message.get("NotificationContainer") if isinstance(message, dict) else None
    if not isinstance(container, Mapping):
        return ()
    return parse_container(container)


def parse_container(container: Mapping[str, Any]) -> tuple[Notification, ...]:
    """The events of one ``NotificationContainer`` (one per entry of its list)."""
    from plexkit.models.management import NOTIFICATION_ELEMENTS, TranscodeSessionEvent, UnknownEvent
    from plexkit.models.status import TranscodeSession

    kind = container.get("type")
    if not isinstance(kind, str) or not kind:
        return ()
    if kind.startswith(_TRANSCODE_PREFIX):
        action = kind[len(_TRANSCODE_PREFIX) :]
        return tuple(
            TranscodeSessionEvent(action=action, session=session)
            for session in _read(container.get("TranscodeSession"), TranscodeSession)
        )
    known = NOTIFICATION_ELEMENTS.get(kind)
    if known is None:
        return (UnknownEvent(type=kind, data=dict(container)),)
    element, cls = known
    events: tuple[Notification, ...] = tuple(_read(container.get(element), cls))
    return events


def _read(entries: object, cls: type[Any]) -> list[Any]:
    if isinstance(entries, Mapping):
        entries = [entries]
    if not isinstance(entries, list):
        return []
    out = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        try:
            out.append(structure(entry, cls))
        except ParseError:
            log.debug("ignoring an unreadable %s entry", cls.__name__)
    return out


def event_types(types: Iterable[str] | str | None) -> frozenset[str] | None:
    """The event types a listener keeps (None: all), checked up front."""
    if types is None:
        return None
    if isinstance(types, str):
        types = [types]
    try:
        entries = list(types)
    except TypeError:
        raise ConfigurationError(
            f"types must be a string or an iterable of strings, not {types!r}"
        ) from None
    for kind in entries:
        if not isinstance(kind, str) or not kind:
            raise ConfigurationError(f"event types must be non-empty strings, not {kind!r}")
    return frozenset(entries)


def wanted(event: Notification, types: Collection[str] | None) -> bool:
    """True when ``types`` (from `event_types`) keeps ``event``."""
    return types is None or event.type in types


def reconnect_delay(
    attempt: int,
    *,
    base: float = 0.5,
    cap: float = 30.0,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait before reconnect attempt ``attempt`` (1-based): exponential, jittered
    between half and all of ``base * 2**(attempt-1)``, at most ``cap``."""
    ceiling = min(cap, base * 2 ** max(attempt - 1, 0))
    return (rng or random).uniform(ceiling / 2, ceiling)


def is_scan_activity(activity: Any, section_key: str) -> bool:
    """True for a ``library.update.section`` activity of section ``section_key``."""
    if activity is None or not str(activity.type or "").startswith("library.update.section"):
        return False
    context = activity.context
    return context is not None and str(context.library_section_id) == str(section_key)


class ListenOptions(TypedDict, total=False):
    """The keyword options of ``listen_in_background()`` (and of ``listen()``).

    ``types`` keeps only these event types (default: all); ``reconnect`` (True) reopens a
    dropped connection after ``backoff`` (0.5 s) doubling up to ``max_backoff`` (30 s);
    ``connect_timeout`` (10 s) bounds each connection attempt; ``ping_interval`` (20 s, None
    for none) sends keepalive pings.
    """

    types: Iterable[str] | str | None
    reconnect: bool
    backoff: float
    max_backoff: float
    connect_timeout: float
    ping_interval: float | None


class StreamOptions(ListenOptions, total=False):
    """The keyword options of ``listen()``: `ListenOptions` and ``max_queue``
    (10 000), the most unread events kept (later ones are dropped and counted)."""

    max_queue: int


def _positive_number(value: object) -> bool:
    """True for a finite real number above 0 (not a bool, NaN or infinity)."""
    return (
        not isinstance(value, bool)
        and isinstance(value, (int, float))
        and math.isfinite(value)
        and value > 0
    )


@attrs.frozen
class ListenSettings:
    """A listener's checked options (see `StreamOptions`); ``max_queue`` 0 is
    unbounded (background listeners deliver to a callback and keep no queue)."""

    types: frozenset[str] | None = None
    reconnect: bool = True
    backoff: float = 0.5
    max_backoff: float = 30.0
    connect_timeout: float = 10.0
    ping_interval: float | None = 20.0
    max_queue: int = 10_000

    @classmethod
    def checked(
        cls, options: Mapping[str, object], *, max_queue: int | None = None
    ) -> ListenSettings:
        """The settings from keyword ``options``, refused with `ConfigurationError`
        when unknown or out of range; ``max_queue`` overrides the option."""
        known = ListenOptions if max_queue is not None else StreamOptions
        unknown = sorted(set(options) - set(known.__annotations__))
        if unknown:
            raise ConfigurationError(f"unknown listener option(s): {', '.join(unknown)}")
        values = dict(options)
        for name in ("backoff", "max_backoff", "connect_timeout"):
            value = values.get(name, 1.0)
            if not _positive_number(value):
                raise ConfigurationError(f"{name} must be a positive number, not {value!r}")
        ping = values.get("ping_interval", 1.0)
        if ping is not None and not _positive_number(ping):
            raise ConfigurationError(
                f"ping_interval must be a positive number or None, not {ping!r}"
            )
        queue = values.get("max_queue", 0) if max_queue is None else max_queue
        if isinstance(queue, bool) or not isinstance(queue, int) or queue < 0:
            raise ConfigurationError(f"max_queue must be an int >= 0, not {queue!r}")
        if max_queue is not None:
            values["max_queue"] = max_queue
        values["types"] = event_types(values.get("types"))  # type: ignore[arg-type]
        for name in ("backoff", "max_backoff", "connect_timeout"):
            if name in values:
                values[name] = float(values[name])  # type: ignore[arg-type]
        return cls(**values)  # type: ignore[arg-type]
