"""Request specs for the server's upkeep and dashboard: the butler's scheduled tasks, the
updater, the devices that played, and the resource and bandwidth statistics.

Kept apart from `plexkit._core.endpoints` (one module per job, each under the size limit).
Starting a butler task is the one write here that is not repeated on a lost answer: the
server would run it twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from plexkit._core.endpoints import RequestSpec, _clean, path_key
from plexkit.errors import ConfigurationError
from plexkit.types import ParamValue, Timespan

__all__ = [
    "TIMESPANS",
    "bandwidth",
    "butler_tasks",
    "check_for_update",
    "devices",
    "resources",
    "run_butler",
    "stop_butler",
    "update_status",
]

TIMESPANS: Final[dict[str, int]] = {"months": 1, "weeks": 2, "days": 3, "hours": 4, "seconds": 6}
"""Each `Timespan` and the number PMS's ``timespan=`` parameter takes for it."""


def butler_tasks() -> RequestSpec:
    """``GET /butler``: the scheduled maintenance tasks (their settings are preferences, so
    a preferences write makes a cached list stale, as it does for ``server``)."""
    return RequestSpec(method="GET", path="/butler", cache_name="server")


def _task_path(task: str | None) -> str:
    if task is None:
        return "/butler"
    if not isinstance(task, str):
        raise ConfigurationError(f"task must be a butler task name, not {type(task).__name__}")
    return f"/butler/{path_key(task, 'butler task name')}"


def run_butler(task: str | None = None) -> RequestSpec:
    """``POST /butler/{task}`` (one task now) or ``POST /butler`` (every enabled task).
    Not idempotent: a repeat after a lost answer could run the task twice."""
    return RequestSpec(method="POST", path=_task_path(task), idempotent=False)


def stop_butler(task: str | None = None) -> RequestSpec:
    """``DELETE /butler/{task}`` or ``DELETE /butler``; stopping twice is harmless."""
    return RequestSpec(method="DELETE", path=_task_path(task), idempotent=True)


def update_status() -> RequestSpec:
    """``GET /updater/status``: the last check and what it found (never cached: a check
    moves it)."""
    return RequestSpec(method="GET", path="/updater/status")


def check_for_update(*, download: bool = False) -> RequestSpec:
    """``PUT /updater/check?download=0|1``; checking (or starting the download) again only
    repeats the same check."""
    if not isinstance(download, bool):
        raise ConfigurationError(f"download must be True or False, not {type(download).__name__}")
    return RequestSpec(
        method="PUT",
        path="/updater/check",
        params={"download": "1" if download else "0"},
        idempotent=True,
    )


def devices() -> RequestSpec:
    """``GET /devices``: the devices that have played from this server."""
    return RequestSpec(method="GET", path="/devices", cache_name="server")


def _timespan(timespan: Timespan) -> int:
    number = TIMESPANS.get(timespan) if isinstance(timespan, str) else None
    if number is None:
        raise ConfigurationError(
            f"timespan must be one of {', '.join(TIMESPANS)}, not {timespan!r}"
        )
    return number


def resources(*, timespan: Timespan = "seconds") -> RequestSpec:
    """``GET /statistics/resources?timespan=``: host and server CPU and memory samples
    (live, never cached)."""
    return RequestSpec(
        method="GET",
        path="/statistics/resources",
        params={"timespan": str(_timespan(timespan))},
    )


def _id(value: int | None, what: str) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ConfigurationError(f"{what} must be an int >= 0, not {value!r}")
    return value


def _epoch(value: datetime | None, what: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise ConfigurationError(f"{what} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None:
        raise ConfigurationError(f"{what} must be a timezone-aware datetime")
    return int(value.timestamp())


def bandwidth(
    *,
    timespan: Timespan = "seconds",
    account_id: int | None = None,
    device_id: int | None = None,
    lan: bool | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> RequestSpec:
    """``GET /statistics/bandwidth``: bytes streamed per account, device and time bin,
    optionally of one account or device, only local (``lan=True``) or remote traffic, and
    bins from ``since`` to ``until`` (both inclusive: PMS reads ``at>``/``at<`` so)."""
    if lan is not None and not isinstance(lan, bool):
        raise ConfigurationError(f"lan must be True, False or None, not {type(lan).__name__}")
    start, end = _epoch(since, "since"), _epoch(until, "until")
    if start is not None and end is not None and start > end:
        raise ConfigurationError("since must not be after until")
    params: dict[str, ParamValue | None] = {
        "timespan": _timespan(timespan),
        "accountID": _id(account_id, "account"),
        "deviceID": _id(device_id, "device"),
        "lan": lan,
        "at>": start,
        "at<": end,
    }
    return RequestSpec(method="GET", path="/statistics/bandwidth", params=_clean(params))
