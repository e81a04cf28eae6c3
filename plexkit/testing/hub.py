"""One hub of items, as the home, section and related hubs all render it.

Attributes follow ``home-assistant-core/hubs.xml`` and the spec's hub examples: ``hubKey``
names the shown items, then ``key``, ``title``, ``type``, ``hubIdentifier``, ``context``,
``size``, ``more``, ``style`` and ``promoted``; rows are shown as the asking account sees them.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from plexkit.testing import played
from plexkit.testing.respond import HTTPError, account_id, context
from plexkit.testing.store import Node
from plexkit.testing.views import row
from plexkit.testing.wire import Wire

HUB_COUNT = 6
"""Items PMS puts in each hub unless ``count`` says otherwise."""


@dataclass(frozen=True)
class HubSpec:
    """What names a hub: its ``key``, ``hubIdentifier``, ``context``, ``title``, ``type``."""

    key: str
    identifier: str
    context: str
    title: str
    kind: str
    style: str = "shelf"


def hub_count(request: Request) -> int:
    """The ``count`` query parameter: how many items each hub shows."""
    try:
        return int(request.query_params.get("count", HUB_COUNT))
    except ValueError:
        raise HTTPError(400, "count must be an integer") from None


def hub_attrs(request: Request, nodes: list[Node], spec: HubSpec) -> tuple[Wire, list[Node]]:
    """A hub's attributes (``hubKey`` naming the first ``count`` items) and those items."""
    shown = nodes[: hub_count(request)]
    hub: Wire = {}
    if shown:
        hub["hubKey"] = "/library/metadata/" + ",".join(str(n.rating_key) for n in shown)
    hub.update(
        {
            "key": spec.key,
            "title": spec.title,
            "type": spec.kind,
            "hubIdentifier": spec.identifier,
            "context": spec.context,
            "size": len(shown),
            "more": len(nodes) > len(shown),
            "style": spec.style,
            "promoted": True,
        }
    )
    return hub, shown


def items_hub(request: Request, nodes: list[Node], spec: HubSpec) -> Wire:
    """A hub of items: the first ``count`` rendered as the asking account sees them."""
    library = context(request).library
    account = account_id(request)
    hub, shown = hub_attrs(request, nodes, spec)
    if shown:
        hub["Metadata"] = [
            played.personal(library, account, row(library, n, section_fields=True)) for n in shown
        ]
    return hub
