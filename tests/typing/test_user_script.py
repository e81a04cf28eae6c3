"""A README-style user script, and one that narrows every item type in every typed listing,
type-check under ``mypy --strict`` and pyright strict with no cast, isinstance or ignore:
listings narrow by ``type=``, hierarchy calls are typed, the always-sent item fields are not
optional and ``page.next()`` keeps the page's type."""

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
SCRIPTS = [HERE / "readme_script.py", HERE / "narrowing_script.py"]
scripts = pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])


@scripts
def test_the_script_needs_no_casts_or_ignores(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    assert not re.search(r"\bcast\(|isinstance\(|type: ignore|pyright: ignore", text)


@scripts
def test_mypy_strict_accepts_the_script(script: Path) -> None:
    pytest.importorskip("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@scripts
def test_pyright_strict_accepts_the_script(script: Path, tmp_path: Path) -> None:
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
                "include": [str(script)],
            }
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [pyright, "--project", str(config), str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
