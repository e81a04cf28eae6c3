"""``plexkit demo``: a guided tour of the SDK against the embedded fake server.

Each step shows the code it runs, then what came back, so a newcomer can copy it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anyio
from rich.console import Console
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table

from plexkit import AsyncPlexClient, ClientIdentity, Page, PlexClient, TagEdit
from plexkit.auth import AsyncPinLogin, AsyncPlexTV
from plexkit.gaps import MissingEpisode, MissingMovie, async_missing_episodes, async_missing_movies
from plexkit.models import (
    Collection,
    Episode,
    HistoryEntry,
    Item,
    Movie,
    Section,
    Session,
)
from plexkit.testing import FakePlexServer, FakeTMDB, FakeTVDB
from plexkit.testing.plextv import FakePlexTV
from plexkit.tmdb import AsyncTMDBClient
from plexkit.tvdb import AsyncTVDBClient

console = Console(highlight=False)


def step(number: int, title: str, code: str) -> None:
    console.print()
    console.rule(f"[bold]{number}. {title}")
    console.print(Syntax(code.strip(), "python", theme="ansi_dark", background_color="default"))


def item_table(
    items: tuple[Item, ...] | list[Item], *extra: tuple[str, Callable[[Any], Any]]
) -> Table:
    table = Table(show_edge=False, header_style="bold")
    for name in ("rating key", "type", "title", "year", *(label for label, _ in extra)):
        table.add_column(name)
    for item in items:
        cells = [item.rating_key, item.type, item.title, str(getattr(item, "year", "") or "")]
        cells += [str(get(item)) for _, get in extra]
        table.add_row(*cells)
    return table


def first_file(item: Item) -> str:
    if isinstance(item, (Movie, Episode)) and item.media and item.media[0].parts:
        return item.media[0].parts[0].file or ""
    return ""


def sync_tour(plex: PlexClient) -> None:
    """Steps 1 to 9: the sync client on the fake server over HTTP."""
    movies, shows = _server_steps(plex)
    page = _listing_steps(plex, movies)
    _show_step(plex, shows)
    target = page.items[0]
    assert isinstance(target, Movie)
    _edit_and_scan_step(plex, movies, target)


def _server_steps(plex: PlexClient) -> tuple[Section, Section]:
    """Steps 1 and 2: who the server is and its libraries; the first movie and TV sections."""
    step(1, "Server info", "info = plex.server.info()")
    info = plex.server.info()
    console.print(
        f"{info.friendly_name} · PMS {info.version} on {info.platform} · "
        f"machine {info.machine_identifier}"
    )

    step(2, "Libraries", "for section in plex.library.sections(): ...")
    table = Table(show_edge=False, header_style="bold")
    for column in ("key", "title", "type", "locations"):
        table.add_column(column)
    sections = plex.library.sections()
    for section in sections:
        paths = ", ".join(loc.path or "" for loc in section.locations)
        table.add_row(section.key, section.title or "", section.type or "", paths)
    console.print(table)
    movies = next(s for s in sections if s.type == "movie")
    shows = next(s for s in sections if s.type == "show")
    return movies, shows


def _listing_steps(plex: PlexClient, movies: Section) -> Page[Item]:
    """Steps 3 to 7: a page, a walk, search, recently added, a collection; the page."""
    step(
        3,
        "A page of items",
        f'page = plex.library.items("{movies.key}", limit=5, sort="titleSort")\n'
        "page.total, page.items[0].media[0].parts[0].file",
    )
    page = plex.library.items(movies.key, limit=5, sort="titleSort")
    console.print(f"{len(page.items)} of {page.total} movies, offset {page.offset}")
    console.print(item_table(page.items, ("file", first_file)))

    step(
        4,
        "Every item, page by page",
        f'for movie in plex.library.iter_items("{movies.key}", page_size=25): ...',
    )
    count = sum(1 for _ in plex.library.iter_items(movies.key, page_size=25))
    console.print(f"walked {count} movies in pages of 25, one page in memory at a time")

    query = page.items[0].title.split()[0]
    step(5, "Search across libraries", f'hubs = plex.library.search("{query}", limit=5)')
    for hub in plex.library.search(query, limit=5):
        if hub.items:
            titles = ", ".join(item.title for item in hub.items[:5])
            console.print(f"[bold]{hub.title}[/]: {titles}")

    step(6, "Recently added", "plex.library.recently_added(limit=5)")
    console.print(item_table(plex.library.recently_added(limit=5)))

    step(
        7,
        "A collection and its items",
        f'coll = plex.library.collections("{movies.key}")[0]\n'
        "coll = plex.library.collection(coll.rating_key)",
    )
    collections = plex.library.collections(movies.key)
    if collections:
        coll: Collection = plex.library.collection(collections[0].rating_key)
        smart = " (smart)" if coll.smart else ""
        console.print(f"[bold]{coll.title}[/]{smart}: {len(coll.items)} items")
        console.print(item_table(coll.items[:5]))
    return page


def _show_step(plex: PlexClient, shows: Section) -> None:
    """Step 8: a show's seasons and the episodes of its first season."""
    step(
        8,
        "A show's seasons and episodes",
        f'show = plex.library.items("{shows.key}", type="show", limit=1).items[0]\n'
        "seasons = plex.metadata.seasons(show)\n"
        "episodes = plex.metadata.episodes(seasons[0])",
    )
    show = plex.library.items(shows.key, type="show", limit=1).items[0]
    seasons = plex.metadata.seasons(show)
    console.print(
        f"[bold]{show.title}[/]: {_count(len(seasons), 'season')}, "
        f"{_count(show.leaf_count or 0, 'episode')}"
    )
    episodes = plex.metadata.episodes(seasons[0])
    console.print(item_table(episodes[:5], ("file", first_file)))


def _edit_and_scan_step(plex: PlexClient, movies: Section, target: Movie) -> None:
    """Step 9: edit ``target``, read its locks, then scan the movie section to its end."""
    step(
        9,
        "Edit metadata, lock it, and scan",
        f'plex.metadata.edit("{target.rating_key}", title="...",\n'
        '                   genres=TagEdit(add=["Film Noir"]))\n'
        f'result = plex.library.refresh_and_wait("{movies.key}", timeout=60,\n'
        '    on_progress=lambda a: print(f"{a.progress}%", end=" "))',
    )
    plex.metadata.edit(
        target,
        title=f"{target.title} (Director's Cut)",
        genres=TagEdit(add=["Film Noir"]),
    )
    edited = plex.metadata.get(target)
    genres = ", ".join(g.tag for g in edited.genres)
    locked = ", ".join(sorted(plex.metadata.locked_fields(target)))
    console.print(f"now [bold]{edited.title}[/], genres: {genres}; locked: {locked}")
    result = plex.library.refresh_and_wait(
        movies.key,
        timeout=60,
        poll_interval=0.2,
        on_progress=lambda a: console.print(f"{a.progress}%", end=" "),
    )
    console.print()
    console.print(f"scan of section {result.section_key} finished (seen via {result.via})")


def _count(number: int, noun: str) -> str:
    """``1 season``, ``3 seasons``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


async def async_tour(server: FakePlexServer) -> None:
    step(
        10,
        "The same API, async (asyncio or trio), in-process",
        "async with AsyncPlexClient(url, token=token, transport=server.asgi_transport()) as plex:\n"
        "    async with anyio.create_task_group() as tg: ...   # concurrent requests\n"
        "    async for movie in plex.library.iter_items(key): ...",
    )
    async with AsyncPlexClient(
        "http://fake-pms", token=server.token, transport=server.asgi_transport()
    ) as plex:
        sections: tuple[Section, ...] = ()
        sessions: tuple[Session, ...] = ()
        history: tuple[HistoryEntry, ...] = ()

        async def load_sections() -> None:
            nonlocal sections
            sections = await plex.library.sections()

        async def load_sessions() -> None:
            nonlocal sessions
            sessions = await plex.sessions.list()

        async def load_history() -> None:
            nonlocal history
            history = (await plex.history.list(limit=5)).items

        async with anyio.create_task_group() as tg:
            tg.start_soon(load_sections)
            tg.start_soon(load_sessions)
            tg.start_soon(load_history)
        console.print(
            f"{len(sections)} sections, {len(sessions)} playing now, "
            f"{len(history)} latest history entries, fetched concurrently"
        )
        for session in sessions:
            user = session.session_user.title if session.session_user else "?"
            player = session.player.title if session.player else "?"
            console.print(f"  > {user} is watching [bold]{session.item.title}[/] on {player}")
        movies = next(s for s in sections if s.type == "movie")
        count = 0
        async for _movie in plex.library.iter_items(movies.key, page_size=50):
            count += 1
        console.print(f"async iter_items walked {count} movies")


async def login_tour() -> None:
    step(
        11,
        "Sign in with a PIN (against the fake plex.tv)",
        "async with AsyncPlexTV(identity) as tv:\n"
        "    login = AsyncPinLogin(tv)\n"
        "    await login.start(); print(login.auth_url())   # the user approves there\n"
        "    token = await login.wait(timeout=600)\n"
        "    assert await tv.check_token(token)",
    )
    plextv = FakePlexTV()
    plextv.add_user("demo-user", "correct horse battery staple")
    identity = ClientIdentity(client_identifier="plexkit-demo", product="plexkit demo")
    async with AsyncPlexTV(identity, transport=plextv.transport()) as tv:
        login = AsyncPinLogin(tv, poll_interval=0.1)
        pin = await login.start()
        console.print(f"approve at: {login.auth_url()}")
        plextv.approve_pin(pin.id)
        token = await login.wait(timeout=30)
        valid = await tv.check_token(token)
    console.print(f"signed in; token valid: {valid} (plexkit never prints or logs it)")


async def cache_tour(server: FakePlexServer) -> None:
    step(
        12,
        "Caching: repeated reads cost one request",
        "async with AsyncPlexClient(url, token=token, cache=True) as plex:\n"
        "    for _ in range(5): await plex.library.sections()\n"
        "    stats = await plex.cache.stats()",
    )
    before = server.requests.count("/library/sections")
    async with AsyncPlexClient(
        "http://fake-pms", token=server.token, transport=server.asgi_transport(), cache=True
    ) as plex:
        for _ in range(5):
            await plex.library.sections()
        assert plex.cache is not None
        stats = (await plex.cache.stats()).to_dict()["caches"]["sections"]
    sent = server.requests.count("/library/sections") - before
    console.print(
        f"5 calls, {sent} request sent; sections cache: {stats['hits']} hits, "
        f"{stats['misses']} miss, ttl {stats['ttl']:.0f}s"
    )


async def gaps_tour(server: FakePlexServer) -> None:
    step(
        13,
        "Missing movies and episodes (against fake TMDB and TVDB)",
        "tmdb = AsyncTMDBClient(api_key=...); tvdb = AsyncTVDBClient(api_key=..., pin=...)\n"
        'async for gap in async_missing_movies(plex, "Movies", tmdb): ...\n'
        'async for gap in async_missing_episodes(plex, "TV Shows", tvdb): ...',
    )
    fake_tmdb, fake_tvdb = FakeTMDB(server.library), FakeTVDB(server.library)
    async with (
        AsyncPlexClient(
            "http://fake-pms", token=server.token, transport=server.asgi_transport()
        ) as plex,
        AsyncTMDBClient(
            api_key=fake_tmdb.api_key,
            base_url="http://fake-tmdb/3",
            transport=fake_tmdb.asgi_transport(),
        ) as tmdb,
        AsyncTVDBClient(
            api_key=fake_tvdb.api_key,
            base_url="http://fake-tvdb/v4",
            transport=fake_tvdb.asgi_transport(),
        ) as tvdb,
    ):
        async for movie in async_missing_movies(plex, "Movies", tmdb):
            if isinstance(movie, MissingMovie):
                console.print(
                    f"  {movie.collection}: missing [bold]{movie.title}[/] ({movie.year})"
                )
        episodes = [
            gap
            async for gap in async_missing_episodes(plex, "TV Shows", tvdb)
            if isinstance(gap, MissingEpisode)
        ]
        for episode in episodes[:6]:
            console.print(f"  {episode.show}: missing S{episode.season:02d}E{episode.episode:02d}")
        console.print(
            f"{len(episodes)} missing episodes; {tmdb.requests_sent} TMDB and "
            f"{tvdb.requests_sent} TVDB requests"
        )


async def async_tours(server: FakePlexServer) -> None:
    await async_tour(server)
    await login_tour()
    await cache_tour(server)
    await gaps_tour(server)


def run_demo(*, movies: int = 60, seed: int = 7) -> None:
    """Run the tour: sync client over loopback, async client in-process."""
    server = FakePlexServer(seed=seed, movies=movies, shows=6, artists=4, photo_albums=2)
    console.print(
        Panel(
            "plexkit demo: a fake Plex Media Server with a generated library is running "
            "in this process.\nEvery step prints the code it runs; paste it into your own "
            "program with your server's URL and token.",
            title="plexkit",
        )
    )
    with server.run_in_thread() as url:
        step(0, "Connect", "plex = PlexClient(url, token=token)   # token goes in a header")
        with PlexClient(url, token=server.token) as plex:
            console.print(f"connected: {plex!r}")
            sync_tour(plex)
    anyio.run(async_tours, server)
    console.print()
    console.rule("[bold green]Tour finished")
    console.print("Next: docs/quickstart.md, and plexkit.testing for your own tests.")
