"""A faithful fake Plex Media Server for tests, demos and CI (no real server needed).

>>> from plexkit.testing import FakePlexServer
>>> server = FakePlexServer(movies=200, shows=20)
>>> server.faults.add(path="/library/sections", status=503, times=2)
>>> with server.run_in_thread() as url:
...     ...  # point any Plex client at url with token server.token
>>> server.requests.count("/library/sections")

``FakeTMDB`` and ``FakeTVDB`` serve TMDB v3 and TVDB v4 for the same library (what it
lacks on purpose is what they list beyond it). See ``docs/testing.md``. pytest users:
``-p plexkit.testing.pytest_plugin`` gives the ``plex_server``, ``plex_server_url``,
``plex_client`` and ``async_plex_client`` fixtures.
"""

from __future__ import annotations

try:
    import httpx_ws  # noqa: F401
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on what is installed
    raise ImportError(
        f"plexkit.testing needs the testing extra ({exc.name} is missing): "
        "pip install 'plexkit[testing]'"
    ) from exc

from plexkit._fake_sizes import LibrarySizes
from plexkit.testing.app import FakePlexApp, create_app
from plexkit.testing.faults import Fault, FaultInjector, FaultOptions
from plexkit.testing.library import FakeLibrary, VideoFile
from plexkit.testing.recorder import RecordedRequest, RequestLog
from plexkit.testing.runner import FakePlexServer
from plexkit.testing.store import Node, Section
from plexkit.testing.tmdb import FakeTMDB
from plexkit.testing.tokens import Tokens
from plexkit.testing.tvdb import FakeTVDB

__all__ = [
    "FakeLibrary",
    "FakePlexApp",
    "FakePlexServer",
    "FakeTMDB",
    "FakeTVDB",
    "Fault",
    "FaultInjector",
    "FaultOptions",
    "LibrarySizes",
    "Node",
    "RecordedRequest",
    "RequestLog",
    "Section",
    "Tokens",
    "VideoFile",
    "create_app",
]
