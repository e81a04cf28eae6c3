"""The fake server's endpoints, one module per area; each exposes ``routes``.

To add an area (scans, websockets, plex.tv), write a module with a ``routes`` list and add
it to `default_routes`, or pass its routes to ``create_app(routes=...)``.
"""

from __future__ import annotations

from starlette.routing import BaseRoute

from plexkit.testing.routes import (
    artwork,
    browse,
    collections,
    hub_search,
    hubs,
    library,
    matching,
    media,
    metadata,
    notifications,
    play_queues,
    played,
    playlists,
    prefs,
    recent,
    related,
    scans,
    sections,
    server,
    statistics,
    status,
    system,
    transcode,
)


def default_routes() -> list[BaseRoute]:
    """Every built-in route, specific paths before catch-alls."""
    return [
        *server.routes,
        *collections.routes,
        *related.routes,
        *metadata.routes,
        *matching.routes,
        *artwork.routes,
        *scans.routes,
        *browse.routes,
        *recent.routes,
        *library.routes,
        *sections.routes,
        *hub_search.routes,
        *hubs.routes,
        *status.routes,
        *played.routes,
        *playlists.routes,
        *notifications.routes,
        *media.routes,
        *prefs.routes,
        *transcode.routes,
        *play_queues.routes,
        *system.routes,
        *statistics.routes,
    ]
