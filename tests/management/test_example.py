"""examples/manage_library.py --fake runs the media-manager flow end to end."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "manage_library.py"


def test_manage_library_example_against_the_fake(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), "--fake"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=True,
    )
    out = result.stdout
    assert "Scan finished (followed by websocket)." in out
    assert "Found Heat (1995)" in out
    assert "Genres: Crime, Thriller" in out
    assert "Locked: genres, labels, poster, summary, tagline" in out
    assert "X-Plex-Token=REDACTED" in out and "transient-" not in out
