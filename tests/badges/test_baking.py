"""Badge images carry the credential the way OB 3.0 says, and nothing else is damaged."""

import struct
import zlib

import pytest

from peerpath.badges.baking import (
    BakingError,
    bake_png,
    bake_svg,
    png_chunks,
    unbake_png,
    unbake_svg,
)
from peerpath.badges.images import badge_png, badge_svg

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"


def test_a_baked_png_has_one_uncompressed_openbadgecredential_itxt_chunk():
    baked = bake_png(bake_png(badge_png("#00703c"), "old"), JWT)
    chunks = [data for kind, data in png_chunks(baked) if kind == b"iTXt"]
    assert len(chunks) == 1
    keyword, rest = chunks[0].split(b"\0", 1)
    assert keyword == b"openbadgecredential"
    assert rest[0] == 0  # compression flag off
    assert rest.endswith(JWT.encode())
    assert unbake_png(baked) == JWT


def test_the_generated_png_is_a_real_256_pixel_image():
    png = badge_png("#4c2c92")
    chunks = dict(png_chunks(png))
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    assert (width, height) == (256, 256)
    assert len(zlib.decompress(chunks[b"IDAT"])) == 256 * (256 * 4 + 1)


def test_a_damaged_png_is_refused():
    png = bytearray(bake_png(badge_png("#1d70b8"), JWT))
    png[40] ^= 0xFF
    with pytest.raises(BakingError):
        unbake_png(bytes(png))


def test_a_png_without_a_badge_says_so():
    with pytest.raises(BakingError, match="no Open Badge"):
        unbake_png(badge_png("#1d70b8"))


def test_a_baked_svg_carries_the_jwt_in_the_verify_attribute():
    baked = bake_svg(badge_svg("Thing 4: 360° feedback <you>", "#d4351c"), JWT)
    assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    assert baked.index("<openbadges:credential") < baked.index("<path")
    assert "&lt;you&gt;" in baked
    assert unbake_svg(baked) == JWT


def test_an_svg_with_an_embedded_json_credential_can_be_read():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential>'
        '<![CDATA[{"id": "x"}]]></openbadges:credential></svg>'
    )
    assert unbake_svg(svg) == '{"id": "x"}'
