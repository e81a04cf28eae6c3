"""Asynchronous gap finding; ``_sync`` is generated from it."""
