"""Self-evaluations' and 360° feedback's part of a person's data download and erasure.

The hook `peerpath.portfolio.privacy` calls in every app. What a person's download holds:
their own self-evaluations (ratings and evidence), what they wrote into an organisation's
self-assessment, their 360° rounds as the subject (the report's groups and counts, never
who said what), who they shared things with and what was shared with them, and the
invitations to give feedback that were sent to their email address.

Erasure deletes their own evaluations and rounds (with everything raters gave them), their
shares and comments, and their unsent feedback drafts. An organisation's self-assessment
stays with the organisation, with the person's name taken off what they wrote. Feedback
they already gave someone else stays in that person's report: it was never linked to them.
"""

from django.db.models import Q

from .models import (
    DomainEvidence,
    FeedbackResponse,
    FeedbackRound,
    Rater,
    SelfEvaluation,
    SelfRating,
    Share,
    ShareComment,
)


def _when(moment):
    return moment.isoformat() if moment else None


def _evaluation(evaluation: SelfEvaluation) -> dict:
    return {
        "framework": f"{evaluation.framework.name} {evaluation.framework.version}",
        "name_on_record": evaluation.name_on_record,
        "started_at": _when(evaluation.started_at),
        "completed_at": _when(evaluation.completed_at),
        "ratings": [
            {"statement": rating.statement.code, "level": rating.level.label}
            for rating in evaluation.ratings.all()
        ],
        "evidence": [
            {"domain": evidence.domain.code, "text": evidence.text}
            for evidence in evaluation.evidence.all()
            if evidence.text
        ],
    }


def export(user) -> dict:
    evaluations = (
        SelfEvaluation.objects.filter(owner=user, organisation__isnull=True)
        .select_related("framework")
        .prefetch_related("ratings__statement", "ratings__level", "evidence__domain")
    )
    written_for_organisations = DomainEvidence.objects.filter(
        written_by=user, evaluation__organisation__isnull=False
    ).select_related("evaluation__organisation", "evaluation__framework", "domain")
    rounds = FeedbackRound.objects.filter(subject=user).select_related("framework")
    return {
        "self_evaluations": [_evaluation(evaluation) for evaluation in evaluations],
        "organisation_self_assessments_written": [
            {
                "organisation": evidence.evaluation.organisation.name,
                "framework": evidence.evaluation.framework.name,
                "domain": evidence.domain.code,
                "text": evidence.text,
            }
            for evidence in written_for_organisations
            if evidence.text
        ],
        "feedback_rounds": [
            {
                "title": feedback_round.title,
                "framework": feedback_round.framework.name,
                "status": feedback_round.get_status_display(),
                "closes_on": feedback_round.closes_on.isoformat(),
                "launched_at": _when(feedback_round.launched_at),
                "closed_at": _when(feedback_round.closed_at),
                "raters_invited": [
                    {"email": rater.email, "group": rater.get_group_display()}
                    for rater in feedback_round.raters.all()
                ],
                "responses_per_group": _responses_per_group(feedback_round),
            }
            for feedback_round in rounds.prefetch_related("raters")
        ],
        "shared_by_you": [_share(share, share.shared_with) for share in _shares(owner=user)],
        "shared_with_you": [_share(share, share.owner) for share in _shares(shared_with=user)],
        "comments_you_wrote": [
            {"on": str(comment.share), "text": comment.text, "at": _when(comment.created_at)}
            for comment in ShareComment.objects.filter(author=user).select_related(
                "share__shared_with"
            )
        ],
        "invitations_to_give_feedback": [
            {
                "round": rater.round.title,
                "for": rater.round.subject.full_name,
                "group": rater.get_group_display(),
                "invited_at": _when(rater.invited_at),
                "answered_at": _when(rater.submitted_at),
            }
            for rater in Rater.objects.filter(email__iexact=user.email).select_related(
                "round__subject"
            )
        ],
    }


def _responses_per_group(feedback_round: FeedbackRound) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rater in feedback_round.raters.all():
        if rater.has_submitted:
            label = str(rater.get_group_display())
            counts[label] = counts.get(label, 0) + 1
    return counts


def _shares(**who):
    return Share.objects.filter(**who).select_related(
        "owner", "shared_with", "evaluation__framework", "round"
    )


def _share(share: Share, other) -> dict:
    return {
        "person": other.full_name,
        "relationship": share.get_relationship_display(),
        "what": share.round.title if share.round else str(share.evaluation),
        "shared_at": _when(share.created_at),
        "withdrawn_at": _when(share.withdrawn_at),
    }


def erase(user) -> None:
    """See the module's doc: delete what is theirs, take their name off what others keep."""
    ShareComment.objects.filter(author=user).delete()
    Share.objects.filter(Q(owner=user) | Q(shared_with=user)).delete()
    # Rounds go with their self-assessment; raters, responses and shares go with the round.
    SelfEvaluation.objects.filter(owner=user, organisation__isnull=True).delete()
    DomainEvidence.objects.filter(written_by=user).update(written_by=None)
    SelfRating.objects.filter(rated_by=user).update(rated_by=None)
    for evaluation in SelfEvaluation.objects.filter(contributors=user):
        evaluation.contributors.remove(user)
    # Invitations to give feedback: an unsent answer is theirs and goes; a sent one was
    # unlinked from them when they sent it. The invitation keeps its group for the counts.
    invitations = Rater.objects.filter(email__iexact=user.email)
    FeedbackResponse.objects.filter(rater__in=invitations, is_submitted=False).delete()
    for rater in invitations:
        rater.email = f"erased-rater-{rater.pk}@erased.invalid"
        rater.token_hash = f"erased-{rater.pk}"
        rater.save(update_fields=["email", "token_hash"])
