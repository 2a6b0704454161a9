"""Applying to a round, and the coordinator's decisions on applications."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.accounts.audit import audit_record
from peerpath.drafts.services import draft_discard

from ..eligibility import application_problems
from ..emails import notify
from ..models import Application, Pairing

DECISIONS = {
    Application.Status.ACCEPTED,
    Application.Status.WAITLISTED,
    Application.Status.DECLINED,
}


def application_save(*, application: Application, submit: bool) -> Application:
    """Save the answers; with `submit`, check eligibility and send the application.

    An application that fails a rule stays a draft and the ValidationError lists every
    rule it fails. Rounds that accept eligible applications at once accept it here.
    """
    cohort = application.cohort
    if application.status not in {Application.Status.DRAFT, Application.Status.SUBMITTED}:
        raise ValidationError(_("This application has been decided and can no longer change."))
    if submit and not cohort.accepts_applications:
        raise ValidationError(_("This round is not taking applications now."))
    with transaction.atomic():
        if submit:
            problems = application_problems(cohort, application)
            if problems:
                raise ValidationError(problems)
            if application.status == Application.Status.DRAFT:
                application.submitted_at = timezone.now()
                application.status = (
                    Application.Status.ACCEPTED
                    if cohort.auto_accept
                    else Application.Status.SUBMITTED
                )
        application.save()
        if submit:
            draft_discard(owner=application.applicant, key=application.draft_key)
            notify("application-received", application, [application.applicant])
    return application


def application_decide(*, application: Application, decision: str, reason: str, by) -> Application:
    """Accept, waitlist or decline a submitted (or waitlisted) application; the applicant is
    told by email. Declining needs a reason, which the applicant sees."""
    if decision not in DECISIONS:
        raise ValidationError(_("Choose accept, waiting list or decline."))
    if decision == Application.Status.DECLINED and not reason.strip():
        raise ValidationError(_("Give a reason when you decline: the applicant will see it."))
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status in {Application.Status.DRAFT, Application.Status.WITHDRAWN}:
            raise ValidationError(_("Only sent applications can be decided."))
        live = (
            Pairing.objects.filter(
                status__in=["agreeing", "active"], mentee_application=locked
            ).exists()
            or locked.places.exists()
        )
        if live and decision != Application.Status.ACCEPTED:
            raise ValidationError(_("This person is already in a pair; end the pair first."))
        locked.status = decision
        locked.decision_reason = reason.strip()
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.save()
        audit_record(
            actor=by,
            action="mentoring.application.decided",
            organisation=locked.cohort.scheme.owner,
            subject=locked.applicant,
            obj=locked,
            summary=f"{locked.get_status_display()}: application to {locked.cohort}",
        )
        notify("application-decided", locked, [locked.applicant])
    return locked


def application_withdraw(*, application: Application) -> Application:
    """The applicant withdraws; refused while they are in a live pair."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if (
            locked.places.exists()
            or Pairing.objects.filter(
                status__in=["agreeing", "active"], mentee_application=locked
            ).exists()
        ):
            raise ValidationError(_("You are in a pair: end the pairing first."))
        locked.status = Application.Status.WITHDRAWN
        locked.save(update_fields=["status", "updated_at"])
    return locked


def applications_accept(*, applications: list[Application], by) -> int:
    """Accept several waiting applications at once (each is told by email). All or
    nothing: if any can no longer be accepted, none is."""
    with transaction.atomic():
        for application in applications:
            application_decide(
                application=application, decision=Application.Status.ACCEPTED, reason="", by=by
            )
    return len(applications)
