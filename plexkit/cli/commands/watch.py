"""Watching the server: activities, who is playing, watch history, live notifications."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from itertools import islice
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plexkit.cli.commands.describe import item_label
from plexkit.cli.connection import open_client
from plexkit.cli.output import Column, Format, JsonFlag, JsonlFlag, Output, to_json

if TYPE_CHECKING:
    from plexkit import PlexClient
    from plexkit.models import Notification

__all__ = ["app", "parse_since"]

app = typer.Typer()
PANEL = "Watch"


@app.command(rich_help_panel=PANEL)
def activities(ctx: typer.Context, json: JsonFlag = False, jsonl: JsonlFlag = False) -> None:
    """List what the server is busy with: scans, analysis, refreshes, with progress.

    Examples: plexkit activities; plexkit activities --json
    """
    out = Output.choose(json, jsonl)
    with open_client(ctx) as plex:
        found = plex.activities.list()
    out.rows(
        found,
        (
            Column("TYPE", lambda a: a.type, max_width=26),
            Column("TITLE", lambda a: a.title, max_width=30),
            Column("PROGRESS", lambda a: a.progress, justify="right"),
            Column("UUID", lambda a: a.uuid[:8]),
        ),
        empty="the server is idle",
    )


@app.command(rich_help_panel=PANEL)
def sessions(ctx: typer.Context, json: JsonFlag = False, jsonl: JsonlFlag = False) -> None:
    """List what is playing now: who, what, on which player, direct play or transcode.

    Examples: plexkit sessions; plexkit sessions --jsonl | jq .player.title
    """
    out = Output.choose(json, jsonl)
    with open_client(ctx) as plex:
        found = plex.sessions.list()
    out.rows(
        found,
        (
            Column(
                "USER", lambda s: s.session_user.title if s.session_user else None, max_width=12
            ),
            Column("TITLE", lambda s: item_label(s.item), max_width=30),
            Column("PLAYER", lambda s: s.player.title if s.player else None, max_width=14),
            Column("STATE", lambda s: s.player.state if s.player else None),
            Column(
                "STREAM", lambda s: "transcode" if s.transcode_session else "direct", min_width=9
            ),
        ),
        empty="nothing is playing",
    )


_RELATIVE = re.compile(r"^(\d+)([mhdw])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str, *, now: datetime | None = None) -> datetime:
    """``7d``/``12h``/``30m``/``2w`` ago, or an ISO date or date-time (UTC unless it says)."""
    now = now or datetime.now(timezone.utc)
    relative = _RELATIVE.match(text.strip())
    if relative:
        amount, unit = int(relative.group(1)), _UNITS[relative.group(2)]
        return now - timedelta(**{unit: amount})
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not a date (2026-01-31), a date-time or an age like 7d",
            param_hint="--since",
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _account_id(plex: PlexClient, user: str) -> int:
    """The server account id of ``user`` (an id or a name, case-insensitively)."""
    if user.isdigit():
        return int(user)
    accounts = plex.raw.get("/accounts").get("Account") or []
    for account in accounts:
        if str(account.get("name", "")).casefold() == user.casefold():
            return int(account["id"])
    names = ", ".join(repr(a.get("name")) for a in accounts if a.get("name")) or "none"
    raise typer.BadParameter(f"no account named {user!r} (accounts: {names})", param_hint="--user")


@app.command(rich_help_panel=PANEL)
def history(
    ctx: typer.Context,
    user: Annotated[
        str | None, typer.Option(help="Only this account (name or id).", metavar="USER")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Only plays after this: 7d, 12h, 2026-01-31, ...", metavar="WHEN"),
    ] = None,
    section: Annotated[
        str | None, typer.Option(help="Only this section (key or title).", metavar="SECTION")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many plays.", min=1, metavar="N")] = 50,
    json: JsonFlag = False,
    jsonl: JsonlFlag = False,
) -> None:
    """List the watch history, newest first.

    Examples: plexkit history --since 7d; plexkit history --user ann --limit 10 --json
    """
    out = Output.choose(json, jsonl)
    moment = parse_since(since) if since else None
    with open_client(ctx) as plex:
        account = _account_id(plex, user) if user else None
        key = plex.library.section(section).key if section else None
        found = tuple(
            plex.history.iter(limit=limit, account_id=account, section_key=key, since=moment)
        )
    out.rows(
        found,
        (
            Column("WHEN", lambda h: h.viewed_at),
            Column("ACCOUNT", lambda h: h.account_id, justify="right"),
            Column("TITLE", item_label, max_width=44),
            Column("TYPE", lambda h: h.type),
        ),
        empty="no plays",
    )


def _event_json(event: Notification) -> dict[str, Any]:
    return {"type": event.type, **to_json(event)}


def _event_line(event: Notification) -> str:
    detail = {k: v for k, v in to_json(event).items() if not isinstance(v, (dict, list))}
    activity = getattr(event, "activity", None)
    if activity is not None:
        detail = {
            "event": detail.get("event"),
            "title": activity.title,
            "progress": activity.progress,
        }
    text = " ".join(f"{k}={v}" for k, v in detail.items() if v is not None)
    return f"{datetime.now().strftime('%H:%M:%S')} {event.type:<16} {text}"[:200]


@app.command(rich_help_panel=PANEL)
def notifications(
    ctx: typer.Context,
    type: Annotated[
        list[str] | None,
        typer.Option(
            "--type", help="Only these event types: activity, timeline, playing, status, ..."
        ),
    ] = None,
    count: Annotated[
        int | None, typer.Option(help="Stop after this many events.", min=1, metavar="N")
    ] = None,
    jsonl: JsonlFlag = False,
) -> None:
    """Print the server's live events (scans, plays, library changes) until Ctrl-C.

    Examples: plexkit notifications; plexkit notifications --type activity --jsonl
    """
    out = Output(Format.JSONL if jsonl else Format.TABLE)
    with open_client(ctx) as plex, plex.notifications.listen(types=type or None) as events:
        out.note("listening for notifications (Ctrl-C to stop)")
        stream: Iterator[Notification] = iter(events)
        for event in islice(stream, count):
            if jsonl:
                out.document(_event_json(event))
            else:
                out.console.print(_event_line(event), markup=False, overflow="ellipsis")
