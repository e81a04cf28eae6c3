"""Matching against the fake server: candidates, match, unmatch, refresh, analyze, agents."""

from __future__ import annotations

from typing import Any

import pytest
from mgmt_helpers import Env, first_movie, resolve
from plexapi.server import PlexServer

from plexkit import ConfigurationError, NotFoundError, PlexClient
from plexkit.models.management import Agent, MatchCandidate
from plexkit.testing import FakePlexServer

pytestmark = pytest.mark.anyio


async def test_candidates_are_typed_and_best_first(env: Env) -> None:
    node = first_movie(env)
    found = await resolve(env.plex.metadata.matches(node.rating_key))
    assert found and all(isinstance(c, MatchCandidate) for c in found)
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True)
    best = found[0]
    assert best.guid == node.data["guid"] and best.matched is True
    assert best.name == node.data["title"] and best.year == node.data["year"]
    searched = await resolve(env.plex.metadata.matches(node.rating_key, title="Heat", year=1995))
    assert (searched[0].name, searched[0].year) == ("Heat", 1995)
    assert searched[0].matched is False


async def test_match_then_unmatch(env: Env) -> None:
    rk = first_movie(env, 1).rating_key
    candidate = (await resolve(env.plex.metadata.matches(rk, title="Heat", year=1995)))[0]
    await resolve(env.plex.metadata.match(rk, candidate))
    item = await resolve(env.plex.metadata.get(rk))
    assert (item.guid, item.title, item.year) == (candidate.guid, "Heat", 1995)
    assert env.plexapi().fetchItem(int(rk)).guid == candidate.guid

    await resolve(env.plex.metadata.match(rk, "tmdb://949", name="Heat"))
    item = await resolve(env.plex.metadata.get(rk))
    assert item.guid == "tmdb://949" and [g.id for g in item.guids] == ["tmdb://949"]

    await resolve(env.plex.metadata.unmatch(rk))
    item = await resolve(env.plex.metadata.get(rk))
    assert item.guid == f"local://{rk}" and item.guids == ()


async def test_refresh_and_analyze_run_as_activities(env: Env) -> None:
    rk = first_movie(env, 2).rating_key
    before = env.library.notifier.cursor()
    await resolve(env.plex.metadata.refresh(rk))
    await resolve(env.plex.metadata.analyze(rk))
    events = [e for _, e in env.library.notifier.since(before) if e["type"] == "activity"]
    kinds = [
        (e["ActivityNotification"][0]["event"], e["ActivityNotification"][0]["Activity"]["type"])
        for e in events
    ]
    assert kinds == [
        ("started", "library.refresh.items"),
        ("ended", "library.refresh.items"),
        ("started", "media.analyze"),
        ("ended", "media.analyze"),
    ]
    context = events[0]["ActivityNotification"][0]["Activity"]["Context"]
    assert context == {"key": f"/library/metadata/{rk}"}


async def test_agents(env: Env) -> None:
    every = await resolve(env.plex.library.agents())
    assert all(isinstance(a, Agent) for a in every)
    ids = {a.identifier for a in every}
    assert {"tv.plex.agents.movie", "tv.plex.agents.series", "com.plexapp.agents.none"} <= ids
    movie_agents = await resolve(env.plex.library.agents("movie"))
    assert movie_agents and all(any(t.media_type == 1 for t in a.media_types) for a in movie_agents)
    assert "tv.plex.agents.series" not in {a.identifier for a in movie_agents}
    theirs = {a.identifier for a in env.plexapi().agents()}
    assert theirs == ids


def test_plexapi_sees_the_same_candidates(server: FakePlexServer, url: str) -> None:
    node = server.library.items(server.library.section(1), 1)[3]
    with PlexClient(url, token=server.token) as plex:
        ours = plex.metadata.matches(node.rating_key, title="Heat", year=1995)
        movie: Any = PlexServer(url, server.token).fetchItem(node.rating_key)
        theirs = movie.matches(title="Heat", year=1995)
        assert [(r.guid, r.name, r.score) for r in theirs] == [
            (c.guid, c.name, c.score) for c in ours
        ]
        movie.fixMatch(theirs[1])
        assert plex.metadata.get(node.rating_key).guid == ours[1].guid


@pytest.mark.parametrize(
    "call",
    [
        lambda p: p.metadata.match(1, "not-a-guid"),
        lambda p: p.metadata.matches(1, title=""),
        lambda p: p.metadata.matches(1, year="1995"),
        lambda p: p.library.agents("spaceship"),
        lambda p: p.metadata.refresh("../1"),
    ],
)
async def test_bad_matching_input_fails_before_any_request(env: Env, call: Any) -> None:
    env.server.requests.clear()
    with pytest.raises(ConfigurationError):
        await resolve(call(env.plex))
    assert len(env.server.requests) == 0


async def test_unknown_items(env: Env) -> None:
    for call in (
        env.plex.metadata.matches,
        env.plex.metadata.unmatch,
        env.plex.metadata.refresh,
        env.plex.metadata.analyze,
    ):
        with pytest.raises(NotFoundError):
            await resolve(call(987654))
    with pytest.raises(NotFoundError):
        await resolve(env.plex.metadata.match(987654, "tmdb://949"))
