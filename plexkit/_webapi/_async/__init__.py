"""The asynchronous JSON service driver; ``_sync`` is generated from it."""
