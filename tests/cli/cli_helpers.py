"""Helpers for the command's tests: constants, JSON parsing of a run, approving a PIN."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

from typer.testing import Result

from plexkit.testing.plextv import FakePlexTV

PASSWORD = "correct horse battery"
TOKEN = "cli-owner-token-0123"

Run = Callable[..., Result]


def parse(result: Result) -> Any:
    """The JSON document on stdout of a successful run."""
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def parse_lines(result: Result) -> list[Any]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def approve_when_created(plextv: FakePlexTV, token: str) -> threading.Thread:
    """Approve the first PIN the command creates, as the user would in a browser."""

    def approve() -> None:
        deadline = time.monotonic() + 30
        while not plextv.pins and time.monotonic() < deadline:
            time.sleep(0.02)
        plextv.approve_pin(next(iter(plextv.pins)), token=token)

    thread = threading.Thread(target=approve, daemon=True)
    thread.start()
    return thread
