"""The mentoring card on the home page: what needs this person's attention now."""

from collections import defaultdict

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import selectors
from .models import Cohort, Session


def card(request) -> dict | None:
    """To-dos for a participant (answers, signatures, confirmations) and for scheme staff
    (applications waiting, flagged pairs). None when the person has nothing to do with
    mentoring, so the card is not shown."""
    user = request.user
    todo = []
    waiting = selectors.waiting_for(user)
    for invitation in waiting["invitations"]:
        todo.append(
            {
                "text": _("Answer %(name)s's invitation to pair up")
                % {"name": invitation.inviter.applicant.full_name},
                "url": reverse("mentoring:invitation", args=[invitation.pk]),
            }
        )
    for mentor_request in waiting["requests"]:
        todo.append(
            {
                "text": _("Answer %(name)s's request for a mentor")
                % {"name": mentor_request.mentee.applicant.full_name},
                "url": reverse("mentoring:request", args=[mentor_request.pk]),
            }
        )
    pairings = list(selectors.pairings_of(user).filter(status__in=["agreeing", "active"]))
    to_confirm = defaultdict(list)
    for session in Session.objects.filter(
        pairing__in=pairings, status=Session.Status.LOGGED
    ).exclude(logged_by=user):
        to_confirm[session.pairing_id].append(session)
    for pairing in pairings:
        partner = pairing.partner_of(user).full_name
        if pairing.status == "agreeing" and not pairing.agreement.signed_by(user):
            todo.append(
                {
                    "text": _("Sign your agreement with %(name)s") % {"name": partner},
                    "url": reverse("mentoring:agreement", args=[pairing.pk]),
                }
            )
        for session in to_confirm[pairing.pk]:
            todo.append(
                {
                    "text": _("Confirm your session with %(name)s") % {"name": partner},
                    "url": session.get_absolute_url(),
                }
            )
    running = Cohort.objects.exclude(phase="finished").annotate(
        waiting_count=Count("applications", filter=Q(applications__status="submitted"))
    )
    for scheme in selectors.schemes_run_by(user).prefetch_related(
        Prefetch("cohorts", queryset=running, to_attr="running")
    ):
        for cohort in scheme.running:
            waiting_count = cohort.waiting_count
            if waiting_count:
                todo.append(
                    {
                        "text": ngettext(
                            "%(n)s application to %(round)s waits for a decision",
                            "%(n)s applications to %(round)s wait for a decision",
                            waiting_count,
                        )
                        % {"n": waiting_count, "round": f"{scheme.name}: {cohort.name}"},
                        "url": reverse("mentoring:applications", args=[cohort.pk]),
                    }
                )
    if not todo and not pairings and not user.mentoring_applications.exists():
        return None
    return {"todo": todo}
