"""The asynchronous TVDB client; ``_sync`` is generated from it."""
