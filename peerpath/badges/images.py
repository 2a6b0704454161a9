"""Generated badge images: a medal in a colour chosen from the achievement, as PNG and SVG.

The PNG is drawn pixel by pixel and written with zlib, so no imaging library is needed.
"""

import hashlib
import math
import struct
import textwrap
import zlib
from functools import lru_cache
from html import escape

from .baking import PNG_SIGNATURE, png_chunk

SIZE = 256
# GOV.UK Frontend colours with white text contrast of at least 4.5:1.
PALETTE = ["#1d70b8", "#00703c", "#4c2c92", "#d4351c", "#912b88", "#28a197", "#6f72af"]


def colour_for(seed: str) -> str:
    return PALETTE[hashlib.sha256(seed.encode()).digest()[0] % len(PALETTE)]


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _pixel(x: float, y: float, main, light) -> bytes:
    centre, radius = SIZE / 2, SIZE / 2 - 8
    distance = math.hypot(x - centre, y - centre * 0.9)
    if distance <= radius * 0.62:
        return bytes((*light, 255))
    if distance <= radius * 0.7:
        return b"\xff\xff\xff\xff"
    if distance <= radius * 0.9:
        return bytes((*main, 255))
    tail = y > centre and abs(abs(x - centre) - 40) < 18 and y < SIZE - 4
    return bytes((*main, 255)) if tail else b"\0\0\0\0"


@lru_cache(maxsize=64)
def badge_png(colour: str) -> bytes:
    main = _rgb(colour)
    light = tuple(255 - (255 - channel) // 4 for channel in main)
    rows = b"".join(
        b"\0" + b"".join(_pixel(x + 0.5, y + 0.5, main, light) for x in range(SIZE))
        for y in range(SIZE)
    )
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"".join(
        [
            PNG_SIGNATURE,
            png_chunk(b"IHDR", header),
            png_chunk(b"IDAT", zlib.compress(rows, 9)),
            png_chunk(b"IEND", b""),
        ]
    )


def badge_svg(name: str, colour: str) -> str:
    lines = textwrap.wrap(name, 16)[:4]
    start = 118 - 11 * (len(lines) - 1)
    text = "".join(
        f'<text x="128" y="{start + 22 * i}" text-anchor="middle" font-family="Arial, '
        f'sans-serif" font-size="18" font-weight="bold" fill="#0b0c0c">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" '
        f'height="256" role="img" aria-label="{escape(name)}">'
        f'<path d="M88 150 L70 250 L100 232 L118 252 L128 170 Z" fill="{colour}"/>'
        f'<path d="M168 150 L186 250 L156 232 L138 252 L128 170 Z" fill="{colour}"/>'
        f'<circle cx="128" cy="115" r="108" fill="{colour}"/>'
        '<circle cx="128" cy="115" r="84" fill="#ffffff"/>'
        f"{text}</svg>"
    )
