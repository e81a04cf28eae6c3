"""The ``plexkit`` command: the guided demo and the fake server (needs the ``cli`` extra)."""

from __future__ import annotations

import sys
from typing import Annotated

try:
    import typer
except ImportError:  # pragma: no cover - depends on what is installed
    sys.exit("the plexkit command needs the cli extra: pip install 'plexkit[cli]'")

app = typer.Typer(
    help="plexkit: a typed SDK for Plex Media Server and plex.tv.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def demo(
    movies: Annotated[int, typer.Option(help="movies in the fake library")] = 60,
    seed: Annotated[int, typer.Option(help="library generation seed")] = 7,
) -> None:
    """Start the fake server in-process and take a guided tour with both clients."""
    from plexkit._demo import run_demo

    run_demo(movies=movies, seed=seed)


@app.command(
    "fake-server",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
)
def fake_server(ctx: typer.Context) -> None:
    """Serve the fake Plex Media Server (``plexkit fake-server --help`` for its options)."""
    from plexkit.testing.cli import main as serve

    raise typer.Exit(serve(ctx.args))


def main() -> None:
    """Entry point of the ``plexkit`` console script."""
    app()
