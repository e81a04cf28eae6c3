"""Sans-I/O core: request specs, paging maths, error mapping, retry policy, redaction.

Nothing here opens a socket; the async client (and the sync twin generated from it) drive it.
"""
