"""Making, agreeing and ending pairs. Every pair, however it was made, goes through
`pairing_create`, which is where the scheme's rules and everyone's capacity are enforced."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors
from ..eligibility import ended_pairs, pair_problems
from ..emails import notify
from ..models import (
    LIVE_STATUSES,
    Agreement,
    Application,
    Cohort,
    MatchExclusion,
    Pairing,
    Place,
    SchemeStaff,
)

DEFAULT_CONFIDENTIALITY = _(
    "What we say in our sessions stays between us. The exception: if either of us hears "
    "something that puts someone at risk of harm, or that the law requires us to report, "
    "we will say so and follow our organisation's procedure."
)
DEFAULT_BOUNDARIES = _(
    "This is professional development, not line management or a friendship. Either of us "
    "can say when a topic is off limits, and we will end a session early if we need to."
)


def _check_pair(mentee: Application, mentor: Application) -> None:
    cohort = mentee.cohort
    problems = pair_problems(
        mentee,
        mentor,
        excluded=MatchExclusion.objects.filter(mentee=mentee, mentor=mentor).exists(),
        paired_before=(mentee.pk, mentor.pk) in ended_pairs(cohort),
    )
    for application in (mentee, mentor):
        name = application.applicant.full_name
        if application.status != Application.Status.ACCEPTED:
            problems.append(_("%(name)s's application is not accepted.") % {"name": name})
        elif cohort.training_required and not selectors.is_trained(application):
            problems.append(_("%(name)s has not completed training yet.") % {"name": name})
    if problems:
        raise ValidationError(problems)


def _take_place(application: Application, pairing: Pairing) -> None:
    """Take the lowest free place of `application`; refuse when all are taken. The unique
    (application, number) constraint makes a race for the last place fail, not overfill."""
    taken = set(application.places.values_list("number", flat=True))
    free = [n for n in range(1, application.capacity + 1) if n not in taken]
    if not free:
        raise ValidationError(
            _("%(name)s has no places left.") % {"name": application.applicant.full_name}
        )
    Place.objects.create(application=application, number=free[0], pairing=pairing)


def pairing_create(
    *, mentee: Application, mentor: Application, how_made: str, by, score=None, breakdown=()
) -> Pairing:
    """Pair two accepted applicants, or raise ValidationError saying why not.

    Guarantees: the scheme's rules hold, neither person goes beyond their capacity (even
    when two people pair at the same moment), and both are emailed once it is saved.
    """
    try:
        with transaction.atomic():
            # Always the round first, then both applications in id order: every way of
            # making a pair takes its locks in this one order, so none can deadlock.
            Cohort.objects.select_for_update(no_key=True).get(pk=mentee.cohort_id)
            locked = (
                Application.objects.select_for_update(of=("self",))
                .filter(pk__in=[mentee.pk, mentor.pk])
                .select_related("applicant", "cohort__scheme")
                .order_by("pk")
            )
            fresh = {a.pk: a for a in locked}
            mentee, mentor = fresh[mentee.pk], fresh[mentor.pk]
            _check_pair(mentee, mentor)
            pairing = Pairing.objects.create(
                cohort=mentee.cohort,
                mentee=mentee.applicant,
                mentor=mentor.applicant,
                mentee_application=mentee,
                mentor_application=mentor,
                how_made=how_made,
                made_by=by,
                score=score,
                breakdown=list(breakdown),
            )
            _take_place(mentor, pairing)
            _take_place(mentee, pairing)
            for application in (mentee, mentor):
                if application.wants_rematch:
                    application.wants_rematch = False
                    application.save(update_fields=["wants_rematch", "updated_at"])
            Agreement.objects.create(
                pairing=pairing,
                confidentiality=str(DEFAULT_CONFIDENTIALITY),
                boundaries=str(DEFAULT_BOUNDARIES),
                planned_end=mentee.cohort.planned_end,
            )
            notify("paired", pairing, [pairing.mentee, pairing.mentor])
    except IntegrityError:
        raise ValidationError(
            _("Someone else took the last place at the same moment. Nothing was changed.")
        ) from None
    return pairing


AGREEMENT_FIELDS = [
    "frequency",
    "session_minutes",
    "format",
    "confidentiality",
    "boundaries",
    "commit_professional_learning",
    "commit_self_care",
    "goals",
    "planned_end",
]


def agreement_save(*, agreement: Agreement, by, sign: bool) -> Agreement:
    """Save the agreement's wording (`agreement` holds the new values). A change to what
    either person already signed clears both signatures; `sign` signs this wording."""
    with transaction.atomic():
        stored = Agreement.objects.select_for_update().get(pk=agreement.pk)
        changed = any(getattr(stored, f) != getattr(agreement, f) for f in AGREEMENT_FIELDS)
        if changed:
            for f in AGREEMENT_FIELDS:
                setattr(stored, f, getattr(agreement, f))
            stored.mentor_signed_at = stored.mentee_signed_at = None
            stored.updated_by = by
        if sign:
            if not (stored.commit_professional_learning and stored.commit_self_care):
                raise ValidationError(
                    _("Both of you commit to professional learning and self-care before signing.")
                )
            if not stored.frequency.strip():
                raise ValidationError(_("Agree how often you will meet before signing."))
            field = "mentor_signed_at" if by.pk == stored.pairing.mentor_id else "mentee_signed_at"
            setattr(stored, field, timezone.now())
        stored.save()
        pairing = stored.pairing
        if stored.is_signed_by_both and pairing.status == Pairing.Status.AGREEING:
            pairing.status = Pairing.Status.ACTIVE
            pairing.save(update_fields=["status"])
            notify("agreement-signed", pairing, [pairing.mentor, pairing.mentee])
    return stored


def pairing_end(*, pairing: Pairing, by, reason: str, wants_rematch: bool) -> Pairing:
    """End a pair early, no fault recorded: either person may, giving a reason. Both places
    are freed; a person who asks for a new match goes back into matching."""
    if reason not in Pairing.EndReason.values:
        raise ValidationError(_("Choose the reason the pairing is ending."))
    with transaction.atomic():
        locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
        if locked.status not in LIVE_STATUSES:
            raise ValidationError(_("This pairing has already ended."))
        locked.status = Pairing.Status.ENDED_EARLY
        locked.ended_at = timezone.now()
        locked.ended_by = by
        locked.end_reason = reason
        locked.save()
        locked.places.all().delete()
        if wants_rematch:
            mine = (
                locked.mentor_application
                if by.pk == locked.mentor_id
                else locked.mentee_application
            )
            mine.wants_rematch = True
            mine.save(update_fields=["wants_rematch", "updated_at"])
        staff = [
            s.user
            for s in SchemeStaff.objects.filter(scheme=locked.cohort.scheme, role="coordinator")
        ]
        notify("pairing-ended", locked, [locked.partner_of(by), *staff])
    return locked


def pairing_finish(*, pairing: Pairing) -> Pairing:
    """Mark a pair finished (after both closing reviews) and free their places."""
    with transaction.atomic():
        locked = Pairing.objects.select_for_update().get(pk=pairing.pk)
        if locked.status in LIVE_STATUSES:
            locked.status = Pairing.Status.CLOSED
            locked.ended_at = timezone.now()
            locked.save(update_fields=["status", "ended_at"])
            locked.places.all().delete()
    return locked
