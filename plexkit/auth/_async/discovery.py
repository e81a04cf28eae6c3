"""Server discovery: pick a server from plex.tv's resources and the best connection that answers."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from plexkit._redact import get_logger, redact_url
from plexkit._synchronization import async_gather
from plexkit.auth import PROBE_TIMEOUT
from plexkit.auth.connections import candidates, choose_server
from plexkit.auth.models import Resource, ServerConnection
from plexkit.errors import TransportError

if TYPE_CHECKING:
    from plexkit import AsyncPlexClient
    from plexkit.auth import AsyncPlexTV

__all__ = ["async_choose_connection", "async_connect_server", "async_find_server"]

log = get_logger(__name__)


async def async_choose_connection(
    plextv: AsyncPlexTV, resource: Resource, *, probe_timeout: float = PROBE_TIMEOUT
) -> ServerConnection:
    """Probe every candidate URL of ``resource`` at once and return the best that answered.

    "Best" is the ranking of `plexkit.auth.connections.candidates` (local → remote →
    relay, https first); each probe is ``GET /identity`` with the resource's own token, bounded
    by ``probe_timeout``. Raises `TransportError` when none answers.
    """
    options = candidates(resource)
    probes = [
        partial(
            plextv.probe,
            option.url,
            resource.access_token,
            machine_identifier=resource.client_identifier,
            timeout=probe_timeout,
        )
        for option in options
    ]
    results = await async_gather(probes)
    for option, answered in zip(options, results, strict=True):
        if answered is True:
            log.debug("using %s for %r", redact_url(option.url), resource.name)
            return ServerConnection(
                url=option.url,
                token=resource.access_token,
                resource=resource,
                connection=option.connection,
            )
    raise TransportError(
        f"none of the {len(options)} connections plex.tv lists for {resource.name!r} answered"
    )


async def async_find_server(
    plextv: AsyncPlexTV,
    token: str,
    *,
    name: str | None = None,
    client_identifier: str | None = None,
    probe_timeout: float = PROBE_TIMEOUT,
) -> ServerConnection:
    """The URL and token of a server on the account (see ``choose_server`` for which one)."""
    resource = choose_server(
        await plextv.resources(token), name=name, client_identifier=client_identifier
    )
    return await async_choose_connection(plextv, resource, probe_timeout=probe_timeout)


async def async_connect_server(
    plextv: AsyncPlexTV,
    token: str,
    *,
    name: str | None = None,
    client_identifier: str | None = None,
    probe_timeout: float = PROBE_TIMEOUT,
) -> AsyncPlexClient:
    """A ready client for a server on the account, on its best answering connection.

    The client uses the server's own access token, ``plextv``'s identity and its
    ``server_transport`` (None: the network), never plex.tv's transport.
    """
    from plexkit._async.client import AsyncPlexClient  # the client pulls in much: load on use

    found = await async_find_server(
        plextv, token, name=name, client_identifier=client_identifier, probe_timeout=probe_timeout
    )
    return AsyncPlexClient(
        found.url, token=found.token, identity=plextv.identity, transport=plextv.server_transport
    )
