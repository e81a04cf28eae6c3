"""The ``plexkit`` command line (needs the ``cli`` extra: typer, rich, platformdirs)."""

from __future__ import annotations

import sys

try:
    import platformdirs  # noqa: F401
    import rich  # noqa: F401
    import typer  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on what is installed
    sys.exit(
        f"the plexkit command needs the cli extra ({exc.name} is missing): "
        "pip install 'plexkit[cli]'"
    )

from plexkit.cli.app import app, main

__all__ = ["app", "main"]
