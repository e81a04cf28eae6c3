"""A README-style user script type-checks under ``mypy --strict`` and pyright strict, with
no cast, isinstance or ignore: listings narrow by ``type=``, hierarchy calls are typed and
the always-sent item fields are not optional."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCRIPT = HERE / "readme_script.py"


def test_the_script_needs_no_casts_or_ignores() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert not re.search(r"\bcast\(|isinstance\(|type: ignore|pyright: ignore", text)


def test_mypy_strict_accepts_the_script() -> None:
    pytest.importorskip("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(SCRIPT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pyright_strict_accepts_the_script(tmp_path: Path) -> None:
    pyright = shutil.which("pyright")
    if pyright is None:
        pytest.skip("pyright is not installed")
    config = tmp_path / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {
                "typeCheckingMode": "strict",
                "pythonVersion": "3.10",
                "extraPaths": [str(ROOT)],
                "include": [str(SCRIPT)],
            }
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [pyright, "--project", str(config), str(SCRIPT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
