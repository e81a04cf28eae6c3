"""How the command starts and ends: version, ``python -m plexkit``, help with examples,
exit codes 0/1/2/130, one-line errors, --debug, missing extras, the fake server's port."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from cli_helpers import TOKEN, Run

from plexkit import __version__
from plexkit.cli.app import app

COMMANDS = [
    "login", "logout", "servers", "use", "sections", "items", "search", "show", "recent",
    "collections", "scan", "edit", "match", "activities", "sessions", "history",
    "notifications", "missing", "demo", "fake-server",
]  # fmt: skip
SUBCOMMANDS = ["missing movies", "missing episodes"]


def test_version_and_python_dash_m(run: Run) -> None:
    assert run("--version").stdout.strip() == f"plexkit {__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "plexkit", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout.strip() == f"plexkit {__version__}"


@pytest.mark.parametrize("command", COMMANDS + SUBCOMMANDS)
def test_every_command_has_help_with_an_example(run: Run, command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_every_command_is_registered() -> None:
    from typer.main import get_command

    assert set(get_command(app).commands) == set(COMMANDS)  # type: ignore[attr-defined]


def test_completion_is_offered(run: Run) -> None:
    assert "--install-completion" in run("--help").stdout


def test_usage_errors_exit_2(run: Run) -> None:
    assert run("itemz").exit_code == 2
    assert run("items").exit_code == 2
    assert run("sections", "--json", "--jsonl").exit_code == 2


def test_interrupt_exits_130(plex: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from plexkit._sync.resources import Library

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Library, "sections", interrupted)
    result = plex("sections")
    assert result.exit_code == 130 and "Traceback" not in result.output


def test_unexpected_errors_are_one_line_without_the_token(
    plex: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plexkit._sync.resources import Library

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError(f"boom with {TOKEN} inside")

    monkeypatch.setattr(Library, "sections", broken)
    result = plex("sections")
    assert result.exit_code == 1
    assert (
        result.stderr.strip().count("\n") == 0
        and "RuntimeError: boom with *** inside" in result.stderr
    )
    assert TOKEN not in result.output
    with pytest.raises(RuntimeError):
        # --debug lets the traceback through (the runner hands the exception back)
        raise plex("--debug", "sections").exception  # type: ignore[misc]


def test_debug_traceback_never_shows_the_token(pms_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "plexkit", "--url", pms_url, "--token", "secret-bad-token-42",
         "--debug", "sections"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" in done.stderr and "UnauthorizedError" in done.stderr
    assert "secret-bad-token-42" not in done.stderr + done.stdout


def test_fake_server_says_in_one_line_that_the_port_is_taken(run: Run) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run("fake-server", "--port", str(port), "--movies", "1")
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_fake_server_options_are_documented(run: Run) -> None:
    text = run("fake-server", "--help").stdout
    for option in ("--host", "--port", "--token", "--seed", "--movies", "--shows", "--history"):
        assert option in text


@pytest.mark.parametrize(
    ("blocked", "statement", "extra"),
    [
        ("typer", "import plexkit.cli", "plexkit[cli]"),
        ("starlette", "import plexkit.testing", "plexkit[testing]"),
    ],
)
def test_missing_extra_names_the_extra(blocked: str, statement: str, extra: str) -> None:
    code = f"import sys; sys.modules[{blocked!r}] = None; {statement}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"pip install '{extra}'" in done.stderr
    assert "ModuleNotFoundError" not in done.stderr.splitlines()[-1]


def test_abandoning_a_prompt_exits_130(run: Run, plextv_url: str) -> None:
    result = run("login", "--password", "--username", "ann", input="")  # EOF at the prompt
    assert result.exit_code == 130 and "interrupted" in result.stderr


def test_a_reader_that_stops_early_ends_the_run_quietly(pms_url: str) -> None:
    """``plexkit items 1 --jsonl | head -1``: a closed pipe is not an error."""
    command = ["--url", pms_url, "--token", TOKEN, "items", "1", "--jsonl", "--limit", "40"]
    with subprocess.Popen(
        [sys.executable, "-m", "plexkit", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().startswith(b"{")
        proc.stdout.close()
        errors = proc.stderr.read()
        assert proc.wait(timeout=60) == 0
    assert b"Broken pipe" not in errors and b"Traceback" not in errors
