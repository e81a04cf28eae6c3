"""The dashboard's data: ``/devices``, ``/statistics/resources`` and ``/statistics/bandwidth``.

Shapes: ``/statistics/resources`` follows the capture ``python-plexapi/payloads.SERVER_RESOURCES
.xml`` (``StatisticsResources`` rows every 5 s, ``timespan="6"``). No capture or spec example
exists for ``/devices`` and ``/statistics/bandwidth``: their ``Device`` (``id``, ``name``,
``platform``, ``clientIdentifier``, ``createdAt``) and ``StatisticsBandwidth`` (``accountID``,
``deviceID``, ``timespan``, ``at``, ``lan``, ``bytes``) rows carry what python-plexapi's
``SystemDevice`` and ``StatisticsBandwidth`` read. Bandwidth is derived from the watch history:
each play streamed its item's size over the LAN, summed per account, device and time bin.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.generation import values
from plexkit.testing.generation.activity import DEVICES
from plexkit.testing.respond import HTTPError, container, context
from plexkit.testing.wire import Wire

_BIN_SECONDS = {1: 30 * 86400, 2: 7 * 86400, 3: 86400, 4: 3600, 6: 1}
"""Seconds per ``timespan`` (1 months, 2 weeks, 3 days, 4 hours, 6 seconds)."""
_RESOURCE_ROWS = 12
"""Samples ``/statistics/resources`` returns: the last minute, one every 5 seconds."""
_BANDWIDTH_FILTERS = frozenset(
    {"accountID", "deviceID", "lan", "at", "at<", "at>", "bytes", "bytes<", "bytes>"}
)


def _int(request: Request, name: str, default: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise HTTPError(400, f"{name} must be an integer") from None


async def devices(request: Request) -> Response:
    """``GET /devices``: the devices that have played from this server."""
    rows: list[Wire] = [
        {
            "id": number,
            "name": name,
            "platform": platform,
            "clientIdentifier": identifier,
            "createdAt": values.BASE_TIME - (400 - number) * 86400,
        }
        for number, (name, platform, identifier) in enumerate(DEVICES, start=1)
    ]
    mc: Wire = {"size": len(rows), "identifier": "com.plexapp.system.devices", "Device": rows}
    return container(request, mc)


async def resources(request: Request) -> Response:
    """``GET /statistics/resources?timespan=6``: CPU and memory use over the last minute."""
    timespan = _int(request, "timespan", 6)
    now = context(request).library.now()
    rows: list[Wire] = [
        {
            "timespan": timespan,
            "at": now - 5 * (_RESOURCE_ROWS - 1 - i),
            "hostCpuUtilization": round(5.0 + (i * 7) % 11, 3),
            "processCpuUtilization": round(0.2 + (i * 3) % 5 / 2, 3),
            "hostMemoryUtilization": round(64.0 + (i % 3) / 3, 3),
            "processMemoryUtilization": round(3.6 + (i % 4) / 100, 3),
        }
        for i in range(_RESOURCE_ROWS)
    ]
    return container(request, {"size": len(rows), "StatisticsResources": rows})


def _bandwidth_rows(request: Request, timespan: int) -> list[Wire]:
    """The history's plays as bandwidth, summed per account, device and ``timespan`` bin."""
    library = context(request).library
    width = _BIN_SECONDS[timespan]
    totals: dict[tuple[int, int, int], int] = {}
    for entry in library.history:
        node = library.node(str(entry["ratingKey"]))
        media = node.data.get("Media", []) if node is not None else []
        size = sum(int(p.get("size", 0)) for m in media[:1] for p in m.get("Part", ()))
        at = int(entry["viewedAt"]) // width * width
        key = (int(entry["accountID"]), int(entry["deviceID"]), at)
        totals[key] = totals.get(key, 0) + size
    return [
        {"accountID": a, "deviceID": d, "timespan": timespan, "at": at, "lan": True, "bytes": b}
        for (a, d, at), b in sorted(totals.items(), key=lambda kv: kv[0][2])
    ]


def _keep(row: Wire, name: str, value: int) -> bool:
    field, op = name.rstrip("<>"), name[len(name.rstrip("<>")) :]
    have = int(row[field])
    return have <= value if op == "<" else have >= value if op == ">" else have == value


async def bandwidth(request: Request) -> Response:
    """``GET /statistics/bandwidth?timespan=&accountID=&deviceID=&lan=&at>=&bytes>=``;
    ``at<``/``at>`` and ``bytes<``/``bytes>`` are inclusive bounds, as python-plexapi sends."""
    timespan = _int(request, "timespan", 6) or 6
    if timespan not in _BIN_SECONDS:
        raise HTTPError(400, "timespan must be 1, 2, 3, 4 or 6")
    rows = _bandwidth_rows(request, timespan)
    for name in request.query_params:
        if name in _BANDWIDTH_FILTERS:
            value = _int(request, name)
            rows = [row for row in rows if value is None or _keep(row, name, value)]
    return container(request, {"size": len(rows), "StatisticsBandwidth": rows})


routes: list[BaseRoute] = [
    Route("/devices", devices),
    Route("/statistics/resources", resources),
    Route("/statistics/bandwidth", bandwidth),
]
