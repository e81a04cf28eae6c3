"""Every Python block of README.md and docs/ runs as written against the fake servers.

The fake PMS serves a small library on loopback with the token ``"..."`` (what the docs write
in place of a real token), and ``http://127.0.0.1:32400`` in a block is pointed at it. Blocks
marked ``needs: plextv`` run in a fresh interpreter whose plex.tv is the fake one
(``PLEXKIT_PLEXTV_URL``), where PINs are approved as soon as they are made; ``needs: redis``
blocks get a real redis-server in place of ``redis://localhost:6379/0``. See docs_blocks.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import anyio
import pytest
from docs_blocks import ROOT, Block, blocks

from plexkit.testing import FakePlexServer

pytest.importorskip("plexkit.testing.plextv")
from plexkit.testing.plextv import FakeConnection, FakePlexTV, serve

DOCS_URL = "http://127.0.0.1:32400"
DOCS_REDIS_URL = "redis://localhost:6379/0"
BLOCKS = blocks()
_SYNC_CLIENT = re.compile(r"(?<!Async)\bPlexClient\(")


def test_the_docs_have_blocks() -> None:
    assert len(BLOCKS) > 40
    assert {b.page.name for b in BLOCKS} >= {"README.md", "quickstart.md", "management.md"}


@pytest.mark.parametrize("block", BLOCKS, ids=[b.id for b in BLOCKS])
def test_block_compiles_and_keeps_sync_and_async_apart(block: Block) -> None:
    block.compile()
    if block.is_async:
        assert not _SYNC_CLIENT.search(block.code), "sync and async mixed in one block"


RUNNABLE = [b for b in BLOCKS if not b.fragment]


@pytest.mark.parametrize("block", RUNNABLE, ids=[b.id for b in RUNNABLE])
def test_block_runs(
    block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))  # "~/..." paths land in the test's folder
    (tmp_path / ".config" / "myapp").mkdir(parents=True)  # the app's own settings folder
    code = block.code
    if "redis" in block.needs:
        redis_url = request.getfixturevalue("redis_server").url
        code = code.replace(DOCS_REDIS_URL, redis_url)
    server = FakePlexServer(token="...", movies=40, shows=5, artists=3, history=40)
    with server.run_in_thread() as url:
        code = code.replace(DOCS_URL, url)
        if "plextv" in block.needs:
            _run_with_fake_plextv(block.prelude + "\n" + code, block, tmp_path, server, url)
        else:
            _run_here(code, block, _prelude_names(block, server))


def _prelude_names(block: Block, server: FakePlexServer) -> dict[str, Any]:
    """What the page's prelude defines; it alone sees ``fake_server`` (to stage data)."""
    namespace: dict[str, Any] = {"fake_server": server}
    exec(compile(block.prelude, f"{block.id} prelude", "exec"), namespace)
    return {k: v for k, v in namespace.items() if k not in ("fake_server", "__builtins__")}


def _run_here(code: str, block: Block, names: dict[str, Any]) -> None:
    compiled = compile(code, block.id, "exec", flags=block.compile_flags)
    namespace: dict[str, Any] = {"__name__": "__docs__", **names}
    if block.is_async:

        async def main() -> None:
            result = eval(compiled, namespace)  # a coroutine when the code awaits
            if result is not None:
                await result

        anyio.run(main)
    else:
        exec(compiled, namespace)


def _run_with_fake_plextv(
    code: str, block: Block, tmp_path: Path, server: FakePlexServer, server_url: str
) -> None:
    """Run in a fresh interpreter whose plex.tv is a fake that lists ``server`` as "Basement"
    for the account ``me@example.com`` (token ``...``); the page's prelude runs first."""
    fake = FakePlexTV()
    fake.add_user("reader", "correct horse", email="me@example.com", token="...")
    fake.add_server(
        "Basement",
        client_identifier=server.library.server["machineIdentifier"],
        access_token=server.token,
        connections=[FakeConnection(server_url, local=True)],
    )
    with serve(fake.app) as url, _approving_pins(fake):
        script = tmp_path / "block.py"
        runner = "import asyncio, sys\nsrc = open(sys.argv[1]).read()\n" + (
            "import ast\nasync def main():\n"
            "    r = eval(compile(src, sys.argv[1], 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT),"
            " {'__name__': '__docs__'})\n    if r is not None: await r\nasyncio.run(main())\n"
            if block.is_async
            else "exec(compile(src, sys.argv[1], 'exec'), {'__name__': '__docs__'})\n"
        )
        script.write_text(code, encoding="utf-8")
        env = {
            **os.environ,
            "PLEXKIT_PLEXTV_URL": url,
            "PLEXKIT_CLIENTS_URL": url,
            "PYTHONPATH": str(ROOT),
            "HOME": str(tmp_path),
        }
        done = subprocess.run(
            [sys.executable, "-c", runner, str(script)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr[-3000:]


@contextmanager
def _approving_pins(fake: FakePlexTV) -> Iterator[None]:
    """Approve every PIN as soon as it exists, as a reader at plex.tv/link would."""
    stop = threading.Event()

    def approve() -> None:
        while not stop.wait(0.02):
            for pin in list(fake.pins.values()):
                if pin.user_id is None:
                    fake.approve_pin(pin.id)

    thread = threading.Thread(target=approve, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
