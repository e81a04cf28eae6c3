"""The I/O of plexkit.auth, written once with ``async``; ``_sync`` is generated from it."""
