"""Claims that entries evidence items of a framework, and their assessment.

The assessor (a line manager, a mentor, or someone outside such as a university partner)
gets a link by email and needs no account. Only a hash of the link's token is stored; the
link stops working once the claim is assessed or withdrawn.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from peerpath.accounts.models import UserManager, hash_token
from peerpath.frameworks.models import Framework, Statement

from ..models import Claim, ClaimItem, LearningEntry


def claim_start(*, owner, framework: Framework) -> Claim:
    """A new, empty claim against `framework`, not sent to anyone yet."""
    return Claim.objects.create(owner=owner, framework=framework)


def _check_editable(claim: Claim) -> None:
    if not claim.is_editable:
        raise ValidationError(_("This claim has been sent and can no longer be changed."))


def claim_item_add(
    *, claim: Claim, statement: Statement, entries: Iterable[LearningEntry], note: str = ""
) -> ClaimItem:
    """Claim that `entries` evidence `statement`; claiming the same item again replaces it.

    Guarantees: the statement is in the claim's framework and the entries are the owner's.
    """
    _check_editable(claim)
    entries = list(entries)
    if statement.framework_id != claim.framework_id:
        raise ValidationError(_("Choose an item of %(name)s.") % {"name": claim.framework.name})
    if not entries:
        raise ValidationError(_("Choose at least one entry that shows it."), code="no-entries")
    if any(entry.owner_id != claim.owner_id for entry in entries):
        raise ValidationError(_("Those are not your entries."))
    with transaction.atomic():
        item, _created = ClaimItem.objects.update_or_create(
            claim=claim, statement=statement, defaults={"note": note}
        )
        item.entries.set(entries)
    return item


def claim_item_remove(*, item: ClaimItem) -> None:
    _check_editable(item.claim)
    item.delete()


def claim_submit(
    *,
    claim: Claim,
    assessor_name: str,
    assessor_email: str,
    assessor_role: str,
    note: str = "",
    base_url: str = "",
) -> str:
    """Send the claim to an assessor; returns the link emailed to them.

    Guarantees: a claim with at least one item, sent once; the email goes only after the
    claim is saved as sent.
    """
    _check_editable(claim)
    email = UserManager.normalize_email(assessor_email)
    if email == claim.owner.email:
        raise ValidationError(_("You cannot assess your own claim."), code="self")
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        _check_editable(locked)
        if not locked.items.exists():
            raise ValidationError(_("Add at least one item before you send the claim."))
        raw_token = locked.new_link_token()
        locked.assessor_name = assessor_name
        locked.assessor_email = email
        locked.assessor_role = assessor_role
        locked.note = note
        locked.status = Claim.Status.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.save()
        path = reverse("portfolio:assess", kwargs={"token": raw_token})
        link = f"{base_url or settings.SITE_URL}{path}"
        transaction.on_commit(lambda: _email_assessor(locked, link))
    claim.refresh_from_db()
    return link


def _email_assessor(claim: Claim, link: str) -> None:
    language = claim.owner.language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("%(name)s asks you to assess their evidence") % {"name": claim.owner}
        body = render_to_string(
            "portfolio/email/claim_for_assessor.txt",
            {"claim": claim, "link": link, "site_name": settings.SITE_NAME},
        )
    send_mail(subject, body, None, [claim.assessor_email])


def claim_withdraw(*, claim: Claim) -> None:
    """Take back a claim that has not been assessed; its link stops working at once."""
    if claim.status not in {Claim.Status.DRAFT, Claim.Status.SUBMITTED}:
        raise ValidationError(_("An assessed claim is a record and cannot be withdrawn."))
    claim.status = Claim.Status.WITHDRAWN
    claim.token_hash = ""
    claim.save(update_fields=["status", "token_hash"])


def claim_for_token(raw_token: str) -> Claim | None:
    """The claim a link is for, while it waits for assessment; None otherwise."""
    if not raw_token:
        return None
    return (
        Claim.objects.awaiting_assessment()
        .select_related("owner", "framework")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )


@dataclass(frozen=True)
class Decision:
    decision: str  # ClaimItem.Decision.ACCEPTED or RETURNED
    comment: str = ""


def claim_assess(*, claim: Claim, assessor_name: str, decisions: dict[int, Decision]) -> Claim:
    """Record the assessor's decision on every item, all at once.

    Guarantees: every item is decided; a returned item has a comment saying why; each
    item records who decided and when; the link stops working; the owner is told.
    """
    assessor_name = assessor_name.strip()
    if not assessor_name:
        raise ValidationError(_("Enter your name, so the record says who assessed it."))
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        if locked.status != Claim.Status.SUBMITTED:
            raise ValidationError(_("This claim is no longer waiting for assessment."))
        items = list(locked.items.all())
        problems = _decision_problems(items, decisions)
        if problems:
            raise ValidationError(problems)
        now = timezone.now()
        who = f"{assessor_name} <{locked.assessor_email}>"
        for item in items:
            chosen = decisions[item.pk]
            item.decision = chosen.decision
            item.comment = chosen.comment.strip()
            item.decided_at = now
            item.decided_by = who[:300]
            item.save(update_fields=["decision", "comment", "decided_at", "decided_by"])
        locked.assessor_name = assessor_name
        locked.status = Claim.Status.ASSESSED
        locked.assessed_at = now
        locked.token_hash = ""
        locked.save()
        transaction.on_commit(lambda: _email_owner(locked))
    return locked


def _decision_problems(items: list[ClaimItem], decisions: dict[int, Decision]) -> list[str]:
    allowed = {ClaimItem.Decision.ACCEPTED, ClaimItem.Decision.RETURNED}
    problems = []
    for item in items:
        chosen = decisions.get(item.pk)
        if chosen is None or chosen.decision not in allowed:
            problems.append(
                _("Accept or return %(code)s.") % {"code": item.statement.code},
            )
        elif chosen.decision == ClaimItem.Decision.RETURNED and not chosen.comment.strip():
            problems.append(
                _("Say why you are returning %(code)s.") % {"code": item.statement.code}
            )
    return problems


def _email_owner(claim: Claim) -> None:
    with translation.override(claim.owner.language or settings.LANGUAGE_CODE):
        subject = _("Your claim against %(framework)s has been assessed") % {
            "framework": claim.framework.name
        }
        body = render_to_string(
            "portfolio/email/claim_assessed.txt",
            {
                "claim": claim,
                "link": settings.SITE_URL + claim.get_absolute_url(),
                "site_name": settings.SITE_NAME,
            },
        )
    send_mail(subject, body, None, [claim.owner.email])


def claim_start_from_returned(*, claim: Claim) -> Claim:
    """A new draft claim holding the items the assessor returned, to improve and resend."""
    returned = claim.items.filter(decision=ClaimItem.Decision.RETURNED)
    with transaction.atomic():
        fresh = claim_start(owner=claim.owner, framework=claim.framework)
        for item in returned:
            copy = ClaimItem.objects.create(claim=fresh, statement=item.statement, note=item.note)
            copy.entries.set(item.entries.all())
    return fresh
