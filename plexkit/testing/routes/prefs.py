"""Server preferences: ``GET /:/prefs`` (the ``Setting`` list) and ``PUT /:/prefs?id=value``;
and ``GET /clients`` (players on the network: none on the fake).

The settings are a subset of ``plex-api.rs/server/prefs.json`` (a real PMS 1.2x answer; the
long ``summary`` texts left empty), with the fake's name and machine id filled in; a ``PUT`` of
an unknown id or of a value of the wrong type is a 400, like PMS. ``/clients`` follows
``home-assistant-core/empty_payload.xml``.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.respond import HTTPError, container, context
from plexkit.testing.wire import Wire

_HOURS = "|".join(f"{hour}:{hour}:00" for hour in range(24))
SETTINGS: tuple[Wire, ...] = tuple(
    [
        {
            "id": "FriendlyName",
            "label": "Friendly name",
            "summary": "",
            "type": "text",
            "default": "",
            "value": "",
            "hidden": False,
            "advanced": False,
            "group": "general",
        },
        {
            "id": "sendCrashReports",
            "label": "Send crash reports to Plex",
            "summary": "",
            "type": "bool",
            "default": True,
            "value": True,
            "hidden": False,
            "advanced": False,
            "group": "general",
        },
        {
            "id": "FSEventLibraryUpdatesEnabled",
            "label": "Scan my library automatically",
            "summary": "",
            "type": "bool",
            "default": False,
            "value": True,
            "hidden": False,
            "advanced": False,
            "group": "library",
        },
        {
            "id": "ScheduledLibraryUpdatesEnabled",
            "label": "Scan my library periodically",
            "summary": "",
            "type": "bool",
            "default": False,
            "value": True,
            "hidden": False,
            "advanced": False,
            "group": "library",
        },
        {
            "id": "ScheduledLibraryUpdateInterval",
            "label": "Library scan interval",
            "summary": "",
            "type": "int",
            "default": 3600,
            "value": 86400,
            "hidden": False,
            "advanced": False,
            "group": "library",
            "enumValues": "900:every 15 minutes|1800:every 30 "
            "minutes|3600:hourly|7200:every 2 hours|21600:every "
            "6 hours|43200:every 12 hours|86400:daily",
        },
        {
            "id": "autoEmptyTrash",
            "label": "Empty trash automatically after every scan",
            "summary": "",
            "type": "bool",
            "default": True,
            "value": True,
            "hidden": False,
            "advanced": False,
            "group": "library",
        },
        {
            "id": "allowMediaDeletion",
            "label": "Allow media deletion",
            "summary": "",
            "type": "bool",
            "default": True,
            "value": True,
            "hidden": False,
            "advanced": True,
            "group": "library",
        },
        {
            "id": "OnDeckWindow",
            "label": "Weeks to consider for Continue Watching",
            "summary": "",
            "type": "int",
            "default": 16,
            "value": 16,
            "hidden": False,
            "advanced": True,
            "group": "library",
        },
        {
            "id": "MachineIdentifier",
            "label": "A unique identifier for the machine",
            "summary": "",
            "type": "text",
            "default": "",
            "value": "",
            "hidden": True,
            "advanced": False,
            "group": "",
        },
        {
            "id": "TranscoderQuality",
            "label": "Transcoder quality",
            "summary": "",
            "type": "int",
            "default": 0,
            "value": 2,
            "hidden": False,
            "advanced": False,
            "group": "transcoder",
            "enumValues": "0:Automatic|1:Prefer higher speed encoding|2:Prefer "
            "higher quality encoding|3:Make my CPU hurt",
        },
        {
            "id": "TranscoderTempDirectory",
            "label": "Transcoder temporary directory",
            "summary": "",
            "type": "text",
            "default": "",
            "value": "/transcode",
            "hidden": False,
            "advanced": True,
            "group": "transcoder",
        },
        {
            "id": "BackgroundQueueIdlePaused",
            "label": "",
            "summary": "",
            "type": "bool",
            "default": False,
            "value": False,
            "hidden": True,
            "advanced": False,
            "group": "",
        },
        {
            "id": "WanPerStreamMaxUploadRate",
            "label": "Limit remote stream bitrate",
            "summary": "",
            "type": "int",
            "default": 0,
            "value": 0,
            "hidden": True,
            "advanced": False,
            "group": "",
            "enumValues": "0:Original (No limit)|40000:40 Mbps (4k)|30000:30 "
            "Mbps (4k)|25000:25 Mbps (4k)|20000:20 Mbps "
            "(1080p)|15000:15 Mbps (1080p)|12000:12 Mbps "
            "(1080p)|10000:10 Mbps (1080p)|8000:8 Mbps "
            "(1080p)|4000:4 Mbps (720p)|3000:3 Mbps "
            "(720p)|2000:2 Mbps (480p)|1500:1.5 Mbps "
            "(480p)|720:720 kbps|320:320 kbps",
        },
        {
            "id": "LanNetworksBandwidth",
            "label": "LAN Networks",
            "summary": "",
            "type": "text",
            "default": "",
            "value": "",
            "hidden": False,
            "advanced": True,
            "group": "network",
        },
        {
            "id": "RelayEnabled",
            "label": "Enable Relay",
            "summary": "",
            "type": "bool",
            "default": True,
            "value": True,
            "hidden": False,
            "advanced": True,
            "group": "network",
        },
        {
            "id": "logDebug",
            "label": "Enable Plex Media Server debug logging",
            "summary": "",
            "type": "bool",
            "default": True,
            "value": True,
            "hidden": False,
            "advanced": True,
            "group": "general",
        },
        {
            "id": "customConnections",
            "label": "Custom server access URLs",
            "summary": "",
            "type": "text",
            "default": "",
            "value": "https://example.com",
            "hidden": False,
            "advanced": True,
            "group": "network",
        },
        {
            "id": "allowedNetworks",
            "label": "List of IP addresses and networks that are allowed without auth",
            "summary": "",
            "type": "text",
            "default": "",
            "value": "",
            "hidden": False,
            "advanced": True,
            "group": "network",
        },
        {
            "id": "WebHooksEnabled",
            "label": "Webhooks",
            "summary": "",
            "type": "bool",
            "default": True,
            "value": True,
            "hidden": False,
            "advanced": True,
            "group": "network",
        },
        {
            "id": "ButlerStartHour",
            "label": "Time at which tasks start to run",
            "summary": "",
            "type": "int",
            "default": 2,
            "value": 1,
            "hidden": False,
            "advanced": False,
            "group": "butler",
            "enumValues": _HOURS,
        },
        {
            "id": "ButlerEndHour",
            "label": "Time at which tasks stop running",
            "summary": "",
            "type": "int",
            "default": 5,
            "value": 7,
            "hidden": False,
            "advanced": False,
            "group": "butler",
            "enumValues": _HOURS,
        },
        {
            "id": "GenerateIntroMarkerBehavior",
            "label": "Generate intro video markers",
            "summary": "",
            "type": "text",
            "default": "asap",
            "value": "asap",
            "hidden": False,
            "advanced": False,
            "group": "library",
            "enumValues": "never:never|scheduled:as a scheduled task|asap:as a "
            "scheduled task and when media is added",
        },
    ]
)
"""The settings the fake knows, as the capture lists them (value = the capture's)."""


def settings(store_prefs: dict[str, object], server: Wire) -> list[Wire]:
    """The settings with the server's own and any changed values."""
    own = {"FriendlyName": server["friendlyName"], "MachineIdentifier": server["machineIdentifier"]}
    return [
        {**s, "value": store_prefs.get(s["id"], own.get(s["id"], s["value"]))} for s in SETTINGS
    ]


def _cast(setting: Wire, raw: str) -> Any:
    kind = setting["type"]
    if kind == "bool":
        if raw.lower() not in ("1", "0", "true", "false"):
            raise HTTPError(400, f"{setting['id']} takes true or false")
        return raw.lower() in ("1", "true")
    if kind in ("int", "double"):
        try:
            value: Any = int(raw) if kind == "int" else float(raw)
        except ValueError:
            raise HTTPError(400, f"{setting['id']} takes a number") from None
        choices = setting.get("enumValues")
        if choices and str(raw) not in {c.split(":", 1)[0] for c in choices.split("|")}:
            raise HTTPError(400, f"{setting['id']} takes one of its listed values")
        return value
    return raw


async def get_prefs(request: Request) -> Response:
    """``GET /:/prefs``: every setting with its current value."""
    library = context(request).library
    items = settings(library.prefs, library.server)
    return container(request, {"size": len(items), "Setting": items})


async def set_prefs(request: Request) -> Response:
    """``PUT /:/prefs?FriendlyName=...``: change settings (all or nothing)."""
    library = context(request).library
    known = {s["id"]: s for s in SETTINGS}
    changes: dict[str, object] = {}
    for name, raw in request.query_params.multi_items():
        if name.startswith("X-Plex-"):
            continue
        if name not in known:
            raise HTTPError(400, f"unknown preference {name}")
        changes[name] = _cast(known[name], raw)
    with library.lock:
        library.prefs.update(changes)
        if changes.get("FriendlyName"):
            library.server["friendlyName"] = str(changes["FriendlyName"])
    return Response(status_code=200)


async def clients(request: Request) -> Response:
    """``GET /clients``: no players advertise themselves to the fake."""
    return container(request, {"size": 0})


routes: list[BaseRoute] = [
    Route("/:/prefs", get_prefs, methods=["GET"]),
    Route("/:/prefs", set_prefs, methods=["PUT"]),
    Route("/clients", clients),
]
