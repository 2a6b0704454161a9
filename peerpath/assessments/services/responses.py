"""A rater's answers: found by link, saved as they go, submitted once, then anonymous."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.frameworks.models import Domain, ScaleLevel, Statement

from .. import tokens
from ..models import FeedbackResponse, Rater, ResponseComment, ResponseRating


def rater_find(token: str) -> Rater | None:
    """The rater a link belongs to, whatever the state of their round; None if forged."""
    if not token or len(token) > 100:
        return None
    return (
        Rater.objects.select_related("round__subject", "round__framework")
        .filter(token_hash=tokens.hash_of(token))
        .first()
    )


def rater_link_problem(rater: Rater | None) -> str | None:
    """Why a link cannot be used ("forged", "submitted", "closed", "expired"), or None."""
    if rater is None:
        return "forged"
    if rater.has_submitted:
        return "submitted"
    if rater.round.status != rater.round.Status.OPEN:
        return "closed"
    if not rater.round.accepts_feedback:
        return "expired"
    return None


def _check_usable(rater: Rater) -> None:
    if rater_link_problem(rater) is not None:
        raise ValidationError(_("This link can no longer be used to give feedback."))


def response_of(rater: Rater) -> FeedbackResponse | None:
    """The rater's answers so far, if they have saved any (never after submitting)."""
    return FeedbackResponse.objects.filter(rater=rater, is_submitted=False).first()


def response_save_domain(
    *,
    rater: Rater,
    domain: Domain,
    levels: Mapping[Statement, ScaleLevel | None],
    comment: str | None,
) -> FeedbackResponse:
    """Keep a rater's answers for one capability; None means "I cannot say".

    Refuses used, expired and closed links, statements of another capability and levels
    of another scale, changing nothing.
    """
    round = rater.round
    scale_id = round.framework.rating_scale.pk
    if domain.framework_id != round.framework_id:
        raise ValidationError(_("That section is not part of this feedback."))
    for statement, level in levels.items():
        if statement.domain_id != domain.pk or (level is not None and level.scale_id != scale_id):
            raise ValidationError(_("Choose a rating from the scale for each statement."))
    with transaction.atomic():
        locked = Rater.objects.select_for_update().get(pk=rater.pk)
        _check_usable(locked)
        response, _created = FeedbackResponse.objects.get_or_create(
            rater=locked, defaults={"round": round, "group": locked.group}
        )
        for statement, level in levels.items():
            ResponseRating.objects.update_or_create(
                response=response, statement=statement, defaults={"level": level}
            )
        if comment is not None:
            _keep_comment(response, domain, comment)
        response.last_domain = domain
        response.save(update_fields=["last_domain"])
    return response


def response_save_overall_comment(*, rater: Rater, comment: str) -> None:
    """Keep the rater's closing comment ("anything else?")."""
    with transaction.atomic():
        locked = Rater.objects.select_for_update().get(pk=rater.pk)
        _check_usable(locked)
        response, _created = FeedbackResponse.objects.get_or_create(
            rater=locked, defaults={"round": locked.round, "group": locked.group}
        )
        _keep_comment(response, None, comment)


def _keep_comment(response: FeedbackResponse, domain: Domain | None, text: str) -> None:
    text = text.strip()
    if text:
        ResponseComment.objects.update_or_create(
            response=response, domain=domain, defaults={"text": text}
        )
    else:
        ResponseComment.objects.filter(response=response, domain=domain).delete()


def response_submit(*, rater: Rater) -> None:
    """Send the answers, once. From here the answers are cut loose from the rater.

    The rater row is locked, so two clicks cannot both submit; a second attempt, a used
    link or an expired one is refused. At least one rating is needed; statements left
    blank count as "I cannot say".
    """
    with transaction.atomic():
        locked = Rater.objects.select_for_update().get(pk=rater.pk)
        _check_usable(locked)
        response = FeedbackResponse.objects.filter(rater=locked).first()
        if response is None or not response.ratings.filter(level__isnull=False).exists():
            raise ValidationError(_("Rate at least one statement before you send your feedback."))
        response.rater = None
        response.is_submitted = True
        response.last_domain = None
        response.save(update_fields=["rater", "is_submitted", "last_domain"])
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["submitted_at"])
