"""W3C Bitstring Status List: one bit per credential, set when it is revoked.

The list is GZIP-compressed and multibase base64url-encoded; it is at least 16 KB
(131,072 entries) uncompressed so that a verifier cannot tell which credential it is
checking from the size of the list.
"""

import gzip
from collections.abc import Iterable

from . import multibase

MINIMUM_ENTRIES = 131_072


def encode(set_indexes: Iterable[int], size: int = MINIMUM_ENTRIES) -> str:
    indexes = list(set_indexes)
    size = max(size, (max(indexes, default=0) // MINIMUM_ENTRIES + 1) * MINIMUM_ENTRIES)
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)  # index 0 is the left-most bit
    return multibase.encode(gzip.compress(bytes(bits), mtime=0), "u")


def is_set(encoded_list: str, index: int) -> bool:
    """Whether entry `index` is set; ValueError when the list cannot be read."""
    try:
        bits = gzip.decompress(multibase.decode(encoded_list))
    except (OSError, EOFError, multibase.MultibaseError) as error:
        raise ValueError(f"the status list cannot be read: {error}") from None
    if index < 0 or index // 8 >= len(bits):
        raise ValueError("the status index is outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
