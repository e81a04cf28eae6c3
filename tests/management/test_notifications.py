"""The websocket listener against the fake server: typed events, the token in a header,
reconnects after a drop, clean stops, callbacks; and parsing real captured notifications."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import anyio
import pytest
from mgmt_helpers import Env, first_movie, next_matching, opened, resolve

from plexkit import (
    AsyncPlexClient,
    ConfigurationError,
    ForbiddenError,
    PlexClient,
    UnauthorizedError,
)
from plexkit._core.notifications import parse_container, parse_message, reconnect_delay
from plexkit.models.management import (
    ActivityEvent,
    ConnectionEvent,
    PlayingEvent,
    ProgressEvent,
    StatusEvent,
    TimelineEvent,
    TranscodeSessionEvent,
    UnknownEvent,
)
from plexkit.testing import FakePlexServer

CAPTURES = Path(__file__).parent.parent / "data" / "captures" / "PlexTraktSync"
WS_PATH = "/:/websockets/notifications"


def is_timeline(title: str) -> Any:
    return lambda e: isinstance(e, TimelineEvent) and e.title == title


@pytest.mark.anyio
async def test_typed_activity_and_timeline_events(env: Env) -> None:
    rk = first_movie(env).rating_key
    async with opened(env.plex.notifications.listen()) as events:
        assert events.connected and events.connects == 1
        await resolve(env.plex.library.refresh(2))
        started = await next_matching(
            events, lambda e: isinstance(e, ActivityEvent) and e.event == "started"
        )
        assert started.activity.type == "library.update.section"
        assert started.activity.context.library_section_id == 2
        ended = await next_matching(
            events, lambda e: isinstance(e, ActivityEvent) and e.event == "ended"
        )
        assert ended.uuid == started.uuid and ended.activity.progress == 100
        await resolve(env.plex.metadata.edit(rk, title="Heard Live"))
        entry = await next_matching(events, is_timeline("Heard Live"))
        assert (entry.item_id, entry.section_id, entry.item_type, entry.state) == (
            str(rk),
            "1",
            1,
            5,
        )
    assert not events.connected


@pytest.mark.anyio
async def test_the_token_goes_in_a_header_not_the_url(env: Env) -> None:
    async with opened(env.plex.notifications.listen()):
        pass
    [upgrade] = env.server.requests.matching(path=WS_PATH)
    assert upgrade.headers.get("x-plex-token") == env.server.token
    assert "X-Plex-Token" not in upgrade.params
    assert env.server.token not in repr(env.plex.notifications.listen())


@pytest.mark.anyio
async def test_types_filter_what_is_delivered(env: Env) -> None:
    rk = first_movie(env, 1).rating_key
    async with opened(env.plex.notifications.listen(types=["timeline"])) as events:
        await resolve(env.plex.library.refresh(1))
        await resolve(env.plex.metadata.edit(rk, summary="filtered"))
        event = await next_matching(events, lambda e: True)
    assert isinstance(event, TimelineEvent) and event.item_id == str(rk)


@pytest.mark.anyio
async def test_reconnects_after_a_drop_and_keeps_delivering(env: Env) -> None:
    rk = first_movie(env, 2).rating_key
    env.server.faults.add(path=WS_PATH, drop=True, skip=1, times=2)
    stream = env.plex.notifications.listen(backoff=0.01, max_backoff=0.05)
    async with opened(stream) as events:
        await resolve(env.plex.metadata.edit(rk, title="Before the drop"))
        await next_matching(events, is_timeline("Before the drop"))
        assert env.server.drop_websockets() == 1
        await resolve(env.plex.metadata.edit(rk, title="Lost with the connection"))
        lost = await next_matching(
            events, lambda e: isinstance(e, ConnectionEvent) and e.state == "disconnected"
        )
        assert lost.error
        back = await next_matching(
            events, lambda e: isinstance(e, ConnectionEvent) and e.state == "connected"
        )
        assert back.attempt == 3, "two reconnect attempts failed first"
        await resolve(env.plex.metadata.edit(rk, title="After the drop"))
        await next_matching(events, is_timeline("After the drop"))
        assert events.connects == 2 and env.server.websockets.drops == 1
    assert len(env.server.requests.matching(path=WS_PATH)) == 4


@pytest.mark.anyio
async def test_without_reconnect_a_drop_ends_the_stream(env: Env) -> None:
    rk = first_movie(env, 3).rating_key
    async with opened(env.plex.notifications.listen(reconnect=False)) as events:
        assert env.server.drop_websockets() == 1
        await resolve(env.plex.metadata.edit(rk, title="Dropped"))
        with anyio.fail_after(10):
            while not events.ended:
                try:
                    await resolve(events.receive(timeout=0.2))
                except Exception as exc:  # the drop, raised once
                    assert "closed the websocket" in str(exc)
        assert await resolve(events.receive(timeout=0.01)) is None


@pytest.mark.anyio
async def test_a_rejected_token_is_not_retried(
    server: FakePlexServer, url: str, anyio_backend: str
) -> None:
    async with (
        AsyncPlexClient(
            "http://plex.test", token="wrong-token", transport=server.websocket_transport()
        ) as plex,
        plex.notifications.listen(backoff=0.01) as events,
    ):
        with pytest.raises((UnauthorizedError, ForbiddenError)):
            await events.receive(timeout=10)
        assert events.connects == 0 and "wrong-token" not in repr(events.last_error)
    with (
        PlexClient(url, token="wrong-token") as sync_plex,
        sync_plex.notifications.listen(backoff=0.01) as sync_events,
        pytest.raises((UnauthorizedError, ForbiddenError)),
    ):
        sync_events.receive(timeout=10)
    assert len(server.requests.matching(path=WS_PATH)) == 2


@pytest.mark.anyio
async def test_callbacks_in_the_background(env: Env) -> None:
    rk = first_movie(env, 4).rating_key
    got: list[Any] = []
    errors: list[BaseException] = []

    def callback(event: Any) -> None:
        if isinstance(event, TimelineEvent) and event.title == "Boom":
            raise ValueError("callback bug")
        got.append(event)

    listener = env.plex.notifications.listen_in_background(
        callback, on_error=errors.append, types=("timeline",)
    )
    await resolve(listener.start())
    try:
        await resolve(env.plex.metadata.edit(rk, title="Boom"))
        await resolve(env.plex.metadata.edit(rk, title="Still listening"))
        with anyio.fail_after(10):
            while not any(getattr(e, "title", None) == "Still listening" for e in got):  # noqa: ASYNC110
                await anyio.sleep(0.01)
    finally:
        await resolve(listener.stop())
    assert [type(e) for e in errors] == [ValueError]
    assert all(isinstance(e, TimelineEvent) for e in got)
    assert not any(t.name == "plexkit-background" and t.is_alive() for t in threading.enumerate())
    with pytest.raises(ConfigurationError):
        await resolve(listener.start())


@pytest.mark.anyio
async def test_the_stream_must_be_started(env: Env) -> None:
    stream = env.plex.notifications.listen()
    with pytest.raises(ConfigurationError, match="start the listener"):
        await resolve(stream.receive(timeout=0))
    with pytest.raises(ConfigurationError):
        env.plex.notifications.listen(max_backoff=0)
    with pytest.raises(ConfigurationError):
        env.plex.notifications.listen(types=[""])


def test_sync_iteration_stops_cleanly(server: FakePlexServer, url: str) -> None:
    before = {t.ident for t in threading.enumerate()}
    with PlexClient(url, token=server.token) as plex:
        with plex.notifications.listen(types="timeline") as events:
            plex.metadata.edit(1, title="Iterated")
            for event in events:
                assert isinstance(event, TimelineEvent)
                if event.title == "Iterated":
                    break
        assert events.ended is False and not events.connected
        assert list(events) == [] or events.ended
    leftover = [
        t for t in threading.enumerate() if t.ident not in before and t.name == "plexkit-background"
    ]
    assert leftover == []


# -- parsing (pure) -------------------------------------------------------------------------


def test_real_activity_notifications_parse() -> None:
    single = json.loads((CAPTURES / "events.json").read_text())
    [event] = parse_container(single)
    assert isinstance(event, ActivityEvent) and event.event == "ended"
    assert event.activity is not None and event.activity.context is not None
    assert event.activity.context.key == "/library/metadata/10123"
    played = [
        e
        for c in json.loads((CAPTURES / "events-played.json").read_text())
        for e in parse_container(c)
    ]
    assert [e.event for e in played] == ["started", "updated", "updated", "updated", "ended"]
    assert [e.activity.progress for e in played] == [0, 0, 33, 66, 100]


def message(container: dict[str, Any]) -> str:
    return json.dumps({"NotificationContainer": container})


def test_every_event_type_parses() -> None:
    playing = parse_message(
        message(
            {
                "type": "playing",
                "size": 1,
                "PlaySessionStateNotification": [
                    {
                        "sessionKey": "12",
                        "clientIdentifier": "abc",
                        "guid": "",
                        "ratingKey": "5",
                        "key": "/library/metadata/5",
                        "viewOffset": 60000,
                        "playQueueItemID": 7,
                        "state": "paused",
                        "transcodeSession": "t1",
                    }
                ],
            }
        )
    )
    assert playing == (
        PlayingEvent(
            session_key="12",
            client_identifier="abc",
            guid="",
            rating_key="5",
            key="/library/metadata/5",
            view_offset=60000,
            play_queue_item_id=7,
            state="paused",
            transcode_session="t1",
        ),
    )
    [status] = parse_message(
        message(
            {
                "type": "status",
                "size": 1,
                "StatusNotification": [
                    {
                        "title": "Library scan complete",
                        "description": "",
                        "notificationName": "LIBRARY_UPDATE",
                    }
                ],
            }
        )
    )
    assert isinstance(status, StatusEvent) and status.notification_name == "LIBRARY_UPDATE"
    [progress] = parse_message(
        message({"type": "progress", "size": 1, "ProgressNotification": {"message": "Scanning"}})
    )
    assert progress == ProgressEvent(message="Scanning")
    [transcode] = parse_message(
        message(
            {
                "type": "transcodeSession.update",
                "size": 1,
                "TranscodeSession": [{"key": "t1", "progress": 42.5, "speed": "2.1"}],
            }
        )
    )
    assert isinstance(transcode, TranscodeSessionEvent) and transcode.action == "update"
    assert (transcode.session.progress, transcode.session.speed) == (42.5, 2.1)
    [other] = parse_message(message({"type": "reachability", "size": 1, "reachability": True}))
    assert isinstance(other, UnknownEvent) and other.type == "reachability"
    assert other.data["reachability"] is True


@pytest.mark.parametrize(
    "frame",
    [
        "",
        "not json",
        "[]",
        '{"NotificationContainer": 5}',
        '{"NotificationContainer": {"size": 1}}',
        message({"type": "timeline", "TimelineEntry": "oops"}),
        message({"type": "timeline", "TimelineEntry": [5, "x"]}),
        message({"type": "activity", "ActivityNotification": [{"Activity": {"progress": 3}}]}),
        b"\xff\xfe",
    ],
)
def test_unreadable_frames_yield_nothing(frame: str | bytes) -> None:
    assert parse_message(frame) == ()


def test_reconnect_delay_grows_and_is_capped() -> None:
    for attempt in range(1, 12):
        delay = reconnect_delay(attempt, base=0.5, cap=30.0)
        ceiling = min(30.0, 0.5 * 2 ** (attempt - 1))
        assert ceiling / 2 <= delay <= ceiling
