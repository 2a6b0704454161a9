"""Mentoring's part of a person's data download and of their erasure
(the contract is in docs/portfolio-personal-data.md).

The download has everything the person gave or shares: applications, pairings with their
agreement and sessions (the pair's private notes included: they are the person's own),
check-ins, final reviews, invitations and requests, and the schemes they run.

Erasure ends live pairings (the partner and coordinators are told, no reason beyond
"circumstances"), blanks what the person wrote, and withdraws what is still open. It
keeps what the partner and the round rely on: session dates and themes (in the partner's
learning log too), private notes last written by the partner, and the counts and
ratings that a round's outcomes are made of, none of it carrying the person's name once
the account is anonymised.
"""

from django.db.models import Q

from .models import (
    Application,
    CheckIn,
    ClosingReview,
    DraftPair,
    MentorRequest,
    Pairing,
    PeerInvitation,
    SchemeStaff,
    SessionNotes,
    ShortlistEntry,
)


def _when(moment):
    return moment.isoformat() if moment else None


def _application(a: Application) -> dict:
    return {
        "scheme": a.cohort.scheme.name,
        "round": a.cohort.name,
        "status": a.get_status_display(),
        "role": a.get_role_display(),
        "organisation": str(a.organisation or ""),
        "role_level": a.get_role_level_display() if a.role_level else None,
        "emerging_leader": a.emerging_leader,
        "nation": a.get_nation_display() if a.nation else "",
        "region": a.region,
        "topics": a.topics,
        "availability": a.availability,
        "capacity": a.capacity,
        "goals": a.goals,
        "answers": a.answers,
        "line_manager_email": a.line_manager_email,
        "conflicts": a.conflicts,
        "confidence_at_start": a.confidence,
        "decision_reason": a.decision_reason,
        "submitted_at": _when(a.submitted_at),
    }


def _session(session, user) -> dict:
    notes = SessionNotes.objects.filter(session=session).first()
    return {
        "starts_at": _when(session.starts_at),
        "minutes": session.duration_minutes,
        "format": session.get_format_display(),
        "status": session.get_status_display(),
        "themes": [t.text for t in session.themes.all()],
        "own_themes": session.own_themes,
        "actions": session.actions,
        "evidence": session.evidence,
        "private_notes": notes.text if notes else "",
        "my_check_in": [
            {"usefulness": c.usefulness, "comment": c.comment}
            for c in session.check_ins.filter(person=user)
        ],
    }


def _pairing(pairing: Pairing, user) -> dict:
    agreement = pairing.agreement
    review = pairing.reviews.filter(person=user).first()
    return {
        "scheme": pairing.cohort.scheme.name,
        "round": pairing.cohort.name,
        "with": pairing.partner_of(user).full_name,
        "my_role": pairing.role_of(user),
        "status": pairing.get_status_display(),
        "how_made": pairing.get_how_made_display(),
        "started": _when(pairing.created_at),
        "ended": _when(pairing.ended_at),
        "end_reason": pairing.get_end_reason_display() if pairing.end_reason else "",
        "agreement": {
            "how_often": agreement.frequency,
            "minutes": agreement.session_minutes,
            "format": agreement.get_format_display(),
            "confidentiality": agreement.confidentiality,
            "boundaries": agreement.boundaries,
            "goals": agreement.goals,
            "planned_end": _when(agreement.planned_end),
        },
        "sessions": [
            _session(s, user)
            for s in pairing.sessions.prefetch_related("themes").order_by("starts_at")
        ],
        "my_final_review": {
            "goals_met": review.get_goals_met_display(),
            "what_changed": review.what_changed,
            "confidence_at_end": review.confidence,
            "testimonial": review.testimonial,
            "consent_to_publish": review.testimonial_consent,
        }
        if review
        else None,
    }


def _offer(offer, asker: str, asked: str) -> dict:
    return {
        "from": asker,
        "to": asked,
        "status": offer.get_status_display(),
        "message": offer.message,
        "answer_note": offer.answer_note,
        "sent_at": _when(offer.created_at),
    }


def export(user) -> dict:
    """Everything mentoring holds about `user`, in words, with names rather than ids."""
    mine = Q(inviter__applicant=user) | Q(invitee=user)
    return {
        "applications": [
            _application(a)
            for a in Application.objects.filter(applicant=user).select_related("cohort__scheme")
        ],
        "pairings": [
            _pairing(p, user)
            for p in Pairing.objects.filter(Q(mentor=user) | Q(mentee=user)).select_related(
                "cohort__scheme", "mentor", "mentee", "agreement"
            )
        ],
        "peer_invitations": [
            _offer(i, i.inviter.applicant.full_name, i.invitee.full_name)
            for i in PeerInvitation.objects.filter(mine).select_related("inviter__applicant")
        ],
        "mentor_requests": [
            _offer(r, r.mentee.applicant.full_name, r.mentor.applicant.full_name)
            for r in MentorRequest.objects.filter(
                Q(mentee__applicant=user) | Q(mentor__applicant=user)
            ).select_related("mentee__applicant", "mentor__applicant")
        ],
        "schemes_i_run": [
            {"scheme": s.scheme.name, "role": s.get_role_display()}
            for s in SchemeStaff.objects.filter(user=user).select_related("scheme")
        ],
    }


def erase(user) -> None:
    """Remove what the person wrote and end what is still running (see the module doc)."""
    from .services import pairing_end

    for pairing in Pairing.objects.filter(
        Q(mentor=user) | Q(mentee=user), status__in=["agreeing", "active"]
    ):
        pairing_end(
            pairing=pairing, by=user, reason=Pairing.EndReason.CIRCUMSTANCES, wants_rematch=False
        )
    applications = Application.objects.filter(applicant=user)
    applications.filter(status__in=["draft", "submitted", "waitlisted"]).update(status="withdrawn")
    applications.update(
        goals="", answers={}, conflicts="", line_manager_email="", region="", decision_reason=""
    )
    ShortlistEntry.objects.filter(Q(mentee__applicant=user) | Q(mentor__applicant=user)).delete()
    DraftPair.objects.filter(Q(mentee__applicant=user) | Q(mentor__applicant=user)).delete()
    for model, mine in [
        (PeerInvitation, Q(inviter__applicant=user) | Q(invitee=user)),
        (MentorRequest, Q(mentee__applicant=user) | Q(mentor__applicant=user)),
    ]:
        model.objects.filter(mine, status="pending").update(status="withdrawn")
        model.objects.filter(mine).update(message="", answer_note="")
    SessionNotes.objects.filter(updated_by=user).delete()
    CheckIn.objects.filter(person=user).update(comment="")
    ClosingReview.objects.filter(person=user).update(
        what_changed="", testimonial="", testimonial_consent=False
    )
    SchemeStaff.objects.filter(user=user).delete()
