"""A call that returns an iterator (``iter_items``, ``history.iter``) refuses bad input
itself, before it returns and before any request; good input still returns at once and
reads the server only when iterated. Sync and async, under asyncio and trio."""

from __future__ import annotations

from typing import Any

import pytest

from plexkit import ConfigurationError
from tests.client.test_input_before_request import NAIVE, TOKEN, Call, Counter, plex, run

__all__ = ["plex"]

pytestmark = pytest.mark.anyio

AT_CALL: dict[str, Call] = {
    "iter_items page_size": lambda p: p.library.iter_items("Movies", page_size=0),
    "iter_items limit": lambda p: p.library.iter_items("Movies", limit=-1),
    "iter_items cache": lambda p: p.library.iter_items("Movies", cache="sometimes"),
    "iter_items cache=True uncached": lambda p: p.library.iter_items("Movies", cache=True),
    "iter_items type": lambda p: p.library.iter_items("Movies", type="spaceship"),
    "iter_items filters": lambda p: p.library.iter_items("Movies", filters=3),
    "iter_items sort": lambda p: p.library.iter_items("Movies", sort="title:sideways"),
    "iter_items guids": lambda p: p.library.iter_items("Movies", include_guids="yes"),
    "iter_items section": lambda p: p.library.iter_items(None),
    "iter_items section key": lambda p: p.library.iter_items("1", page_size="10"),
    "history iter page_size": lambda p: p.history.iter(page_size=0),
    "history iter limit": lambda p: p.history.iter(section_key="Movies", limit=0),
    "history iter cache": lambda p: p.history.iter(cache="x"),
    "history iter since": lambda p: p.history.iter(section_key="Movies", since=NAIVE),
    "history iter rating_key": lambda p: p.history.iter(rating_key=[1]),
    "history iter account": lambda p: p.history.iter(section_key="Movies", account_id=0),
    "history iter section": lambda p: p.history.iter(section_key=3.5),
}


@pytest.mark.parametrize("call", list(AT_CALL.values()), ids=list(AT_CALL))
async def test_the_call_itself_refuses_bad_input(plex: tuple[Any, Counter], call: Call) -> None:
    client, counter = plex
    with pytest.raises(ConfigurationError) as caught:
        call(client)  # not iterated: the error comes from the call
    assert counter.requests == []
    assert TOKEN not in str(caught.value)


LAZY: dict[str, Call] = {
    "iter_items by title": lambda p: p.library.iter_items("Movies", type="movie", limit=5),
    "iter_items by key": lambda p: p.library.iter_items("1", sort="titleSort"),
    "history iter by title": lambda p: p.history.iter(section_key="Movies", limit=5),
    "history iter everywhere": lambda p: p.history.iter(),
}


@pytest.mark.parametrize("call", list(LAZY.values()), ids=list(LAZY))
async def test_good_input_reads_the_server_only_when_iterated(
    plex: tuple[Any, Counter], call: Call
) -> None:
    client, counter = plex
    entries = call(client)
    assert counter.requests == []
    await run(entries)
    assert counter.requests
