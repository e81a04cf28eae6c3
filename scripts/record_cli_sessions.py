"""Write docs/cli.md: every ``plexkit`` command run for real against the fake servers.

A fake Plex Media Server, a fake plex.tv and fake TMDB and TVDB run on loopback (the fake
plex.tv lists the fake PMS as the account's server "Den" and approves the sign-in PIN the
moment it is created, as the user would in a browser; the fake TMDB and TVDB know the fake
library's franchises and shows, and their keys are in the environment); each command runs as
``python -m plexkit`` in a private config directory, and its output (stdout and stderr, 80
columns, no colour) goes into the page.

Run: ``python scripts/record_cli_sessions.py`` (writes docs/cli.md).
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from plexkit.testing import FakePlexServer
from plexkit.testing.plextv import FakeConnection, FakePlexTV, serve
from plexkit.testing.tmdb import FakeTMDB
from plexkit.testing.tvdb import FakeTVDB

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "cli.md"

INTRO = """\
# Command line

`pip install 'plexkit[cli]'` installs the `plexkit` command (typer and rich; add the `keyring`
extra to keep secrets in the OS keyring). `python -m plexkit` is the same command. Every
command has `--help` with examples; `plexkit --install-completion` adds shell completion.

**Which server.** In this order: `--url`/`--token` (before the command's name), then
`PLEX_URL`/`PLEX_TOKEN`, then the server chosen with `plexkit use NAME`, then the first server
of the signed-in account.

**Where the token goes.** `plexkit login` stores the token (and, for JWT sign-in, the device
key) in `config.json` in the per-user config directory (platformdirs; `PLEXKIT_CONFIG_DIR`
overrides it), created with mode 0600; when the `keyring` package is installed the secrets go
to the OS keyring instead (`PLEXKIT_KEYRING=0` turns that off). `PLEXKIT_PLEXTV_URL` points the
plex.tv calls somewhere else (a fake plex.tv, as below); `PLEXKIT_TMDB_URL` and
`PLEXKIT_TVDB_URL` do the same for TMDB and TVDB (`plexkit missing`).

**Output.** Listings print a table that fits 80 columns; `--json` prints one JSON document,
`--jsonl` one JSON object a line, written as the items arrive (a 50,000-movie section streams
in about 76 MiB of memory: see [Benchmarks](benchmarks.md)). Progress, notes and errors go to
stderr, so pipes stay clean.

**Exit codes.** 0 done, 1 failed (one line on stderr: `error: ...`; `--debug` shows the
traceback), 2 bad usage, 130 interrupted (Ctrl-C). No output ever shows a token.

The sessions below were recorded from the real command against plexkit's fake servers with
`python scripts/record_cli_sessions.py`: what you see is what it prints.
"""

# (heading, prose, command line) ; None as command line: heading only
SESSIONS: list[tuple[str, str, str]] = [
    ("Sign in", "Shows the code to enter at plex.tv/link, then waits (a spinner in a terminal; "
     "Ctrl-C cancels). With the `jwt` extra the device gets a key and a Plex JWT; `--no-jwt` "
     "keeps a classic token, `--password` signs in with username, password and 2FA code.",
     "plexkit login"),
    ("Servers", "Every server of the account with the connection that answered.",
     "plexkit servers"),
    ("Choose the default server", "", "plexkit use Den"),
    ("Sections", "", "plexkit sections"),
    ("Items", "`--type`, `--sort`, `--filter key=value` (repeatable) and `--limit`.",
     "plexkit items Movies --sort year:desc --limit 5"),
    ("", "", "plexkit items Movies --filter year=1985"),
    ("", "`--jsonl` writes each item as it arrives:",
     "plexkit items 'TV Shows' --type episode --limit 3 --jsonl | cut -c 1-76"),
    ("Search", "", "plexkit search future"),
    ("One item", "", "plexkit show 18"),
    ("", "", "plexkit show 18 --json | head -n 16"),
    ("Recently added", "", "plexkit recent --limit 5"),
    ("Collections", "", "plexkit collections Movies"),
    ("Missing movies", "For each collection, the movies of its TMDB franchise the section does "
     "not own (`--include-uncollected` adds the franchises of movies in no collection). The "
     "TMDB key comes from `--tmdb-key` or `$TMDB_API_KEY` (or a read token: `--tmdb-token`, "
     "`$TMDB_READ_TOKEN`); a collection that cannot be checked is listed as such, and the run "
     "still exits 0. In a terminal a progress bar runs on stderr while collections are checked.",
     "plexkit missing movies Movies"),
    ("", "", "plexkit missing movies Movies --json | head -n 14"),
    ("Missing episodes", "Per show, the episodes TVDB (`--tvdb-key`/`$TVDB_API_KEY`, "
     "`--tvdb-pin`/`$TVDB_PIN`) or TMDB (`--source tmdb`) lists that Plex lacks. Specials and "
     "unaired episodes are left out unless `--specials`/`--unaired`; `--skip-future-seasons` "
     "drops seasons not started; `--season-type` picks TVDB's ordering. One show works too "
     "(rating key or title).", "plexkit missing episodes 'TV Shows'"),
    ("", "", "plexkit missing episodes 'TV Shows' --source tmdb --specials --jsonl | cut -c 1-76"),
    ("", "Without a credential it is a usage error, before any request:",
     "plexkit missing episodes 'TV Shows' --tvdb-key ''"),
    ("Scan", "Without `--wait` it asks the server to scan and returns; with `--wait` a progress "
     "bar follows the scan's activity (websocket notifications, polling as the fallback).",
     "plexkit scan Movies"),
    ("", "", "plexkit scan Movies --path /data/media/movies --wait"),
    ("Edit", "Edited fields are locked so agents keep them (`--no-lock` unlocks).",
     "plexkit edit 18 --title 'Back to the Future (1985)' --genre Adventure --genre Comedy"),
    ("Match", "Lists the agent's candidates; `--guid GUID` or `--best` fixes the match.",
     "plexkit match 18"),
    ("", "", "plexkit match 18 --best"),
    ("Activities", "", "plexkit activities"),
    ("Now playing", "", "plexkit sessions"),
    ("Watch history", "`--user NAME|ID`, `--since 7d|12h|2026-01-31`, `--limit N`.",
     "plexkit history --user alice --limit 5"),
    ("", "", "plexkit history --since 2024-05-25 --json --limit 1"),
    ("Live notifications", "Runs until Ctrl-C (here `--count` stops it after three events "
     "while a scan runs).", "plexkit notifications --count 3"),
    ("Errors", "One line and exit code 1; usage errors exit 2.", "plexkit items Nope"),
    ("", "", "plexkit --url http://127.0.0.1:9 sections"),
    ("Sign out", "", "plexkit logout"),
    ("Version", "", "plexkit --version"),
    ("The fake server", "`plexkit fake-server` serves the fake PMS these sessions used "
     "(`--port 0` picks a free port); a port in use is a one-line error:",
     "plexkit fake-server --port {pms_port}"),
    ("", "", "plexkit fake-server --help"),
]  # fmt: skip


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _run(line: str, env: dict[str, str]) -> str:
    """Run ``line`` in a shell (so ``| head`` works) with ``plexkit`` as ``python -m plexkit``;
    stdout and stderr in the order they were written."""
    command = f"{shlex.quote(sys.executable)} -m {line}"
    done = subprocess.run(
        command,
        shell=True,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
    )
    text = "\n".join(row.rstrip() for row in done.stdout.rstrip().splitlines())
    suffix = f"\n[exit {done.returncode}]" if done.returncode else ""
    return f"$ {line}\n{text}{suffix}" if text else f"$ {line}{suffix}"


def _scan_during(pms: FakePlexServer, url: str) -> None:
    from plexkit import PlexClient

    deadline = time.monotonic() + 30
    while not len(pms.websockets) and time.monotonic() < deadline:
        time.sleep(0.05)
    with PlexClient(url, token=pms.token) as client:
        client.library.refresh(1)


def main() -> None:
    pms = FakePlexServer(token="fake-token", seed=0, movies=30, shows=6, artists=4)
    tmdb = FakeTMDB(pms.library)
    tvdb = FakeTVDB(pms.library)
    plextv = FakePlexTV()
    user = plextv.add_user("ann", "secret password", email="ann@example.com")
    port = 32400 if _free(32400) else 0

    def approve() -> None:
        while True:
            for pin in list(plextv.pins.values()):
                if pin.user_id is None:
                    plextv.approve_pin(pin.id, token=user.token)
            time.sleep(0.2)

    threading.Thread(target=approve, daemon=True).start()
    with (
        pms.run_in_thread(port=port) as pms_url,
        serve(plextv.app) as plextv_url,
        tmdb.run_in_thread() as tmdb_url,
        tvdb.run_in_thread() as tvdb_url,
        tempfile.TemporaryDirectory() as config,
    ):
        plextv.add_server(
            "Den",
            client_identifier=pms.library.server["machineIdentifier"],
            access_token=pms.token,
            connections=[FakeConnection(pms_url, local=True)],
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("PLEX_")}
        env |= {
            "PLEXKIT_CONFIG_DIR": config,
            "PLEXKIT_PLEXTV_URL": plextv_url,
            "PLEXKIT_KEYRING": "0",
            "PLEXKIT_TMDB_URL": f"{tmdb_url}/3",
            "PLEXKIT_TVDB_URL": f"{tvdb_url}/v4",
            "TMDB_API_KEY": tmdb.api_key,
            "TVDB_API_KEY": tvdb.api_key,
            "NO_COLOR": "1",
            "COLUMNS": "80",
            "TERM": "dumb",
        }
        parts = [INTRO]
        for heading, prose, line in SESSIONS:
            line = line.format(pms_port=pms_url.rsplit(":", 1)[1])
            if heading:
                parts.append(f"## {heading}\n")
            if prose:
                parts.append(f"{prose}\n")
            if line.startswith("plexkit notifications"):
                threading.Thread(target=_scan_during, args=(pms, pms_url), daemon=True).start()
            parts.append(f"```console\n{_run(line, env)}\n```\n")
            if line.startswith("plexkit notifications"):
                time.sleep(1.5)  # let that scan end before the next command
    PAGE.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
