"""The asynchronous TMDB client; ``_sync`` is generated from it."""
