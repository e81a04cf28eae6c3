"""``python -m plexkit.testing`` starts a fake server that answers on its port."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

import httpx
import pytest

from plexkit.testing.cli import main


def test_module_runs_a_server_until_terminated() -> None:
    command = [sys.executable, "-m", "plexkit.testing", "--port", "0", "--token", "cli-token"]
    command += ["--movies", "12", "--shows", "2", "--artists", "1", "--photo-albums", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+) \(token: cli-token\)", banner)
        assert match, banner
        url = match.group(1)
        with httpx.Client(base_url=url, timeout=10, transport=httpx.HTTPTransport(retries=20)) as c:
            assert c.get("/identity").status_code == 200
            assert c.get("/library/sections").status_code == 401
            movies = c.get(
                "/library/sections/1/all",
                headers={"X-Plex-Token": "cli-token", "Accept": "application/json"},
            )
            assert movies.json()["MediaContainer"]["size"] == 12
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0


def test_help_describes_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "--movies" in capsys.readouterr().out
