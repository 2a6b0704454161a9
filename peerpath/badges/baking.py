"""Baking: carrying a credential inside its badge image (OB 3.0 §5.3).

PNG: one uncompressed iTXt chunk with the keyword `openbadgecredential` whose text is
the VC-JWT (or the credential's JSON). SVG: an `<openbadges:credential>` element right
after the opening `<svg>` tag, with the JWT in its `verify` attribute.
"""

import re
import struct
import zlib
from html import escape, unescape

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEYWORD = b"openbadgecredential"
OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"


class BakingError(ValueError):
    """The image is not one we can read, or carries no credential."""


def png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_chunks(png: bytes):
    """(kind, data) for each chunk, checking the signature and every CRC."""
    if not png.startswith(PNG_SIGNATURE):
        raise BakingError("not a PNG image")
    position = len(PNG_SIGNATURE)
    while position + 12 <= len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        data = png[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(
            ">I", png[position + 8 + length : position + 12 + length] or b"\0\0\0\0"
        )
        if len(data) != length or zlib.crc32(kind + data) & 0xFFFFFFFF != crc:
            raise BakingError("the PNG image is damaged")
        yield kind, data
        position += 12 + length
        if kind == b"IEND":
            return
    raise BakingError("the PNG image ends too soon")


def bake_png(png: bytes, text: str) -> bytes:
    """`png` with `text` in its one openbadgecredential chunk (replacing any old one)."""
    itxt = KEYWORD + b"\0" + b"\0\0" + b"\0" + b"\0" + text.encode("utf-8")
    out = [PNG_SIGNATURE]
    for kind, data in png_chunks(png):
        if kind == b"iTXt" and data.startswith(KEYWORD + b"\0"):
            continue
        if kind == b"IEND":
            out.append(png_chunk(b"iTXt", itxt))
        out.append(png_chunk(kind, data))
    return b"".join(out)


def unbake_png(png: bytes) -> str:
    for kind, data in png_chunks(png):
        if kind == b"iTXt" and data.startswith(KEYWORD + b"\0"):
            rest = data[len(KEYWORD) + 1 :]
            compressed, rest = rest[0], rest[2:]
            _language, _, rest = rest.partition(b"\0")
            _translated, _, text = rest.partition(b"\0")
            if compressed:
                text = zlib.decompress(text)
            return text.decode("utf-8")
    raise BakingError("the image carries no Open Badge")


def bake_svg(svg: str, jwt: str) -> str:
    opening = re.search(r"<svg\b[^>]*>", svg)
    if opening is None:
        raise BakingError("not an SVG image")
    tag = opening.group(0)
    if "xmlns:openbadges" not in tag:
        tag = tag[:-1] + f' xmlns:openbadges="{OB_NAMESPACE}">'
    element = f'<openbadges:credential verify="{escape(jwt)}"></openbadges:credential>'
    return svg[: opening.start()] + tag + element + svg[opening.end() :]


def unbake_svg(svg: str) -> str:
    match = re.search(r"<openbadges:credential\b([^>]*)>(.*?)</openbadges:credential>", svg, re.S)
    if match is None:
        raise BakingError("the image carries no Open Badge")
    verify = re.search(r'verify\s*=\s*"([^"]*)"', match.group(1))
    if verify:
        return unescape(verify.group(1))
    body = match.group(2).strip()
    cdata = re.fullmatch(r"<!\[CDATA\[(.*)\]\]>", body, re.S)
    return cdata.group(1).strip() if cdata else unescape(body)
