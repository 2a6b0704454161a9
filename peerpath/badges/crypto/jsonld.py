"""JSON-LD canonicalisation (RDFC-1.0) using only the contexts Peerpath ships.

A credential's signature covers what its contexts say its words mean, so contexts are
never fetched: a context server could change a meaning, or be used to probe our network.
Unknown contexts are refused.
"""

import json
from functools import cache
from pathlib import Path

from pyld import jsonld

CONTEXT_DIR = Path(__file__).resolve().parent.parent / "data" / "contexts"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"

SHIPPED_CONTEXTS = {
    VC_V2: "credentials-v2.jsonld",
    OB_V3: "ob-v3p0-context-3.0.3.json",
    MULTIKEY_V1: "security-multikey-v1.json",
}
# Extra documents a caller may allow (tests use the W3C examples context).
_extra_contexts: dict[str, dict] = {}


class UnknownContextError(ValueError):
    """A document names a JSON-LD context that Peerpath does not ship."""


@cache
def _shipped(url: str) -> dict:
    return json.loads((CONTEXT_DIR / SHIPPED_CONTEXTS[url]).read_text(encoding="utf-8"))


def add_context(url: str, document: dict) -> None:
    """Allow one more context (for test vectors); never used for requests from outside."""
    _extra_contexts[url] = document


def document_loader(url: str, options=None) -> dict:
    if url in SHIPPED_CONTEXTS:
        document = _shipped(url)
    elif url in _extra_contexts:
        document = _extra_contexts[url]
    else:
        raise UnknownContextError(url)
    return {"contextUrl": None, "documentUrl": url, "document": document}


def canonize(document: dict) -> str:
    """The RDFC-1.0 canonical N-Quads of `document` (URDNA2015 is the same algorithm)."""
    try:
        return jsonld.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": document_loader,
            },
        )
    except jsonld.JsonLdError as error:
        cause = _unknown_context_in(error)
        if cause is not None:
            raise UnknownContextError(str(cause)) from None
        raise


def _unknown_context_in(error: BaseException | None) -> UnknownContextError | None:
    """pyld wraps loader errors several layers deep, differently across versions."""
    for _depth in range(10):
        if error is None or isinstance(error, UnknownContextError):
            return error
        details = getattr(error, "details", None)
        nested = details.get("cause") if isinstance(details, dict) else None
        error = getattr(error, "cause", None) or nested or error.__cause__ or error.__context__
    return None
