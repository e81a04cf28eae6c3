"""The server's notification feed: what ``/:/websockets/notifications`` pushes to clients.

Each event is the inner ``NotificationContainer`` object PMS sends, e.g. ``{"type": "activity",
"size": 1, "ActivityNotification": [{"event": "started", "uuid": ..., "Activity": {...}}]}`` or a
``timeline`` entry for a changed item. Events are numbered; a listener reads what came after
its cursor.
"""

from __future__ import annotations

import copy
import itertools
import threading
from collections import deque

from plexkit.testing.wire import Wire

_KEEP = 1000
"""Events kept for listeners that fall behind."""

TIMELINE_DONE = 5
"""``state`` of a timeline entry for an item whose processing finished."""


class Notifier:
    """A bounded, numbered log of notification events."""

    def __init__(self) -> None:
        self._events: deque[tuple[int, Wire]] = deque(maxlen=_KEEP)
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    def activity(self, event: str, activity: Wire) -> None:
        """Publish an activity ``started``/``updated``/``ended`` with a snapshot of it."""
        self.publish(
            {
                "type": "activity",
                "size": 1,
                "ActivityNotification": [
                    {"event": event, "uuid": activity["uuid"], "Activity": copy.deepcopy(activity)}
                ],
            }
        )

    def timeline(self, item: Wire, type_number: int, state: int = TIMELINE_DONE) -> None:
        """Publish a ``timeline`` entry for a library item (e.g. after an edit)."""
        self.publish(
            {
                "type": "timeline",
                "size": 1,
                "TimelineEntry": [
                    {
                        "identifier": "com.plexapp.plugins.library",
                        "sectionID": str(item.get("librarySectionID", "")),
                        "itemID": str(item["ratingKey"]),
                        "type": type_number,
                        "title": item.get("title", ""),
                        "state": state,
                        "updatedAt": item.get("updatedAt", 0),
                    }
                ],
            }
        )

    def publish(self, event: Wire) -> None:
        """Append an event."""
        with self._lock:
            self._events.append((next(self._numbers), event))

    def cursor(self) -> int:
        """The number of the latest event (listeners start after it)."""
        with self._lock:
            return self._events[-1][0] if self._events else 0

    def since(self, cursor: int) -> list[tuple[int, Wire]]:
        """Events numbered after ``cursor``, oldest first."""
        with self._lock:
            return [(number, event) for number, event in self._events if number > cursor]


class Websocket:
    """One open ``/:/websockets/notifications`` connection, as `Websockets` sees it."""

    def __init__(self) -> None:
        self.close_code: int | None = None
        """Set when the connection is to be dropped: the close code to send."""


class Websockets:
    """The open notification websockets of one app, so a test can drop them on demand."""

    def __init__(self) -> None:
        self._open: list[Websocket] = []
        self._lock = threading.Lock()
        self.drops = 0
        """How many connections `drop` has closed so far."""

    def connect(self) -> Websocket:
        """Register a new connection."""
        connection = Websocket()
        with self._lock:
            self._open.append(connection)
        return connection

    def disconnect(self, connection: Websocket) -> None:
        """Forget a connection that has closed."""
        with self._lock:
            if connection in self._open:
                self._open.remove(connection)

    def drop(self, code: int = 1011) -> int:
        """Close every open connection with ``code`` (1011: internal error, as a restarting
        server or a flaky proxy would); returns how many. No event published after this
        returns is delivered on them."""
        with self._lock:
            live = [c for c in self._open if c.close_code is None]
            for connection in live:
                connection.close_code = code
            self.drops += len(live)
            return len(live)

    def __len__(self) -> int:
        with self._lock:
            return len([c for c in self._open if c.close_code is None])
