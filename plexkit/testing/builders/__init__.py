"""The fake library's ``add_*`` builders, one module per kind of content, sharing one node
preamble (`plexkit.testing.builders.base.preamble`); ``FakeLibrary`` combines them."""
