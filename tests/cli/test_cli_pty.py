"""``plexkit login`` end to end in a real pseudo-terminal against the fake plex.tv on loopback,
then ``plexkit sections`` in a new process with the token it stored."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest

from plexkit.testing.plextv import FakePlexTV, FakeUser

pexpect = pytest.importorskip("pexpect")


def _spawn(args: list[str], env: dict[str, str]) -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable, ["-m", "plexkit", *args], env=env, encoding="utf-8", timeout=60,
        dimensions=(40, 100), cwd=str(Path(__file__).parents[2]),
    )  # fmt: skip


def test_login_in_a_terminal_then_sections(
    plextv: FakePlexTV, account: FakeUser, plextv_url: str, private_config: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLEX_")}
    env |= {
        "PLEXKIT_CONFIG_DIR": str(private_config),
        "PLEXKIT_PLEXTV_URL": plextv_url,
        "PLEXKIT_KEYRING": "0",
        "TERM": "xterm-256color",
        "NO_COLOR": "1",
    }
    login = _spawn(["login"], env)
    login.expect(r"plex\.tv/link/\?pin=([A-Z0-9]{4})")
    code = login.match.group(1)
    login.expect("waiting for plex.tv")  # the spinner is up
    plextv.approve_pin(code, token=account.token)
    login.expect(r"signed in as ann with a device key \(JWT\)")
    login.expect(pexpect.EOF)
    login.close()
    assert login.exitstatus == 0
    config = private_config / "config.json"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600

    sections = _spawn(["sections"], env)
    sections.expect(pexpect.EOF)
    sections.close()
    assert sections.exitstatus == 0
    output = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", sections.before)
    assert re.search(r"1\s+Movies\s+movie", output), output


def test_ctrl_c_cancels_the_login(
    plextv: FakePlexTV, plextv_url: str, private_config: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLEX_")}
    env |= {"PLEXKIT_CONFIG_DIR": str(private_config), "PLEXKIT_PLEXTV_URL": plextv_url}
    env |= {"PLEXKIT_KEYRING": "0", "NO_COLOR": "1"}
    login = _spawn(["login"], env)
    login.expect("waiting for plex.tv")
    login.sendintr()
    login.expect(pexpect.EOF)
    login.close()
    assert login.exitstatus == 130
    assert "Traceback" not in login.before
    assert (
        not (private_config / "config.json").exists()
        or "token" not in (private_config / "config.json").read_text()
    )
