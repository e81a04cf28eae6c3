"""The parts of the seeded library generator (`plexkit.testing.generate`): random
values, movies and shows, music and photos, collections, playlists, history and sessions."""
