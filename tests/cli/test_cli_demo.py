"""The ``plexkit`` command: the demo tour runs end to end, the fake server is reachable."""

from __future__ import annotations

from typer.testing import CliRunner

from plexkit.cli import app
from plexkit.testing import FakeLibrary


def test_demo_tours_the_fake_library() -> None:
    result = CliRunner().invoke(app, ["demo", "--movies", "30", "--seed", "3"])
    assert result.exit_code == 0, result.output
    library = FakeLibrary.generate(3, movies=30, shows=6, artists=4, photo_albums=2)
    for section in library.sections.values():
        assert section.title in result.output
    assert "walked 30 movies" in result.output
    assert "async iter_items walked 30 movies" in result.output
    assert "(Director's Cut)" in result.output and "Film Noir" in result.output
    assert "scan of section 1 finished" in result.output
    assert "token valid: True" in result.output
    assert "5 calls, 1 request sent" in result.output
    assert "Tour finished" in result.output
    assert "fake-token" not in result.output


def test_fake_server_help_lists_its_options() -> None:
    result = CliRunner().invoke(app, ["fake-server", "--help"])
    assert result.exit_code == 0
    assert "--movies" in result.output and "--port" in result.output
