"""``~`` paths, as docs/auth.md shows them, mean the user's home folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from plexkit.auth import AsyncTokenFile, DeviceKey, TokenFile


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".config").mkdir()
    return tmp_path


def test_device_key_load_or_create_expands_home(home: Path) -> None:
    key = DeviceKey.load_or_create("~/.config/plexkit-device.jwk")
    assert (home / ".config" / "plexkit-device.jwk").is_file()
    again = DeviceKey.load_or_create("~/.config/plexkit-device.jwk")
    assert again.public_jwk() == key.public_jwk()


def test_token_file_expands_home(home: Path) -> None:
    tokens = TokenFile("~/.config/plexkit-token")
    tokens.save("home-token-ABC123")
    assert (home / ".config" / "plexkit-token").read_text() == "home-token-ABC123"
    assert TokenFile("~/.config/plexkit-token").load() == "home-token-ABC123"


@pytest.mark.anyio
async def test_async_token_file_expands_home(home: Path) -> None:
    tokens = AsyncTokenFile("~/.config/plexkit-token")
    await tokens.save("home-token-ABC123")
    assert await AsyncTokenFile("~/.config/plexkit-token").load() == "home-token-ABC123"
