"""``scripts/unasync.py``: the rules translate async code line by line, and the check fails on
a rule that no longer fires (like httpcore's), on async code no rule translates and on stale
twins."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "unasync.py"


def load() -> ModuleType:
    """A fresh copy of the script (its record of fired rules starts empty)."""
    spec = importlib.util.spec_from_file_location("unasync_under_test", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("async def get(self) -> Awaitable[dict[str, int]]:", "def get(self) -> dict[str, int]:"),
        ("    async with AsyncLock() as lock:", "    with Lock() as lock:"),
        ("    return await async_sleep(1)", "    return sleep(1)"),
        ("from plexkit._async.client import AsyncPlexClient",
         "from plexkit._sync.client import PlexClient"),
        ("    async for event in stream.__aiter__():", "    for event in stream.__iter__():"),
    ],
)  # fmt: skip
def test_lines_translate(line: str, expected: str) -> None:
    assert load().unasync_line(line) == expected


def test_the_twins_are_current_and_every_rule_fires(capsys: pytest.CaptureFixture[str]) -> None:
    assert load().main(["--check"]) == 0, capsys.readouterr().out


def test_a_rule_that_no_longer_fires_fails(capsys: pytest.CaptureFixture[str]) -> None:
    script = load()
    script.SUBS.append((r"\bnever_written_anywhere\b", "x"))
    script.COMPILED.append((re.compile(r"\bnever_written_anywhere\b"), "x"))
    assert script.main(["--check"]) == 1
    out = capsys.readouterr().out
    assert "no longer fire" in out and "never_written_anywhere" in out


def test_async_code_no_rule_translates_fails(capsys: pytest.CaptureFixture[str]) -> None:
    script = load()
    script.COMPILED[:] = [(p, r) for p, r in script.COMPILED if p.pattern != r"\bawait "]
    script.FIRED.add(r"\bawait ")
    assert script.main(["--check"]) == 1
    assert "do not translate" in capsys.readouterr().out
