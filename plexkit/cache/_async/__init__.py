"""Async cache I/O, the source of truth for the generated ``plexkit/cache/_sync`` twin."""
