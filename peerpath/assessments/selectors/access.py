"""Who may see or fill in what. Private things are simply not found for anyone else."""

from django.db.models import Q, QuerySet

from peerpath.accounts.models import Membership

from ..models import FeedbackRound, SelfEvaluation, Share


def editable_evaluations(user) -> QuerySet[SelfEvaluation]:
    """Evaluations this person may fill in and manage.

    Their own personal ones; and organisational ones of organisations they administer
    (site admins: every organisation) or to which they were added as a contributor.
    Nobody else's personal evaluation is ever included, whatever their role.
    """
    if not user.is_authenticated:
        return SelfEvaluation.objects.none()
    if user.is_superuser:
        organisational = Q(organisation__isnull=False)
    else:
        admin_of = user.memberships.filter(role=Membership.Role.ORG_ADMIN).values("organisation")
        organisational = Q(organisation__in=admin_of) | Q(
            organisation__isnull=False, contributors=user
        )
    mine = Q(owner=user, organisation__isnull=True)
    return SelfEvaluation.objects.filter(mine | organisational).distinct()


def can_edit(user, evaluation: SelfEvaluation) -> bool:
    """May this person fill in, share and manage this evaluation?"""
    return editable_evaluations(user).filter(pk=evaluation.pk).exists()


def active_share(user, *, evaluation=None, round=None) -> Share | None:
    """The share that lets `user` see the evaluation or report, if one is in force."""
    if not user.is_authenticated:
        return None
    shares = Share.objects.filter(shared_with=user, withdrawn_at__isnull=True)
    if evaluation is not None:
        return shares.filter(evaluation=evaluation).first()
    return shares.filter(round=round).first()


def can_view(user, evaluation: SelfEvaluation) -> bool:
    """May this person read this evaluation? Its owners, and anyone it is shared with.

    A withdrawn share stops access at once. The mentoring app can offer "show my peer"
    by creating a share (services.sharing.share_create) and rely on this check.
    """
    return can_edit(user, evaluation) or active_share(user, evaluation=evaluation) is not None


def can_view_report(user, round: FeedbackRound) -> bool:
    """May this person read the round's report? Its subject, and anyone it is shared with.

    Coordinators, organisation admins and site admins have no way in unless shared with.
    """
    if not user.is_authenticated:
        return False
    return round.subject_id == user.pk or active_share(user, round=round) is not None
