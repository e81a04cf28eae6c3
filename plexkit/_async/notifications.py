"""Live server notifications over ``/:/websockets/notifications``, with reconnects.

``plex.notifications.listen()`` opens the websocket in a background task (a thread for the
sync client) that parses each frame into typed events and queues them; iterating the stream
takes them off the queue. A dropped connection is reopened with jittered exponential backoff,
and a `ConnectionEvent` tells the consumer that events may
have been missed. The token goes in the ``X-Plex-Token`` header of the upgrade request, never
in the URL. Needs ``httpx-ws`` (``pip install 'plexkit[notifications]'``).

The background reader is why the stream is a context manager: it must be entered and left in
the same task (``async with``), which also guarantees it stops cleanly.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from plexkit._core.notifications import (
    NOTIFICATIONS_PATH,
    ListenOptions,
    ListenSettings,
    StreamOptions,
    parse_message,
    reconnect_delay,
    wanted,
)
from plexkit._http import httpx_ws
from plexkit._redact import get_logger, redact_text
from plexkit._synchronization import (
    AsyncBackgroundTask,
    AsyncEvent,
    AsyncQueue,
    async_receive_text,
)
from plexkit._ws_errors import describe, is_fatal, websocket_error
from plexkit.errors import ConfigurationError, PlexError, TransportError

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from plexkit._async.client import AsyncPlexClient
    from plexkit.models.management import ConnectionEvent, Notification

__all__ = ["AsyncNotificationStream", "AsyncNotifications", "ErrorCallback", "EventCallback"]

log = get_logger(__name__)

EventCallback: TypeAlias = "Callable[[Notification], object]"
ErrorCallback = Callable[[BaseException], object]


class _End:
    """Queued last: the reader has finished."""


_END: Final = _End()


class AsyncNotifications:
    """Server notifications: ``listen()`` for an iterator, ``listen_in_background()`` for
    callbacks."""

    def __init__(self, client: AsyncPlexClient) -> None:
        self._client = client

    def listen(self, **options: Unpack[StreamOptions]) -> AsyncNotificationStream:
        """A stream of typed events; use it as ``async with ... as events: async for e in
        events``.

        ``types`` keeps only these event types (``"activity"``, ``"timeline"``,
        ``"playing"``, ``"status"``, ``"progress"``, ``"transcodeSession"``, ``"connection"``,
        or any raw type PMS sends). ``reconnect=False`` ends the stream with the error when
        the connection drops. At most ``max_queue`` unread events are kept; later ones are
        dropped and counted in ``stream.dropped``. The options and their defaults:
        `StreamOptions`.
        """
        return AsyncNotificationStream(self._client, ListenSettings.checked(options))

    def listen_in_background(
        self,
        callback: EventCallback,
        *,
        on_error: ErrorCallback | None = None,
        **options: Unpack[ListenOptions],
    ) -> AsyncNotificationStream:
        """Call ``callback(event)`` for each event from a background task (the sync client: a
        daemon thread) between ``start()`` and ``stop()``, or inside ``async with``.

        Exceptions from ``callback`` go to ``on_error`` (or the log) and do not stop the
        listener; so do fatal errors such as a rejected token. ``options`` are those of
        `listen` but ``max_queue``.
        """
        if not callable(callback):
            raise ConfigurationError("callback must be callable")
        settings = ListenSettings.checked(options, max_queue=0)
        return AsyncNotificationStream(self._client, settings, callback=callback, on_error=on_error)


class AsyncNotificationStream:
    """A running notification listener: an async iterator of typed events.

    ``connected`` tells whether the websocket is open now, ``connects`` how many times it
    opened, ``dropped`` how many events were discarded because nobody read them, and
    ``last_error`` why the last connection failed.
    """

    def __init__(
        self,
        client: AsyncPlexClient,
        settings: ListenSettings | None = None,
        *,
        callback: EventCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        settings = settings or ListenSettings()
        self._client = client
        self._types = settings.types
        self._reconnect = settings.reconnect
        self._backoff = settings.backoff
        self._max_backoff = settings.max_backoff
        self._connect_timeout = settings.connect_timeout
        self._ping_interval = settings.ping_interval
        self._max_queue = settings.max_queue
        self._callback = callback
        self._on_error = on_error
        self._queue: AsyncQueue[Notification | PlexError | _End] = AsyncQueue()
        # Two counters, each written by one side only (the reader puts, the consumer takes),
        # so the sync twin's threads never lose an update: unread = put - taken.
        self._put = 0
        self._taken = 0
        self._stop = AsyncEvent()
        self._attempted = AsyncEvent()
        self._frames = 0
        self._task: AsyncBackgroundTask | None = None
        self._started = False
        self._ended = False
        self.connected = False
        self.connects = 0
        self.dropped = 0
        self.last_error: PlexError | None = None

    def __repr__(self) -> str:
        state = "connected" if self.connected else "ended" if self._ended else "not connected"
        return f"<{type(self).__name__} {state} connects={self.connects}>"

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> AsyncNotificationStream:
        """Start listening; returns once the first connection attempt has finished."""
        if self._started:
            raise ConfigurationError("this listener was already started; call listen() again")
        self._started = True
        task = AsyncBackgroundTask(self._run, stop=self._stop.set)
        await task.__aenter__()
        self._task = task
        try:
            await self._attempted.wait(self._connect_timeout + 1.0)
        except BaseException as exc:
            # Cancelled (or interrupted) while starting: the caller's ``__aexit__`` will not
            # run, so close the task group here, in the task that opened it, then re-raise.
            self._task = None
            self._stop.set()
            await task.__aexit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    async def stop(self) -> None:
        """Stop listening and close the websocket (idempotent)."""
        task, self._task = self._task, None
        self._stop.set()
        if task is not None:
            await task.__aexit__(None, None, None)
        self._queue.close()

    async def aclose(self) -> None:
        """Same as `stop`."""
        await self.stop()

    async def __aenter__(self) -> AsyncNotificationStream:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # -- consuming -------------------------------------------------------------------------

    def __aiter__(self) -> AsyncNotificationStream:
        return self

    async def __anext__(self) -> Notification:
        event = await self._take(None)
        if event is None:
            raise StopAsyncIteration
        return event

    async def receive(self, timeout: float | None = None) -> Notification | None:
        """The next event, or None if none came within ``timeout`` or the stream ended.

        Raises the error that ended the stream (such as `UnauthorizedError`).
        """
        if timeout is not None and (
            isinstance(timeout, bool)
            or not isinstance(timeout, (int, float))
            or math.isnan(timeout)
            or timeout < 0
        ):
            raise ConfigurationError(f"timeout must be a number >= 0 or None, not {timeout!r}")
        return await self._take(timeout)

    @property
    def ended(self) -> bool:
        """True once the listener stopped for good (stopped, or failed without reconnect)."""
        return self._ended

    async def _take(self, timeout: float | None) -> Notification | None:
        if not self._started:
            raise ConfigurationError(
                "start the listener first: async with plex.notifications.listen() as events"
            )
        if self._callback is not None:
            raise ConfigurationError("a listen_in_background() listener delivers to its callback")
        if self._ended or (self._task is None and self._stop.is_set()):
            return None  # ended, or stopped (its queue is closed)
        try:
            item = await self._queue.get(timeout)
        except TimeoutError:
            return None
        self._taken += 1
        if isinstance(item, _End):
            self._ended = True
            return None
        if isinstance(item, PlexError):
            raise item
        return item

    # -- the background reader -------------------------------------------------------------

    def _emit(self, item: Notification | PlexError) -> None:
        if self._callback is not None:
            try:
                if isinstance(item, PlexError):
                    self._report(item)
                else:
                    self._callback(item)
            except Exception as exc:
                self._report(exc)
            return
        unread = self._put - self._taken
        if self._max_queue and unread >= self._max_queue and not isinstance(item, PlexError):
            self.dropped += 1
            return
        self._put += 1
        self._queue.put_nowait(item)

    def _report(self, error: BaseException) -> None:
        if self._on_error is None:
            log.error("notification callback failed: %s", redact_text(repr(error)))
            return
        try:
            self._on_error(error)
        except Exception as exc:
            log.error("notification on_error callback failed: %s", redact_text(repr(exc)))

    async def _run(self) -> None:
        attempt = 0
        try:
            while not self._stop.is_set():
                attempt += 1
                healthy, error = await self._session(attempt)
                if healthy:
                    # The connection worked (a frame came, or it stayed up a while): the
                    # next connection is the first attempt again. A server that accepts and
                    # at once closes keeps backing off.
                    attempt = 0
                if error is None or self._stop.is_set():
                    break
                self.last_error = error
                if is_fatal(error) or not self._reconnect:
                    self._emit(error)
                    break
                delay = reconnect_delay(max(attempt, 1), base=self._backoff, cap=self._max_backoff)
                log.info("notifications: reconnecting in %.2fs (%s)", delay, type(error).__name__)
                if await self._stop.wait(delay):
                    break
        except Exception as exc:  # a bug must end the stream visibly, not hang the consumer
            self._emit(TransportError(f"the notification listener failed: {describe(exc)}"))
        finally:
            self.connected = False
            self._ended = self._ended or self._callback is not None
            self._attempted.set()
            self._put += 1
            self._queue.put_nowait(_END)

    async def _session(self, attempt: int) -> tuple[bool, PlexError | None]:
        """One connection: open, read until stopped or dropped. ``(healthy, error)``:
        healthy when it delivered a frame or stayed open at least ``max_backoff`` seconds."""
        from plexkit.models.management import ConnectionEvent

        opened = False
        self._frames = 0
        opened_at = 0.0
        try:
            async with self._connect() as ws:
                opened = True
                opened_at = time.monotonic()
                self.connected = True
                self.connects += 1
                self._attempted.set()
                log.debug("notifications: connected (attempt %d)", attempt)
                self._emit_connection(ConnectionEvent(state="connected", attempt=attempt))
                await self._read(ws)
            return True, None
        except PlexError as exc:
            error: PlexError = exc
        except Exception as exc:
            error = websocket_error(exc, NOTIFICATIONS_PATH)
        finally:
            self.connected = False
            self._attempted.set()
        healthy = opened and (self._frames > 0 or time.monotonic() - opened_at >= self._max_backoff)
        if opened:
            self._emit_connection(
                ConnectionEvent(state="disconnected", attempt=attempt, error=str(error))
            )
        return healthy, error

    def _emit_connection(self, event: ConnectionEvent) -> None:
        if wanted(event, self._types):
            self._emit(event)

    def _connect(self) -> Any:
        return self._client.websocket(
            NOTIFICATIONS_PATH,
            connect_timeout=self._connect_timeout,
            ping_interval=self._ping_interval,
        )

    async def _read(self, ws: Any) -> None:
        invalid_type = httpx_ws().WebSocketInvalidTypeReceived
        while not self._stop.is_set():
            try:
                text = await async_receive_text(ws, self._stop)
            except invalid_type:
                continue
            if text is None:
                return
            self._frames += 1
            for event in parse_message(text):
                if wanted(event, self._types):
                    self._emit(event)
