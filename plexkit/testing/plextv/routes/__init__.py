"""The fake plex.tv's routes, one module per area (like the fake PMS's ``testing/routes``)."""

from __future__ import annotations

from plexkit.testing.plextv.endpoint import Endpoint
from plexkit.testing.plextv.routes import account, keys, pins, resources, users

__all__ = ["ENDPOINTS"]

ENDPOINTS: tuple[Endpoint, ...] = (
    *account.ENDPOINTS,
    *pins.ENDPOINTS,
    *keys.ENDPOINTS,
    *resources.ENDPOINTS,
    *users.ENDPOINTS,
)
