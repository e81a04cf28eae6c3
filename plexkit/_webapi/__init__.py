"""What plexkit's clients for third-party JSON APIs (TMDB, TVDB) share: one HTTP driver with
retries, a deadline, caching and redaction (``_async``, sync generated), and JSON readers."""
