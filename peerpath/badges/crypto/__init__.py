"""The cryptography of Open Badges 3.0, free of Django models.

Each module does one thing: `multibase` encodes bytes, `jsonld` canonicalises with the
contexts we ship, `integrity` makes and checks `eddsa-rdfc-2022` proofs, `vcjwt` makes and
checks VC-JWTs, `keys` creates and protects issuer keys.
"""
