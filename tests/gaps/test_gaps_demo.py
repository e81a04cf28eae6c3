"""The demo's missing-media step finds what the fake library lacks."""

from __future__ import annotations

import anyio
import pytest

from plexkit.testing import FakePlexServer

pytest.importorskip("rich")


def test_demo_step_lists_missing_movies_and_episodes(capsys: pytest.CaptureFixture[str]) -> None:
    from plexkit import _demo

    server = FakePlexServer(seed=3, movies=30, shows=6, artists=1, photo_albums=1, history=5)
    anyio.run(_demo.gaps_tour, server)
    out = capsys.readouterr().out
    assert "Missing movies and episodes" in out
    assert "Star Wars: The Last Jedi" in out and "Back to the Future Part III" in out
    assert "missing S01E02" in out
