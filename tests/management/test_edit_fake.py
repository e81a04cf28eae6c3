"""Metadata edits against the fake server: each edit shows up in ``metadata.get()`` and in
python-plexapi's view of the same item; locks are set, reported and honoured."""

from __future__ import annotations

import datetime as dt

import pytest
from mgmt_helpers import Env, first_movie, resolve

from plexkit import NotFoundError
from plexkit._core.edits import TagEdit

pytestmark = pytest.mark.anyio


def tags(item: object, name: str) -> list[str]:
    return [t.tag for t in getattr(item, name)]


async def test_scalar_edits_reach_get_and_plexapi(env: Env) -> None:
    rk = first_movie(env).rating_key
    await resolve(
        env.plex.metadata.edit(
            rk,
            title="Edited Title",
            title_sort="Edited",
            summary="A new summary",
            tagline="New tagline",
            year=1999,
            content_rating="PG",
            studio="A24",
            originally_available_at=dt.date(1999, 3, 31),
        )
    )
    item = await resolve(env.plex.metadata.get(rk))
    assert (item.title, item.title_sort, item.summary, item.tagline) == (
        "Edited Title",
        "Edited",
        "A new summary",
        "New tagline",
    )
    assert (item.year, item.content_rating, item.studio) == (1999, "PG", "A24")
    assert item.originally_available_at == dt.date(1999, 3, 31)
    theirs = env.plexapi().fetchItem(int(rk))
    assert (theirs.title, theirs.titleSort, theirs.summary, theirs.year) == (
        "Edited Title",
        "Edited",
        "A new summary",
        1999,
    )
    assert theirs.isLocked("title") and theirs.isLocked("studio")
    locked = await resolve(env.plex.metadata.locked_fields(rk))
    assert locked >= {"title", "title_sort", "summary", "year", "studio"}


async def test_tag_add_remove_replace_and_clear(env: Env) -> None:
    node = first_movie(env, 1)
    rk = node.rating_key
    before = [t["tag"] for t in node.data.get("Genre", [])]
    assert before, "the generated movie has genres"
    await resolve(env.plex.metadata.edit(rk, genres=TagEdit(add=["Film Noir"])))
    item = await resolve(env.plex.metadata.get(rk))
    assert tags(item, "genres") == [*before, "Film Noir"]
    assert [g.tag for g in env.plexapi().fetchItem(int(rk)).genres] == [*before, "Film Noir"]

    await resolve(env.plex.metadata.edit(rk, genres=TagEdit(remove=[before[0]])))
    item = await resolve(env.plex.metadata.get(rk))
    assert tags(item, "genres") == [*before[1:], "Film Noir"]

    await resolve(env.plex.metadata.edit(rk, genres=["Thriller", "Crime"], labels=["Kids", "4K"]))
    item = await resolve(env.plex.metadata.get(rk))
    assert tags(item, "genres") == ["Thriller", "Crime"]
    assert tags(item, "labels") == ["Kids", "4K"]
    assert [label.tag for label in env.plexapi().fetchItem(int(rk)).labels] == ["Kids", "4K"]

    await resolve(env.plex.metadata.edit(rk, labels=[]))
    item = await resolve(env.plex.metadata.get(rk))
    assert tags(item, "labels") == []
    assert {"genres", "labels"} <= await resolve(env.plex.metadata.locked_fields(rk))


async def test_people_countries_and_collections(env: Env) -> None:
    rk = first_movie(env, 2).rating_key
    await resolve(
        env.plex.metadata.edit(
            rk,
            directors=["Michael Mann"],
            writers=TagEdit(add=["Michael Mann"]),
            countries=["United States of America"],
            collections=TagEdit(add=["Crime Sagas"]),
        )
    )
    item = await resolve(env.plex.metadata.get(rk))
    assert tags(item, "directors") == ["Michael Mann"]
    assert "Michael Mann" in tags(item, "writers")
    assert tags(item, "countries") == ["United States of America"]
    assert "Crime Sagas" in tags(item, "collections")
    titles = [c.title for c in await resolve(env.plex.library.collections(1))]
    assert "Crime Sagas" in titles


async def test_lock_unlock_and_locks_survive_a_refresh(env: Env) -> None:
    rk = first_movie(env, 3).rating_key
    [candidate, *_] = await resolve(env.plex.metadata.matches(rk, title="Agent Title", year=1990))
    await resolve(env.plex.metadata.match(rk, candidate))
    item = await resolve(env.plex.metadata.get(rk))
    assert (item.title, item.year) == ("Agent Title", 1990)

    await resolve(env.plex.metadata.edit(rk, title="My Title", year=2001, lock=False))
    await resolve(env.plex.metadata.lock(rk, "title"))
    assert "title" in await resolve(env.plex.metadata.locked_fields(rk))
    assert "year" not in await resolve(env.plex.metadata.locked_fields(rk))
    await resolve(env.plex.metadata.refresh(rk))
    item = await resolve(env.plex.metadata.get(rk))
    assert item.title == "My Title", "a locked field keeps the user's value"
    assert item.year == 1990, "an unlocked field takes the agent's value again"

    await resolve(env.plex.metadata.unlock(rk, "title"))
    assert "title" not in await resolve(env.plex.metadata.locked_fields(rk))
    assert not env.plexapi().fetchItem(int(rk)).isLocked("title")
    await resolve(env.plex.metadata.refresh(rk))
    assert (await resolve(env.plex.metadata.get(rk))).title == "Agent Title"


async def test_edit_many_edits_every_item_in_one_request(env: Env) -> None:
    nodes = [first_movie(env, i) for i in (4, 5, 6)]
    keys = [n.rating_key for n in nodes]
    env.server.requests.clear()
    await resolve(
        env.plex.metadata.edit_many(
            1, keys, type="movie", studio="Shared Studio", labels=TagEdit(remove=["Nope"])
        )
    )
    puts = [r for r in env.server.requests if r.method == "PUT"]
    assert [r.path for r in puts] == ["/library/sections/1/all"]
    for key in keys:
        item = await resolve(env.plex.metadata.get(key))
        assert item.studio == "Shared Studio"
    untouched = first_movie(env, 7)
    assert untouched.data.get("studio") != "Shared Studio"


async def test_edit_many_tag_add_keeps_each_items_own_tags(env: Env) -> None:
    before: dict[int, set[str]] = {}
    for node in env.library.items(env.library.section(1), 1):
        genres = {g["tag"] for g in node.data.get("Genre", ())}
        if genres and genres not in before.values():
            before[node.rating_key] = genres
        if len(before) == 2:
            break
    assert len(before) == 2
    keys = list(before)
    await resolve(
        env.plex.metadata.edit_many(1, keys, type="movie", genres=TagEdit(add=["Film Noir"]))
    )
    for key, genres in before.items():
        item = await resolve(env.plex.metadata.get(key))
        assert set(tags(item, "genres")) == genres | {"Film Noir"}


async def test_unknown_rating_key_is_not_found(env: Env) -> None:
    with pytest.raises(NotFoundError):
        await resolve(env.plex.metadata.edit(987654, title="Nobody"))
    with pytest.raises(NotFoundError):
        await resolve(env.plex.metadata.edit(987654, genres=TagEdit(add=["A"])))
    with pytest.raises(NotFoundError):
        await resolve(env.plex.metadata.lock(987654, "title"))
    with pytest.raises(NotFoundError):
        await resolve(env.plex.metadata.locked_fields(987654))
    with pytest.raises(NotFoundError):
        await resolve(env.plex.metadata.edit_many(1, [987654], type="movie", title="X"))
