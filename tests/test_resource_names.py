"""One name per resource: ``plex.<name>`` is an instance of ``plexkit.resources.<Name>``
(``Async<Name>`` on the async client), the class named after the attribute (``play_queues``
is a ``PlayQueues``)."""

from __future__ import annotations

import plexkit.resources
from plexkit import AsyncPlexClient, PlexClient

RESOURCE_MODULES = ("plexkit._sync.resources", "plexkit._async.resources")


def _resources(client: object) -> dict[str, type]:
    """The client's resource groups by attribute (each built on first read)."""
    groups = {name: getattr(client, name) for name in dir(client) if not name.startswith("_")}
    return {
        name: type(value)
        for name, value in groups.items()
        if type(value).__module__.startswith(RESOURCE_MODULES)
    }


def test_every_resource_class_is_named_after_its_attribute_and_public() -> None:
    with PlexClient("http://pms.test:32400", token="t") as plex:
        sync = _resources(plex)
    assert {"library", "artworks", "history", "urls"} <= set(sync)
    for attribute, cls in sync.items():
        assert cls.__name__.casefold() == attribute.replace("_", "").casefold(), (attribute, cls)
        assert getattr(plexkit.resources, cls.__name__) is cls
        assert cls.__name__ in plexkit.resources.__all__


def test_async_twins_carry_the_async_prefix() -> None:
    with PlexClient("http://pms.test:32400", token="t") as plex:
        sync = _resources(plex)
    asynchronous = _resources(AsyncPlexClient("http://pms.test:32400", token="t"))
    assert set(asynchronous) == set(sync)
    for attribute, cls in asynchronous.items():
        assert cls.__name__ == "Async" + sync[attribute].__name__
        assert getattr(plexkit.resources, cls.__name__) is cls
