"""Which URLs to try for a server, best first (pure ranking of a resource's connections)."""

from __future__ import annotations

import attrs

from plexkit.auth.models import Connection, Resource
from plexkit.errors import ServerNotFoundError

__all__ = ["PROBE_TIMEOUT", "Candidate", "candidates", "choose_server"]

PROBE_TIMEOUT = 3.0
"""Seconds discovery waits for each candidate URL to answer before trying without it."""


@attrs.frozen
class Candidate:
    """A URL to probe and the connection it came from."""

    url: str
    connection: Connection


def candidates(resource: Resource) -> list[Candidate]:
    """The resource's URLs in the order to prefer them.

    Local before remote before relay (relays are bandwidth-limited), then https before http,
    then IPv4 before IPv6. Local connections of servers the account does not own are skipped:
    they point into someone else's network. A plain-http URL (``http://address:port``) is added
    for each direct connection unless the server requires https; relays are https only.
    """
    ranked: dict[str, tuple[tuple[int, int, int], Candidate]] = {}
    for connection in resource.connections:
        if connection.local and not resource.owned:
            continue
        location = 2 if connection.relay else (0 if connection.local else 1)
        for url, scheme in _urls(connection, allow_http=not resource.https_required):
            rank = (location, scheme, int(connection.ipv6))
            if url not in ranked or rank < ranked[url][0]:
                ranked[url] = (rank, Candidate(url, connection))
    return [candidate for _rank, candidate in sorted(ranked.values(), key=lambda item: item[0])]


def _urls(connection: Connection, *, allow_http: bool) -> list[tuple[str, int]]:
    """(url, scheme rank) pairs for one connection: 0 for https, 1 for http."""
    urls: list[tuple[str, int]] = []
    if connection.protocol == "https" and connection.uri:
        urls.append((connection.uri.rstrip("/"), 0))
    if allow_http and not connection.relay:
        if connection.protocol == "http" and connection.uri:
            urls.append((connection.uri.rstrip("/"), 1))
        elif connection.address and connection.port:
            host = f"[{connection.address}]" if ":" in connection.address else connection.address
            urls.append((f"http://{host}:{connection.port}", 1))
    return urls


def choose_server(
    resources: list[Resource], *, name: str | None = None, client_identifier: str | None = None
) -> Resource:
    """The server to connect to: by ``client_identifier`` (machine identifier), else by
    ``name`` (case-insensitive), else the first one the account owns, else the first shared.
    """
    servers = [resource for resource in resources if resource.is_server]
    if client_identifier is not None:
        matches = [s for s in servers if s.client_identifier == client_identifier]
    elif name is not None:
        matches = [s for s in servers if s.name.casefold() == name.casefold()]
    else:
        matches = sorted(servers, key=lambda s: (not s.owned, not s.presence))
    if not matches:
        wanted = client_identifier or name
        listed = ", ".join(repr(s.name) for s in servers) or "none"
        what = f"no server {wanted!r}" if wanted else "no server"
        raise ServerNotFoundError(f"plex.tv lists {what} for this account (servers: {listed})")
    return matches[0]
