"""Agent matching and per-item jobs: match candidates, match, unmatch, refresh, analyze, agents.

Wire facts (PMS 1.2.2 spec, python-plexapi): ``/library/metadata/{id}/matches`` lists
candidates (``SearchResult`` entries: guid, name, year, score); ``PUT .../match?guid=&name=``
applies one; ``PUT .../unmatch``, ``PUT .../refresh`` and ``PUT .../analyze`` start jobs that
show up as activities; ``/system/agents`` lists the metadata agents.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plexkit._core import endpoints
from plexkit._core.checks import check_bool, check_name
from plexkit._core.endpoints import ParamValue, RequestSpec, item_type_number
from plexkit.errors import ConfigurationError

__all__ = [
    "agents_request",
    "analyze_request",
    "match_request",
    "matches_request",
    "refresh_item_request",
    "unmatch_request",
]


def _clean(params: Mapping[str, ParamValue | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in params.items():
        if value is None:
            continue
        out[name] = ("1" if value else "0") if isinstance(value, bool) else str(value)
    return out


def _item(rating_key: str | int) -> str:
    return endpoints.metadata(rating_key).path


def matches_request(
    rating_key: str | int,
    *,
    title: str | None = None,
    year: int | None = None,
    agent: str | None = None,
    language: str | None = None,
    manual: bool = True,
) -> RequestSpec:
    """``GET .../matches``: the agent's candidates, searched by ``title``/``year`` if given."""
    for name, value in (("title", title), ("agent", agent), ("language", language)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigurationError(f"{name} must be a non-empty string, not {value!r}")
    _check_year(year)
    params = _clean(
        {"manual": manual, "title": title, "year": year, "agent": agent, "language": language}
    )
    return RequestSpec(method="GET", path=f"{_item(rating_key)}/matches", params=params)


def _check_year(year: object) -> None:
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise ConfigurationError(f"year must be an int, not {year!r}")


def match_request(
    rating_key: str | int, guid: str, *, name: str | None = None, year: int | None = None
) -> RequestSpec:
    """``PUT .../match?guid=&name=``: match the item to ``guid`` (e.g. ``plex://movie/...``)."""
    if not isinstance(guid, str) or "://" not in guid:
        raise ConfigurationError(
            f"guid must be an agent guid such as 'plex://movie/5d77...' or 'tmdb://949', "
            f"not {guid!r}"
        )
    if name is not None and not isinstance(name, str):
        raise ConfigurationError(f"name must be a string, not {name!r}")
    _check_year(year)
    params = _clean({"guid": guid.strip(), "name": name, "year": year})
    return RequestSpec(method="PUT", path=f"{_item(rating_key)}/match", params=params)


def unmatch_request(rating_key: str | int) -> RequestSpec:
    """``PUT .../unmatch``: drop the agent match (the item keeps only local metadata)."""
    return RequestSpec(method="PUT", path=f"{_item(rating_key)}/unmatch")


def refresh_item_request(
    rating_key: str | int, *, agent: str | None = None, mark_updated: bool | None = None
) -> RequestSpec:
    """``PUT .../refresh``: fetch the item's metadata from its agent again."""
    if agent is not None:
        agent = check_name(agent, "agent")
    if mark_updated is not None:
        check_bool(mark_updated, "mark_updated")
    params = _clean({"agent": agent, "markUpdated": mark_updated})
    return RequestSpec(method="PUT", path=f"{_item(rating_key)}/refresh", params=params)


def analyze_request(rating_key: str | int) -> RequestSpec:
    """``PUT .../analyze``: analyse the media (codecs, loudness, thumbnails, intros)."""
    return RequestSpec(method="PUT", path=f"{_item(rating_key)}/analyze")


def agents_request(type: int | str | None = None) -> RequestSpec:
    """``GET /system/agents``, optionally only agents for one metadata type."""
    params = _clean({"mediaType": item_type_number(type)})
    return RequestSpec(method="GET", path="/system/agents", params=params, cache_name="server")


def candidates_from(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The candidate entries of a ``/matches`` body (``SearchResult``, or ``Metadata``)."""
    for name in ("SearchResult", "Metadata"):
        entries = data.get(name)
        if isinstance(entries, Mapping):
            return [entries]
        if isinstance(entries, list):
            return [e for e in entries if isinstance(e, Mapping)]
    return []
