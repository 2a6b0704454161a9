"""The end of a pairing: each person's final review, and testimonials given with consent."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import ClosingReview, Cohort, Pairing
from .pairings import pairing_finish

CLOSING_PHASES = {Cohort.Phase.CLOSING, Cohort.Phase.EVALUATION}


def closing_review_save(
    *,
    pairing: Pairing,
    person,
    goals_met: str,
    what_changed: str,
    confidence: dict,
    testimonial: str,
    testimonial_consent: bool,
) -> ClosingReview:
    """Save a person's final review. When both have reviewed, the pairing is finished.

    A testimonial is only ever published with consent; consent without words is refused.
    """
    if pairing.cohort.phase not in CLOSING_PHASES and pairing.is_live:
        raise ValidationError(_("Final reviews open when the round reaches its closing phase."))
    if testimonial_consent and not testimonial.strip():
        raise ValidationError(
            _("Write the testimonial you are agreeing to publish, or untick the box.")
        )
    with transaction.atomic():
        review, _created = ClosingReview.objects.update_or_create(
            pairing=pairing,
            person=person,
            defaults={
                "goals_met": goals_met,
                "what_changed": what_changed.strip(),
                "confidence": confidence,
                "testimonial": testimonial.strip(),
                "testimonial_consent": testimonial_consent,
            },
        )
        if pairing.reviews.count() == 2:
            pairing_finish(pairing=pairing)
    return review
