"""examples/media_manager.py --fake runs a manager's sync loop end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "media_manager.py"


def test_media_manager_example_against_the_fake(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), "--fake"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    out = result.stdout
    assert "Connected to plexkit fake server" in out
    assert "library 'Movies': /srv/manager/movies" in out
    assert "progress updates from 5 scans" in out
    assert "/srv/manager/movies/Heat (1995) -> /data/media/movies/Heat (1995): found" in out
    assert "5 item(s) in 5 scan(s): 5 found" in out
    assert "Matched Heat (1995) to tmdb://949." in out
    assert "Heat (1995): guid tmdb://949, locked genres, poster, summary." in out
