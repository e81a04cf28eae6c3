"""Async player I/O, the source of truth for the generated ``plexkit/player/_sync`` twin."""
