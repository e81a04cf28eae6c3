"""The ``client`` fixture (see ``tests.client.either``): each test runs against the sync
client (fake on loopback) and the async one (fake in-process), under every anyio backend."""

from tests.client.either import client

__all__ = ["client"]
