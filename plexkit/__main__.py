"""``python -m plexkit``: the ``plexkit`` command."""

from plexkit.cli import main

main()
