"""Where the command keeps its state: a per-user JSON file (mode 0600) and, when the
``keyring`` package is importable, the OS keyring for the secrets.

The directory is ``$PLEXKIT_CONFIG_DIR`` or platformdirs' user config dir for ``plexkit``.
``PLEXKIT_KEYRING=0`` keeps secrets in the file even when keyring is installed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs

from plexkit.auth.storage import write_private_file
from plexkit.config import new_client_identifier
from plexkit.errors import ConfigurationError

__all__ = ["CONFIG_DIR_ENV", "KEYRING_ENV", "Settings", "config_dir", "load", "save"]

CONFIG_DIR_ENV = "PLEXKIT_CONFIG_DIR"
KEYRING_ENV = "PLEXKIT_KEYRING"
_FILE = "config.json"
_SERVICE = "plexkit"
_SECRETS = ("token", "device_key", "server_token")


@attrs.define
class Settings:
    """What ``login`` and ``use`` remember. Secrets: ``token``, ``device_key`` (a private JWK
    as JSON text) and ``server_token``."""

    client_identifier: str = attrs.field(factory=new_client_identifier)
    username: str | None = None
    token: str | None = attrs.field(default=None, repr=False)
    device_key: str | None = attrs.field(default=None, repr=False)
    server_name: str | None = None
    server_url: str | None = None
    server_token: str | None = attrs.field(default=None, repr=False)


def config_dir() -> Path:
    """``$PLEXKIT_CONFIG_DIR``, else the platform's per-user config directory."""
    configured = os.environ.get(CONFIG_DIR_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_config_dir("plexkit", appauthor=False))


def config_file() -> Path:
    """The JSON settings file."""
    return config_dir() / _FILE


def _keyring() -> Any:
    """The keyring module, or None when it is missing or turned off."""
    if os.environ.get(KEYRING_ENV, "1").strip().lower() in {"0", "no", "false", "off"}:
        return None
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def load() -> Settings:
    """The stored settings (defaults when nothing is stored yet)."""
    path = config_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    except (OSError, ValueError) as exc:
        raise ConfigurationError(f"cannot read {path}: {type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path} is not a JSON object")
    known = {field.name for field in attrs.fields(Settings)}
    values = {k: v for k, v in data.items() if k in known and isinstance(v, str)}
    ring = _keyring() if data.get("keyring") else None
    if ring is not None:
        for name in _SECRETS:
            secret = ring.get_password(_SERVICE, name)
            if isinstance(secret, str):
                values[name] = secret
    return Settings(**values)


def save(settings: Settings) -> Path:
    """Write ``settings``: secrets to the keyring when there is one, the rest to the 0600 file."""
    directory = config_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    data: dict[str, Any] = {k: v for k, v in attrs.asdict(settings).items() if v is not None}
    ring = _keyring()
    if ring is not None and _to_keyring(ring, data):
        data = {k: v for k, v in data.items() if k not in _SECRETS}
        data["keyring"] = "yes"
    path = directory / _FILE
    write_private_file(path, json.dumps(data, indent=2).encode("utf-8"))
    return path


def _to_keyring(ring: Any, data: dict[str, Any]) -> bool:
    """Put the secrets of ``data`` in the keyring; False (keep them in the file) when the
    keyring has no usable backend, as on a headless machine."""
    try:
        for name in _SECRETS:
            value = data.get(name)
            if value is not None:
                ring.set_password(_SERVICE, name, value)
            elif ring.get_password(_SERVICE, name) is not None:
                ring.delete_password(_SERVICE, name)
    except Exception:  # keyring.errors.KeyringError and backend-specific failures
        return False
    return True
