"""Tiny real PNG images, so artwork and ``/photo/:/transcode`` answer with decodable bytes."""

from __future__ import annotations

import hashlib
import struct
import zlib

MAX_SIDE = 4096
"""Larger requested sizes are clamped (PMS also caps transcoded image sizes)."""


def png(width: int, height: int, seed: str) -> bytes:
    """A ``width`` x ``height`` RGB PNG: a vertical gradient whose colour depends on ``seed``."""
    width = max(1, min(width, MAX_SIDE))
    height = max(1, min(height, MAX_SIDE))
    r, g, b = hashlib.sha1(seed.encode()).digest()[:3]
    rows = bytearray()
    for y in range(height):
        shade = 64 + (191 * y) // max(height - 1, 1)
        pixel = bytes(((r * shade) >> 8, (g * shade) >> 8, (b * shade) >> 8))
        rows += b"\x00" + pixel * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 6))
        + _chunk(b"IEND", b"")
    )


def png_size(data: bytes) -> tuple[int, int]:
    """``(width, height)`` read from a PNG's header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )
