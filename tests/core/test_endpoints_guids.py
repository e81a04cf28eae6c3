"""include_guids: listings, collection children and leaves ask for Guid children by name."""

from __future__ import annotations

import pytest

from plexkit._core import endpoints
from plexkit.errors import ConfigurationError


def test_listing_sends_include_guids_only_when_asked() -> None:
    assert endpoints.library_items(1, include_guids=True).params["includeGuids"] == "1"
    assert "includeGuids" not in endpoints.library_items(1).params


def test_collection_children_and_leaves_send_include_guids() -> None:
    assert endpoints.collection_items(5, include_guids=True).params == {"includeGuids": "1"}
    assert endpoints.collection_items(5).params == {}
    spec = endpoints.children(7, leaves=True, include_guids=True)
    assert (spec.path, spec.params) == ("/library/metadata/7/allLeaves", {"includeGuids": "1"})


def test_include_guids_must_be_a_bool_and_not_a_filter() -> None:
    with pytest.raises(ConfigurationError, match="include_guids"):
        endpoints.library_items(1, include_guids="yes")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="includeGuids"):
        endpoints.library_items(1, filters={"includeGuids": 1})
