"""``python -m plexkit.testing --port 32400 --movies 500``: see `plexkit.testing.cli`."""

import sys

from plexkit.testing.cli import main

sys.exit(main())
