"""The ``plexkit`` command: the root options, the error handling and exit codes, and the
commands, grouped by job in ``plexkit.cli.commands``.

Each module there is one job (account, library, manage, watch, missing, dev); ``missing``
holds the gap reports (``plexkit missing movies|episodes``) built on ``plexkit.gaps``.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from plexkit import __version__
from plexkit.cli.commands import account, dev, library, manage, missing, watch
from plexkit.cli.connection import Connection
from plexkit.cli.errors import EXIT_ERROR, EXIT_INTERRUPTED, report

__all__ = ["app", "main"]

_GROUPS = (account, library, manage, watch, missing, dev)


# click's own exceptions (usage errors, exits) end a run their way; typer either vendors
# click or re-exports it, so take the base class from typer's BadParameter.
_ClickException: type[Exception] = typer.BadParameter.__mro__[2]


class _Group(TyperGroup):
    """Turns failures into one line and an exit code (the traceback only with --debug)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, _ClickException):
            raise
        except BrokenPipeError:  # the reader went away (``| head``): stop quietly, as Unix tools do
            _silence_stdout()
            raise typer.Exit(0) from None
        except (KeyboardInterrupt, typer.Abort):  # Ctrl-C, also at a prompt
            typer.echo("interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:
            options = ctx.obj if isinstance(ctx.obj, Connection) else Connection()
            if options.debug:
                raise
            report(exc, options.secrets())
            raise typer.Exit(EXIT_ERROR) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


app = typer.Typer(
    cls=_Group,
    help=(
        "plexkit: a typed SDK for Plex Media Server and plex.tv, and this command for the "
        "everyday jobs.\n\n"
        "Sign in once with `plexkit login`, pick a server with `plexkit use NAME`, then "
        "browse, scan and watch. Every listing prints a table, or JSON with --json "
        "(one document) or --jsonl (one item a line)."
    ),
    epilog=(
        "Examples: plexkit login; plexkit servers; plexkit use 'Living Room'; "
        "plexkit items Movies --sort titleSort --limit 10; "
        "plexkit --url http://127.0.0.1:32400 --token TOKEN sections --json"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
for _group in _GROUPS:
    app.add_typer(_group.app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plexkit {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    url: Annotated[
        str | None,
        typer.Option(
            help="Server URL (else $PLEX_URL, else the server `use` chose).", metavar="URL"
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(help="X-Plex-Token (else $PLEX_TOKEN, else the stored one).", metavar="TOKEN"),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of a failure.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Options every command shares come before the command's name."""
    ctx.obj = Connection(url=url, token=token, debug=debug)


def main() -> None:
    """Entry point of the ``plexkit`` console script and ``python -m plexkit``."""
    app(prog_name="plexkit")
