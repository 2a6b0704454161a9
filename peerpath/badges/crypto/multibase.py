"""Multibase and Multikey encodings used by Data Integrity proofs and status lists."""

import base64

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ED25519_PUBLIC_PREFIX = b"\xed\x01"  # multicodec ed25519-pub, as an unsigned varint


class MultibaseError(ValueError):
    pass


def base58btc_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = BASE58_ALPHABET[remainder] + encoded
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + encoded


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        index = BASE58_ALPHABET.find(char)
        if index < 0:
            raise MultibaseError(f"not base58btc: {char!r}")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * leading_zeros + body


def encode(data: bytes, base: str = "z") -> str:
    """Multibase: 'z' base58btc (proof values, keys) or 'u' base64url (status lists)."""
    if base == "z":
        return "z" + base58btc_encode(data)
    if base == "u":
        return "u" + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")
    raise MultibaseError(f"unsupported multibase {base!r}")


def decode(text: str) -> bytes:
    if not text:
        raise MultibaseError("empty multibase value")
    prefix, body = text[0], text[1:]
    if prefix == "z":
        return base58btc_decode(body)
    if prefix == "u":
        try:
            return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        except ValueError as error:
            raise MultibaseError(str(error)) from None
    raise MultibaseError(f"unsupported multibase prefix {prefix!r}")


def ed25519_multikey(public_key: bytes) -> str:
    """The `publicKeyMultibase` of an Ed25519 Multikey (starts "z6Mk")."""
    return encode(ED25519_PUBLIC_PREFIX + public_key, "z")


def ed25519_from_multikey(value: str) -> bytes:
    raw = decode(value)
    if not raw.startswith(ED25519_PUBLIC_PREFIX) or len(raw) != 34:
        raise MultibaseError("not an Ed25519 Multikey")
    return raw[2:]
