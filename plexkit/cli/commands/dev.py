"""Trying plexkit without a server: the guided demo and the fake Plex Media Server."""

from __future__ import annotations

from typing import Annotated

import typer

from plexkit._fake_sizes import SIZES

__all__ = ["app"]

app = typer.Typer()
PANEL = "Try it"


@app.command(rich_help_panel=PANEL)
def demo(
    movies: Annotated[int, typer.Option(help="Movies in the fake library.", min=1)] = 60,
    seed: Annotated[int, typer.Option(help="Library generation seed.")] = 7,
) -> None:
    """Start the fake server in-process and take a guided tour with both clients.

    Examples: plexkit demo; plexkit demo --movies 500 --seed 1
    """
    from plexkit._demo import run_demo

    run_demo(movies=movies, seed=seed)


@app.command("fake-server", rich_help_panel=PANEL)
def fake_server(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on; 0 picks a free one.")] = 32400,
    token: Annotated[str, typer.Option(help="The owner's X-Plex-Token.")] = "fake-token",
    seed: Annotated[int, typer.Option(help="Library generation seed.")] = 0,
    movies: Annotated[int, typer.Option(help=SIZES["movies"][1], min=0)] = SIZES["movies"][0],
    shows: Annotated[int, typer.Option(help=SIZES["shows"][1], min=0)] = SIZES["shows"][0],
    artists: Annotated[int, typer.Option(help=SIZES["artists"][1], min=0)] = SIZES["artists"][0],
    photo_albums: Annotated[int, typer.Option(help=SIZES["photo_albums"][1], min=0)] = SIZES[
        "photo_albums"
    ][0],
    history: Annotated[int, typer.Option(help=SIZES["history"][1], min=0)] = SIZES["history"][0],
) -> None:
    """Serve a fake Plex Media Server with a generated library until Ctrl-C.

    Examples: plexkit fake-server --port 0; plexkit fake-server --movies 50000 --port 32401,
    then in another terminal: plexkit --url http://127.0.0.1:32401 --token fake-token sections
    """
    from plexkit.testing.cli import serve

    sizes = {
        "movies": movies,
        "shows": shows,
        "artists": artists,
        "photo_albums": photo_albums,
        "history": history,
    }
    raise typer.Exit(serve(host=host, port=port, token=token, seed=seed, **sizes))
