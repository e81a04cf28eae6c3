"""examples/login_pin.py --fake runs the whole PIN + JWT login and server discovery."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "login_pin.py"


def test_login_pin_example_against_the_fakes(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), "--fake"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=True,
    )
    assert "https://app.plex.tv/auth#?clientID=" in result.stdout
    assert "plex.tv account: demo" in result.stdout
    assert "servers: Fake Server" in result.stdout
    assert "'Movies'" in result.stdout
    assert not list(tmp_path.iterdir())  # --fake keeps its state in a temporary directory
