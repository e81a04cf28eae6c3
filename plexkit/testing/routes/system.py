"""Server maintenance: the butler (``/butler``, ``/butler/{task}``), the updater
(``/updater/status``, ``/updater/check``) and live TV (``/livetv/dvrs``, ``/livetv/sessions``).

Shapes: ``/butler`` follows the spec's ``getButlerTasks`` example (root ``ButlerTasks``, not
``MediaContainer``, with the same 22 tasks); ``/updater/status`` follows the captures
``home-assistant-core/release_nochange.xml`` and the spec's ``getUpdatesStatus`` example (one
``Release``: the installed version, nothing newer). The fake has no tuner, so the live TV
answers are the empty containers of the spec's ``getDvrs`` and ``getLiveTVSessions`` shapes.
"""

from __future__ import annotations

from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from plexkit.testing.respond import HTTPError, container, context
from plexkit.testing.wire import Wire

_BACKUP = "Create a backup copy of the server's database in the configured backup directory"
#: ``(name, interval in days, scheduleRandomized, enabled)`` as the spec's example lists them.
BUTLER_TASKS: Final = (
    ("AutomaticUpdates", 1, False, False),
    ("BackupDatabase", 3, False, True),
    ("ButlerTaskGenerateAdMarkers", 1, False, False),
    ("ButlerTaskGenerateCreditsMarkers", 1, True, True),
    ("ButlerTaskGenerateIntroMarkers", 1, False, True),
    ("ButlerTaskGenerateVoiceActivity", 1, True, True),
    ("CleanOldBundles", 7, False, True),
    ("CleanOldCacheFiles", 7, False, True),
    ("DeepMediaAnalysis", 1, False, True),
    ("GarbageCollectBlobs", 7, False, True),
    ("GarbageCollectLibraryMedia", 1, False, True),
    ("GenerateBlurHashes", 1, False, True),
    ("GenerateChapterThumbs", 1, False, True),
    ("GenerateMediaIndexFiles", 1, False, False),
    ("LoudnessAnalysis", 1, False, True),
    ("MusicAnalysis", 1, False, True),
    ("OptimizeDatabase", 7, False, True),
    ("RefreshEpgGuides", 1, True, True),
    ("RefreshLibraries", 1, False, False),
    ("RefreshLocalMedia", 3, False, True),
    ("RefreshPeriodicMetadata", 1, True, True),
    ("UpgradeMediaAnalysis", 1, False, True),
)
_TITLES = {"BackupDatabase": ("Backup Database", _BACKUP)}
_DOWNLOAD = "https://plex.tv/downloads/latest/5?channel=0&build=linux-x86_64&distro=debian"


def _task(name: str, interval: int, randomized: bool, enabled: bool) -> Wire:
    task: Wire = {
        "name": name,
        "interval": interval,
        "scheduleRandomized": randomized,
        "enabled": enabled,
    }
    if name in _TITLES:
        task["title"], task["description"] = _TITLES[name]
    return task


async def butler(request: Request) -> Response:
    """``GET /butler``: the scheduled maintenance tasks."""
    tasks = [_task(*task) for task in BUTLER_TASKS]
    return container(request, {"ButlerTask": tasks}, root="ButlerTasks")


async def butler_all(request: Request) -> Response:
    """``POST /butler`` (start every enabled task) and ``DELETE /butler`` (stop them all)."""
    return Response(status_code=200)


async def butler_task(request: Request) -> Response:
    """``POST``/``PUT /butler/{task}`` (start one now) and ``DELETE`` (stop it); 404 for a
    task PMS does not have."""
    if request.path_params["task"] not in {task[0] for task in BUTLER_TASKS}:
        raise HTTPError(404, "no such butler task")
    return Response(status_code=200)


def _checked_at(request: Request) -> int:
    ctx = context(request)
    if ctx.updater_checked_at is None:
        ctx.updater_checked_at = ctx.library.now()
    return ctx.updater_checked_at


async def updater_status(request: Request) -> Response:
    """``GET /updater/status``: the last check and its release (the installed version)."""
    server = context(request).library.server
    release: Wire = {
        "key": "https://plex.tv/updater/releases/1",
        "version": server["version"],
        "added": "",
        "fixed": "",
        "downloadURL": "",
        "state": "notify",
    }
    mc: Wire = {
        "size": 1,
        "autoUpdateVersion": 1,
        "canInstall": False,
        "checkedAt": _checked_at(request),
        "downloadURL": _DOWNLOAD,
        "status": 0,
        "Release": [release],
    }
    return container(request, mc)


async def updater_check(request: Request) -> Response:
    """``PUT /updater/check?download=0|1``: check now (``checkedAt`` moves)."""
    context(request).updater_checked_at = context(request).library.now()
    return Response(status_code=200)


async def empty(request: Request) -> Response:
    """``GET /livetv/dvrs`` and ``/livetv/sessions``: no tuner, so nothing."""
    return container(request, {"size": 0})


routes: list[BaseRoute] = [
    Route("/butler", butler, methods=["GET"]),
    Route("/butler", butler_all, methods=["POST", "DELETE"]),
    Route("/butler/{task}", butler_task, methods=["POST", "PUT", "DELETE"]),
    Route("/updater/status", updater_status),
    Route("/updater/check", updater_check, methods=["PUT"]),
    Route("/livetv/dvrs", empty),
    Route("/livetv/sessions", empty),
]
