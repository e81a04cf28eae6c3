"""Waiting for the server: ``refresh_and_wait()`` for scans and the activity watcher.

Both follow websocket activity notifications when they can and poll ``/activities`` (and, for
scans, the section's ``refreshing`` flag) when the websocket is unavailable, drops, or says
nothing. Deadlines are computed, not enforced with cancel scopes, so the generated sync twin
behaves the same.
"""

from __future__ import annotations

import math
import time
from types import TracebackType
from typing import TYPE_CHECKING, Final
from weakref import WeakKeyDictionary

import attrs

from plexkit._core import endpoints
from plexkit._core.waits import (
    ActivityJudge,
    ActivityTracker,
    Emit,
    Expire,
    Finish,
    Follow,
    Polled,
    Receive,
    ScanClaims,
    ScanJudge,
    ScanTracker,
    Sleep,
)
from plexkit._redact import get_logger
from plexkit._synchronization import AsyncGuard, AsyncLock, async_sleep
from plexkit.errors import ConfigurationError, PlexError, WaitTimeoutError
from plexkit.models import Activity, Section, activities_from, sections_from
from plexkit.models.management import Notification, ScanResult

if TYPE_CHECKING:
    from plexkit._async.client import AsyncPlexClient
    from plexkit._async.notifications import AsyncNotificationStream
    from plexkit.types import ProgressCallback

__all__ = ["AsyncActivityWatch", "ScanWait", "refresh_and_wait"]

log = get_logger(__name__)


_WATCH_TYPES: Final = ("activity", "connection")
_CONNECT_TIMEOUT: Final = 5.0
"""Seconds allowed for the websocket connection (less if the wait's deadline is nearer)."""
_SAFETY_POLL: Final = 30.0
"""Seconds between safety polls while notifications are flowing."""
_FINAL_WAIT: Final = 1.0
"""Seconds to wait for the end notification of an activity a poll found gone."""
_STREAM_POLL_FACTOR: Final = 10
"""While notifications flow, the watcher polls this many poll intervals apart."""


def _positive(
    value: object, name: str, *, allow_none: bool = False, allow_inf: bool = False
) -> float | None:
    """``value`` as seconds: a number above 0, never NaN; infinity only with ``allow_inf``
    (a timeout that means "no limit")."""
    if value is None and allow_none:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or math.isnan(value)
        or (math.isinf(value) and not allow_inf)
        or value <= 0
    ):
        raise ConfigurationError(f"{name} must be a positive number of seconds, not {value!r}")
    return float(value)


async def _open_stream(
    client: AsyncPlexClient, use_websocket: bool, deadline: float | None = None
) -> AsyncNotificationStream | None:
    """A connected activity listener, or None when the websocket cannot be used (or
    ``deadline``, a ``time.monotonic()`` reading, has passed)."""
    if not use_websocket:
        return None
    connect_timeout = _CONNECT_TIMEOUT
    if deadline is not None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        connect_timeout = min(connect_timeout, remaining)
    stream = client.notifications.listen(
        types=_WATCH_TYPES, reconnect=False, connect_timeout=connect_timeout
    )
    try:
        await stream.start()
    except PlexError as exc:  # e.g. httpx-ws missing
        log.info("notifications unavailable (%s); polling instead", type(exc).__name__)
        await stream.stop()
        return None
    if not stream.connected:
        log.info(
            "notifications unavailable (%s); polling instead", type(stream.last_error).__name__
        )
        await stream.stop()
        return None
    return stream


async def _section_status(client: AsyncPlexClient, key: str) -> Section | None:
    data, _ = await client.get_data(endpoints.sections(), cache=False)
    return next((s for s in sections_from(data) if s.key == key), None)


async def _activities(client: AsyncPlexClient) -> tuple[Activity, ...]:
    data, _ = await client.get_data(endpoints.activities(), cache=False)
    return activities_from(data)


def _progress(callback: ProgressCallback | None, activity: Activity | None) -> None:
    if callback is not None and activity is not None:
        callback(activity)


def _check_seconds(_wait: object, attribute: attrs.Attribute[float], value: object) -> None:
    """A positive number of seconds (the timeout may be infinite: no limit)."""
    _positive(value, attribute.name, allow_inf=attribute.name == "timeout")


def _check_callback(
    _wait: object, _attribute: attrs.Attribute[ProgressCallback | None], value: object
) -> None:
    """None or something to call with each `Activity` state."""
    if value is not None and not callable(value):
        raise ConfigurationError("on_progress must be callable")


@attrs.frozen(kw_only=True)
class ScanWait:
    """How a scan wait runs: its timeout, polling, progress callback and websocket use.

    Built once from the public method's keywords, checked as it is built (a value out of
    range raises `ConfigurationError` before any request), then passed whole.
    """

    timeout: float = attrs.field(validator=_check_seconds)
    poll_interval: float = attrs.field(validator=_check_seconds)
    start_grace: float = attrs.field(validator=_check_seconds)
    on_progress: ProgressCallback | None = attrs.field(validator=_check_callback)
    use_websocket: bool


_CLAIMS: WeakKeyDictionary[AsyncPlexClient, ScanClaims] = WeakKeyDictionary()
"""Which path-scoped wait owns which scan activity, per client (see ``ScanClaims``)."""


def _claims(client: AsyncPlexClient) -> ScanClaims:
    return _CLAIMS.setdefault(client, ScanClaims(guard=AsyncGuard()))


_SENDING: WeakKeyDictionary[AsyncPlexClient, AsyncLock] = WeakKeyDictionary()
"""Held while a path scan is requested and registered, per client."""


def _sending(client: AsyncPlexClient) -> AsyncLock:
    lock = _SENDING.get(client)
    if lock is None:
        lock = _SENDING[client] = AsyncLock()
    return lock


async def refresh_and_wait(
    client: AsyncPlexClient,
    section: Section,
    path: str | None,
    *,
    force: bool,
    options: ScanWait,
) -> ScanResult:
    """Scan ``section`` (or the already checked ``path`` in it) and return when the scan is
    over; raises `WaitTimeoutError` (a ``TimeoutError``) after the timeout."""
    started = time.monotonic()
    deadline = started + options.timeout
    stream = await _open_stream(client, options.use_websocket, deadline)
    claims = _claims(client)
    token: int | None = None
    try:
        if time.monotonic() >= deadline:
            raise WaitTimeoutError(
                f"the scan of section {section.key} ({section.title!r}) was not requested: the "
                "timeout passed while connecting to notifications",
                activities=(),
            )
        request = endpoints.refresh_section(section.key, path=path, force=force)
        if path is None:
            await client.request(request)
        else:
            # One path scan request at a time per client, each registered once acknowledged:
            # the server then starts the scans in the order they were registered, which is
            # how unnamed activities are matched to waits (see ``ScanClaims.owner``).
            async with _sending(client):
                await client.request(request)
                token = claims.register(section.key, path)
        tracker = ScanTracker(
            section_key=section.key,
            scanned_before=section.scanned_at,
            started=time.monotonic(),
            start_grace=options.start_grace,
            claims=claims if token is not None else None,
            token=token,
        )
        return await _follow(
            client,
            section,
            path,
            tracker,
            stream,
            deadline,
            options,
        )
    finally:
        if token is not None:
            claims.release(token)
        if stream is not None:
            await stream.stop()


async def _receive(stream: AsyncNotificationStream | None, timeout: float) -> Notification | None:
    """The next event, or None on timeout; a failed stream counts as ended (None)."""
    if stream is None:
        return None
    try:
        return await stream.receive(timeout=max(timeout, 0.0))
    except PlexError as exc:
        log.info("notifications failed (%s); polling instead", type(exc).__name__)
        return None


def _live(stream: AsyncNotificationStream | None) -> bool:
    return stream is not None and not stream.ended


async def _scan_poll(client: AsyncPlexClient, key: str) -> Polled:
    activities = await _activities(client)
    status = await _section_status(client, key)
    return Polled(
        activities,
        refreshing=bool(status and status.refreshing),
        scanned_at=status.scanned_at if status else None,
    )


async def _follow(
    client: AsyncPlexClient,
    section: Section,
    path: str | None,
    tracker: ScanTracker,
    stream: AsyncNotificationStream | None,
    deadline: float,
    options: ScanWait,
) -> ScanResult:
    """Drive `Follow` for one scan: do what it decides, feed it what happened."""
    follow = Follow(
        ScanJudge(tracker),
        interval=options.poll_interval,
        slow=max(_SAFETY_POLL, options.poll_interval * 15),
        deadline=deadline,
        now=time.monotonic(),
        streaming=stream is not None,
    )
    while True:
        step = follow.step(time.monotonic(), _live(stream))
        if isinstance(step, Expire):
            raise WaitTimeoutError(
                f"the scan of section {section.key} ({section.title!r}) did not finish in time",
                activities=tracker.activities,
            )
        if isinstance(step, Sleep):
            await async_sleep(step.seconds)
            continue
        if isinstance(step, Finish):
            outputs: tuple[Emit | Finish, ...] = (step,)
        elif isinstance(step, Receive):
            outputs = follow.notified(await _receive(stream, step.timeout), time.monotonic())
        else:
            outputs = follow.polled(await _scan_poll(client, section.key), time.monotonic())
        for output in outputs:
            if isinstance(output, Emit):
                _progress(options.on_progress, output.activity)
            else:
                return ScanResult(
                    section_key=section.key,
                    path=path,
                    via=output.via,
                    activities=tracker.activities,
                )


class AsyncActivityWatch:
    """Progress updates of one activity until it ends: an async iterator of `Activity`.

    The first update is the activity as it is now; then one per change (progress, subtitle);
    the last is its final state. Used plainly (``async for a in plex.activities.watch(u)``) it
    polls ``/activities``; inside ``async with`` it follows websocket notifications and polls
    only if they are unavailable. An activity that is not (or no longer) running ends the
    iteration at once. ``timeout`` raises `WaitTimeoutError`.
    """

    def __init__(
        self,
        client: AsyncPlexClient,
        uuid: str,
        *,
        poll_interval: float = 1.0,
        timeout: float | None = None,
        use_websocket: bool = True,
    ) -> None:
        if not isinstance(uuid, str) or not uuid.strip():
            raise ConfigurationError(f"uuid must be a non-empty string, not {uuid!r}")
        interval = _positive(poll_interval, "poll_interval")
        assert interval is not None
        self._client = client
        self.uuid = uuid.strip()
        self._interval = interval
        self._timeout = _positive(timeout, "timeout", allow_none=True, allow_inf=True)
        self._use_websocket = use_websocket
        self._stream: AsyncNotificationStream | None = None
        self._tracker = ActivityTracker(uuid=self.uuid)
        self._follow: Follow | None = None
        self.last: Activity | None = None
        """The last state yielded."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.uuid} done={self._tracker.done}>"

    @property
    def done(self) -> bool:
        """True once the activity ended (or was never found)."""
        return self._tracker.done

    async def __aenter__(self) -> AsyncActivityWatch:
        self._stream = await _open_stream(self._client, self._use_websocket)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            await stream.stop()

    def __aiter__(self) -> AsyncActivityWatch:
        return self

    async def __anext__(self) -> Activity:
        """Drive `Follow` until it emits the next state or the activity is over."""
        follow = self._follow or self._start()
        while not self._tracker.done:
            step = follow.step(time.monotonic(), _live(self._stream))
            if isinstance(step, Expire):
                raise WaitTimeoutError(
                    f"activity {self.uuid} did not end in time", activities=(self.uuid,)
                )
            if isinstance(step, Finish):
                self._tracker.done = True
                break
            if isinstance(step, Sleep):
                await async_sleep(step.seconds)
                continue
            if isinstance(step, Receive):
                event = await _receive(self._stream, step.timeout)
                outputs = follow.notified(event, time.monotonic())
            else:
                polled = Polled(await _activities(self._client))
                outputs = follow.polled(polled, time.monotonic())
            emitted = [o.activity for o in outputs if isinstance(o, Emit)]
            if any(isinstance(o, Finish) for o in outputs):
                self._tracker.done = True
            if emitted:
                self.last = emitted[-1]
                return emitted[-1]
        raise StopAsyncIteration

    def _start(self) -> Follow:
        now = time.monotonic()
        self._follow = Follow(
            ActivityJudge(self._tracker, final_wait=_FINAL_WAIT),
            interval=self._interval,
            slow=self._interval * _STREAM_POLL_FACTOR,
            deadline=None if self._timeout is None else now + self._timeout,
            now=now,
            streaming=self._stream is not None,
            poll_first=True,
        )
        return self._follow
