"""Server settings (``/:/prefs``), media providers (``/media/providers``) and the players
the server sees (``/clients``)."""

from __future__ import annotations

from typing import Any

import attrs

from plexkit.models._wire import sparse

__all__ = ["MediaProvider", "PlayerClient", "Setting"]


@sparse
@attrs.frozen(kw_only=True, slots=False)
class Setting:
    """One server preference. ``value`` and ``default`` keep the JSON type the server sent
    (bool, number or text); ``enum_values`` is Plex's ``"value:label|..."`` list."""

    id: str
    label: str | None = None
    summary: str | None = None
    type: str | None = None
    value: Any = None
    default: Any = None
    hidden: bool | None = None
    advanced: bool | None = None
    group: str | None = None
    enum_values: str | None = None

    @property
    def choices(self) -> dict[str, str]:
        """``enum_values`` as value -> label (empty when the setting is free-form)."""
        pairs = (entry.partition(":") for entry in (self.enum_values or "").split("|") if entry)
        return {value: label for value, _, label in pairs}


@sparse
@attrs.frozen(kw_only=True, slots=False)
class MediaProvider:
    """A media provider: ``identifier`` (``com.plexapp.plugins.library``), its media ``types``
    and ``protocols`` as Plex's comma-separated text."""

    identifier: str
    title: str | None = None
    types: str | None = None
    protocols: str | None = None


@sparse
@attrs.frozen(kw_only=True, slots=False)
class PlayerClient:
    """A player the server can see on the network (``/clients``)."""

    name: str | None = None
    host: str | None = None
    address: str | None = None
    port: int | None = None
    machine_identifier: str | None = None
    product: str | None = None
    platform: str | None = None
    platform_version: str | None = None
    device_class: str | None = None
    protocol: str | None = None
    protocol_version: str | None = None
    protocol_capabilities: str | None = None
    version: str | None = None
