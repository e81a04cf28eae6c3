"""The generated library's sizes travel as one mapping: from either command line or the
server's keywords to the generator, checked once, with one table of defaults."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from plexkit._fake_sizes import SIZES
from plexkit.cli import app
from plexkit.testing import FakeLibrary, FakePlexServer
from plexkit.testing import cli as fake_cli


def test_server_sizes_reach_the_generated_library() -> None:
    server = FakePlexServer(movies=3, shows=1, artists=0, photo_albums=0, history=0)
    movies = server.library.section(1)
    assert movies is not None
    assert len(server.library.items(movies, 1)) == 3


@pytest.mark.parametrize(
    ("sizes", "error"),
    [({"movie": 3}, TypeError), ({"shows": "2"}, TypeError), ({"history": -1}, ValueError)],
)
def test_wrong_sizes_are_refused_by_name(sizes: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error, match=next(iter(sizes))):
        FakeLibrary.generate(0, **sizes)


def test_argparse_options_come_from_the_one_table() -> None:
    args = vars(fake_cli._parser().parse_args(["--photo-albums", "2"]))
    assert args["photo_albums"] == 2
    assert {name: args[name] for name in SIZES if name != "photo_albums"} == {
        name: default for name, (default, _) in SIZES.items() if name != "photo_albums"
    }


def test_fake_server_command_forwards_every_option(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def serve(**options: Any) -> int:
        seen.update(options)
        return 0

    monkeypatch.setattr(fake_cli, "serve", serve)
    result = CliRunner().invoke(app, ["fake-server", "--shows", "4", "--port", "0"])
    assert result.exit_code == 0, result.output
    defaults = {name: default for name, (default, _) in SIZES.items()}
    connection = {"host": "127.0.0.1", "port": 0, "token": "fake-token", "seed": 0}
    assert seen == {**connection, **defaults, "shows": 4}
