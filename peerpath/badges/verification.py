"""Checking a badge someone shows us: the steps of OB 3.0 §9 with reasons people can read.

A credential arrives as a VC-JWT, as JSON with an embedded proof, or baked into a PNG or
SVG. Keys and the status list are looked up only among what this site publishes at the
addresses the credential names; nothing is fetched from elsewhere.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import schema, selectors
from .baking import BakingError, unbake_png, unbake_svg
from .crypto import integrity, keys, statuslist, vcjwt
from .crypto.jsonld import UnknownContextError
from .models import Credential, IssuerKey

VALID = "valid"
INVALID_SIGNATURE = "invalid-signature"
TAMPERED = "tampered"
REVOKED = "revoked"
EXPIRED = "expired"
NOT_YET_VALID = "not-yet-valid"
NOT_CONFORMANT = "not-conformant"
UNREADABLE = "unreadable"
UNKNOWN_ISSUER = "unknown-issuer"
JWT_PATTERN = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")
JWT_CLAIMS = ("iss", "jti", "nbf", "sub", "exp")


@dataclass(frozen=True)
class Check:
    label: str
    passed: bool
    detail: str = ""


@dataclass
class Verification:
    outcome: str
    reason: str
    credential: dict | None = None
    checks: list[Check] = field(default_factory=list)
    format: str = ""

    @property
    def is_valid(self) -> bool:
        return self.outcome == VALID

    def as_json(self) -> dict:
        return {
            "valid": self.is_valid,
            "outcome": self.outcome,
            "reason": self.reason,
            "format": self.format,
            "checks": [
                {"check": c.label, "passed": c.passed, "detail": c.detail} for c in self.checks
            ],
            "credential": self.credential,
        }


class Failed(Exception):
    def __init__(self, outcome: str, reason: str):
        super().__init__(reason)
        self.outcome, self.reason = outcome, reason


def verify(data: bytes | str) -> Verification:
    """Verify a credential in any of its forms; never raises for bad input."""
    result = Verification(outcome=UNREADABLE, reason="")
    try:
        _run(data, result)
    except Failed as failure:
        result.outcome, result.reason = failure.outcome, failure.reason
    return result


def _run(data: bytes | str, result: Verification) -> None:
    text, result.format = _unwrap(data)
    check_signature = _check_jwt if JWT_PATTERN.match(text) else _check_json
    credential = check_signature(text, result)
    _check_status(credential, result)
    _check_dates(credential, result)
    result.outcome = VALID
    result.reason = _(
        "This badge is genuine: %(issuer)s issued it, and it has not been revoked."
    ) % {"issuer": _issuer_name(credential)}


def _unwrap(data: bytes | str) -> tuple[str, str]:
    """The credential text inside what was given, and the form it came in."""
    try:
        if isinstance(data, bytes) and data.startswith(b"\x89PNG"):
            return unbake_png(data).strip(), "png"
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        text = text.strip().lstrip("\ufeff")
        if text.startswith("<"):
            return unbake_svg(text).strip(), "svg"
    except BakingError as error:
        raise Failed(
            UNREADABLE, _("We could not find a badge in that image: %s.") % error
        ) from None
    except UnicodeDecodeError:
        raise Failed(UNREADABLE, _("That file is not a badge, a PNG or an SVG image.")) from None
    return text, "jwt" if JWT_PATTERN.match(text) else "json"


def _conforms(credential: dict, result: Verification) -> None:
    problems = schema.credential_problems(credential)
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and not (subject.get("id") or subject.get("identifier")):
        problems.append(_("credentialSubject has neither an id nor an identifier"))
    result.checks.append(
        Check(_("Follows the Open Badges 3.0 format"), not problems, "; ".join(problems))
    )
    if problems:
        raise Failed(
            NOT_CONFORMANT, _("This is not a valid Open Badges 3.0 credential: %s.") % problems[0]
        )


def _check_json(text: str, result: Verification) -> dict:
    try:
        credential = json.loads(text)
    except ValueError:
        raise Failed(
            UNREADABLE, _("That is neither a badge's JSON nor a JWT: it cannot be read.")
        ) from None
    if not isinstance(credential, dict):
        raise Failed(UNREADABLE, _("That JSON is not a credential."))
    result.credential = credential
    _conforms(credential, result)
    try:
        proof = integrity.the_proof(credential)
    except integrity.ProofError as error:
        raise Failed(
            INVALID_SIGNATURE, _("The credential is not signed in a way we can check: %s.") % error
        ) from None
    key = _published_key(proof["verificationMethod"], credential, IssuerKey.Algorithm.EDDSA)
    try:
        check = integrity.verify_proof(credential, keys.ed25519_public_from_jwk(key.public_jwk))
    except UnknownContextError as error:
        raise Failed(
            NOT_CONFORMANT, _("The credential uses a vocabulary we do not know: %s.") % error
        ) from None
    if not check.valid:
        _signature_failed(credential, result)
    result.checks.append(
        Check(
            _("Signed by the issuer"),
            True,
            _("Data Integrity proof (eddsa-rdfc-2022) by %s") % key.iri,
        )
    )
    return credential


def _check_jwt(token: str, result: Verification) -> dict:
    try:
        parts = vcjwt.read(token)
    except vcjwt.JwtFormatError as error:
        raise Failed(UNREADABLE, _("That JWT cannot be read: %s.") % error) from None
    payload = parts.payload
    credential = payload.get("vc", payload) if isinstance(payload.get("vc"), dict) else payload
    credential = {name: value for name, value in credential.items() if name not in JWT_CLAIMS}
    result.credential = credential
    _conforms(credential, result)
    key = _published_key(parts.header.get("kid", ""), credential, parts.header.get("alg"))
    if not vcjwt.signature_is_valid(token, key.public_jwk):
        _signature_failed(credential, result)
    if mismatches := vcjwt.claim_mismatches(payload):
        raise Failed(
            TAMPERED,
            _("The token's claims (%s) disagree with the credential inside it.")
            % ", ".join(mismatches),
        )
    result.checks.append(
        Check(
            _("Signed by the issuer"),
            True,
            _("VC-JWT (%(alg)s) by %(kid)s") % {"alg": key.algorithm, "kid": key.iri},
        )
    )
    return credential


def _our_url(url: str):
    """The resolved view for one of this site's public addresses, or None."""
    if not isinstance(url, str) or not url.startswith(f"{settings.SITE_URL}/"):
        return None
    try:
        return resolve(url[len(settings.SITE_URL) :].split("#")[0])
    except Resolver404:
        return None


def _published_key(url: str, credential: dict, algorithm) -> IssuerKey:
    """The key published at `url`, if it belongs to the credential's issuer."""
    match = _our_url(url)
    issuer_id = (
        (credential.get("issuer") or {}).get("id")
        if isinstance(credential.get("issuer"), dict)
        else credential.get("issuer")
    )
    if match is None or match.view_name != "badges:issuer-key":
        if not str(url).startswith(settings.SITE_URL) and not str(issuer_id).startswith(
            settings.SITE_URL
        ):
            raise Failed(
                UNKNOWN_ISSUER,
                _("This badge was not issued through %(site)s, so we cannot check it here.")
                % {"site": settings.SITE_NAME},
            )
        raise Failed(
            INVALID_SIGNATURE, _("The signature names a key that the issuer has not published.")
        )
    key = (
        IssuerKey.objects.select_related("issuer__organisation")
        .filter(uuid=match.kwargs["key_uuid"], issuer__uuid=match.kwargs["issuer_uuid"])
        .first()
    )
    if key is None or key.algorithm != algorithm:
        raise Failed(
            INVALID_SIGNATURE, _("The signature names a key that the issuer has not published.")
        )
    if key.issuer.iri != issuer_id:
        raise Failed(INVALID_SIGNATURE, _("The signature was made with another issuer's key."))
    return key


def _signature_failed(credential: dict, result: Verification) -> None:
    """Tell tampering (contents differ from what was issued) from a foreign signature."""
    match = _our_url(credential.get("id", ""))
    record = None
    if match is not None and match.view_name == "badges:credential":
        record = Credential.objects.filter(uuid=match.kwargs["credential_uuid"]).first()
    result.checks.append(Check(_("Signed by the issuer"), False))
    if record is not None and record.signed_json:
        changed = _changed_fields(record.signed_json, credential)
        if changed:
            raise Failed(
                TAMPERED,
                _("This badge has been tampered with: %s changed after it was issued.")
                % ", ".join(changed),
            )
    raise Failed(
        INVALID_SIGNATURE,
        _("The signature is not valid: it was not made with the issuer's published key."),
    )


def _changed_fields(issued: dict, shown: dict) -> list[str]:
    names = (set(issued) | set(shown)) - {"proof"}
    return sorted(name for name in names if issued.get(name) != shown.get(name))


def _check_status(credential: dict, result: Verification) -> None:
    status = credential.get("credentialStatus")
    if not status:
        result.checks.append(
            Check(_("Not revoked"), True, _("The issuer offers no revocation list."))
        )
        return
    entry = status[0] if isinstance(status, list) else status
    match = _our_url(entry.get("statusListCredential", ""))
    if (
        entry.get("type") != "BitstringStatusListEntry"
        or match is None
        or match.view_name != "badges:status-list"
    ):
        raise Failed(NOT_CONFORMANT, _("The badge's revocation list is not one we can check."))
    issuer = selectors.issuer_by_uuid(match.kwargs["issuer_uuid"])
    published = selectors.status_list_credential(issuer)
    try:
        index = int(entry.get("statusListIndex", ""))
        revoked = statuslist.is_set(published["credentialSubject"]["encodedList"], index)
    except ValueError as error:
        raise Failed(NOT_CONFORMANT, str(error)) from None
    if revoked:
        reason = selectors.revocation_reason(issuer, index)
        result.checks.append(Check(_("Not revoked"), False, reason))
        raise Failed(
            REVOKED,
            _("This badge has been revoked by %(issuer)s. Reason given: %(reason)s")
            % {"issuer": issuer.name, "reason": reason or _("none")},
        )
    result.checks.append(
        Check(_("Not revoked"), True, _("Checked against the issuer's revocation list."))
    )


def _moment(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _check_dates(credential: dict, result: Verification) -> None:
    now = timezone.now()
    valid_from, valid_until = (
        _moment(credential.get("validFrom")),
        _moment(credential.get("validUntil")),
    )
    if valid_from and valid_from > now:
        result.checks.append(Check(_("In date"), False))
        raise Failed(NOT_YET_VALID, _("This badge is not valid until %s.") % _local(valid_from))
    if valid_until and valid_until < now:
        result.checks.append(Check(_("In date"), False))
        raise Failed(EXPIRED, _("This badge expired on %s.") % _local(valid_until))
    result.checks.append(Check(_("In date"), True))


def _local(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def _issuer_name(credential: dict) -> str:
    issuer = credential.get("issuer")
    return issuer.get("name", issuer.get("id", "")) if isinstance(issuer, dict) else str(issuer)
