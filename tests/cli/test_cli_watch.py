"""Watching the server: activities, sessions, history and live notifications."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

from cli_helpers import TOKEN, Run, parse, parse_lines

from plexkit import PlexClient
from plexkit.cli.commands.watch import parse_since
from plexkit.testing import FakePlexServer


def test_activities_lists_a_running_scan(plex: Run, pms: FakePlexServer) -> None:
    assert parse(plex("activities", "--json")) == []
    assert "the server is idle" in plex("activities").stderr
    pms.library.scans.duration = 600.0
    try:
        plex("scan", "Movies")
        found = parse(plex("activities", "--json"))
        assert [a["type"] for a in found] == ["library.update.section"]
        assert 0 <= found[0]["progress"] <= 100
        table = plex("activities").stdout
        assert "library.update.section" in table and found[0]["uuid"][:8] in table
    finally:
        pms.library.scans.cancel(pms.library.sections[1])
        pms.library.scans.duration = 1.0


def test_sessions_table_and_json(plex: Run, pms: FakePlexServer) -> None:
    found = parse(plex("sessions", "--json"))
    assert len(found) == len(pms.library.sessions) > 0
    users = {s["session_user"]["title"] for s in found}
    assert "alice" in users
    table = plex("sessions").stdout
    assert table.splitlines()[0].split() == ["USER", "TITLE", "PLAYER", "STATE", "STREAM"]
    for session, line in zip(found, table.splitlines()[1:], strict=True):
        assert session["session_user"]["title"] in line
        assert line.split()[-1] == ("transcode" if "transcode_session" in session else "direct")


def test_history_filters(plex: Run) -> None:
    newest = parse(plex("history", "--limit", "5", "--json"))
    assert len(newest) == 5
    watched = [h["viewed_at"] for h in newest]
    assert watched == sorted(watched, reverse=True)

    alice = parse(plex("history", "--user", "alice", "--limit", "100", "--json"))
    assert alice and {h["account_id"] for h in alice} == {4201337}
    assert parse(plex("history", "--user", "4201337", "--limit", "100", "--json")) == alice

    middle = sorted(watched)[len(watched) // 2]
    since = parse(plex("history", "--since", middle, "--limit", "100", "--json"))
    assert since and all(h["viewed_at"] >= middle for h in since)
    assert "WHEN" in plex("history", "--limit", "3").stdout

    nobody = plex("history", "--user", "zed")
    assert nobody.exit_code == 2 and "alice" in nobody.output
    assert plex("history", "--since", "soon").exit_code == 2


def test_parse_since_reads_ages_and_dates() -> None:
    now = datetime(2026, 1, 10, 12, 0, tzinfo=timezone.utc)
    assert parse_since("7d", now=now) == datetime(2026, 1, 3, 12, 0, tzinfo=timezone.utc)
    assert parse_since("2h", now=now).hour == 10
    assert parse_since("2026-01-01", now=now) == datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_notifications_streams_live_events(plex: Run, pms: FakePlexServer) -> None:
    def scan_soon() -> None:
        deadline = time.monotonic() + 20
        while not len(pms.websockets) and time.monotonic() < deadline:
            time.sleep(0.02)
        with PlexClient(pms.url, token=TOKEN) as client:  # not the runner: it swaps stdout
            client.library.refresh(1)

    for args, check in (
        (("--jsonl",), "json"),
        ((), "table"),
    ):
        thread = threading.Thread(target=scan_soon, daemon=True)
        thread.start()
        result = plex("notifications", "--type", "activity", "--count", "2", *args)
        thread.join(timeout=20)
        assert result.exit_code == 0, result.output
        if check == "json":
            events = parse_lines(result)
            assert [e["type"] for e in events] == ["activity", "activity"]
            assert events[0]["activity"]["type"] == "library.update.section"
        else:
            lines = result.stdout.splitlines()
            assert len(lines) == 2 and all(" activity " in line for line in lines)
        time.sleep(1.2)  # let the scan end before the next round
