"""Showing an evaluation or a 360° report to a named person, and taking it back."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.accounts.models import User, UserManager

from ..models import FeedbackRound, SelfEvaluation, Share, ShareComment


def share_create(
    *,
    owner,
    email: str,
    relationship: str,
    evaluation: SelfEvaluation | None = None,
    round: FeedbackRound | None = None,
) -> Share:
    """Show one finished evaluation, or one closed round's report, to someone with an account.

    The person is named by email. Sharing is refused for unfinished work, with oneself,
    with someone who already has it, and with an address that has no account.
    """
    if (evaluation is None) == (round is None):
        raise ValueError("share exactly one evaluation or one round")
    if relationship not in Share.Relationship.values:
        raise ValidationError(_("Choose who they are to you."))
    if evaluation is not None and not evaluation.is_complete:
        raise ValidationError(_("Finish the self-evaluation before you share it."))
    if round is not None and round.status != FeedbackRound.Status.CLOSED:
        raise ValidationError(_("The report can be shared once the round is closed."))
    person = User.objects.filter(email=UserManager.normalize_email(email), is_active=True).first()
    if person is None:
        raise ValidationError(
            _("There is no account for %(email)s. Check the address, or ask them to join first.")
            % {"email": email.strip()}
        )
    if person == owner:
        raise ValidationError(_("You can already see your own work. Enter someone else's email."))
    try:
        with transaction.atomic():
            return Share.objects.create(
                owner=owner,
                shared_with=person,
                relationship=relationship,
                evaluation=evaluation,
                round=round,
            )
    except IntegrityError:
        raise ValidationError(
            _("You have already shared this with %(name)s.") % {"name": person.full_name}
        ) from None


def share_withdraw(*, share: Share) -> None:
    """Stop showing it. The person loses access at once; their comments stay with you."""
    if share.withdrawn_at is None:
        share.withdrawn_at = timezone.now()
        share.save(update_fields=["withdrawn_at"])


def share_comment_add(*, share: Share, author, text: str) -> ShareComment:
    """A comment from the person it was shared with, while the share is in force."""
    text = text.strip()
    if not share.is_active or share.shared_with_id != author.pk:
        raise ValidationError(_("This is no longer shared with you."))
    if not text:
        raise ValidationError(_("Write a comment before you send it."))
    return ShareComment.objects.create(share=share, author=author, text=text)
