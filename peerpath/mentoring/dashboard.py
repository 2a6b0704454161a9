"""The mentoring card on the home page: what needs this person's attention now.

Everyone signed in sees the home page first, so the card reads rows (`values_list`) with
the few columns it words its to-dos from, rather than whole models and their relations.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peerpath.lib.timeline import url_maker

from . import selectors
from .models import Cohort, Session


def card(request) -> dict | None:
    """To-dos for a participant (answers, signatures, confirmations) and for scheme staff
    (applications waiting, flagged pairs). None when the person has nothing to do with
    mentoring, so the card is not shown."""
    user = request.user
    todo = []
    waiting = selectors.waiting_for(user)
    invitations = waiting["invitations"].values_list("pk", "inviter__applicant__full_name")
    url = url_maker("mentoring:invitation", "invitation_id")
    for pk, name in invitations:
        todo.append(
            {"text": _("Answer %(name)s's invitation to pair up") % {"name": name}, "url": url(pk)}
        )
    requests = waiting["requests"].values_list("pk", "mentee__applicant__full_name")
    url = url_maker("mentoring:request", "request_id")
    for pk, name in requests:
        todo.append(
            {"text": _("Answer %(name)s's request for a mentor") % {"name": name}, "url": url(pk)}
        )
    pairings = list(
        selectors.pairings_of(user)
        .filter(status__in=["agreeing", "active"])
        .values_list(
            "pk",
            "status",
            "mentor_id",
            "mentor__full_name",
            "mentee__full_name",
            "agreement__mentor_signed_at",
            "agreement__mentee_signed_at",
        )
    )
    to_confirm: dict[int, list[int]] = {}
    if pairings:
        logged = (
            Session.objects.filter(
                pairing__in=[p[0] for p in pairings], status=Session.Status.LOGGED
            )
            .exclude(logged_by=user)
            .values_list("pairing_id", "pk")
        )
        for pairing_id, session_id in logged:
            to_confirm.setdefault(pairing_id, []).append(session_id)
    agreement_url = url_maker("mentoring:agreement", "pairing_id")
    for pk, status, mentor_id, mentor_name, mentee_name, mentor_signed, mentee_signed in pairings:
        is_mentor = user.pk == mentor_id
        partner = mentee_name if is_mentor else mentor_name
        signed = mentor_signed if is_mentor else mentee_signed
        if status == "agreeing" and signed is None:
            todo.append(
                {
                    "text": _("Sign your agreement with %(name)s") % {"name": partner},
                    "url": agreement_url(pk),
                }
            )
        if pk not in to_confirm:
            continue
        session_url = url_maker("mentoring:session", "session_id", pairing_id=pk)
        for session_id in to_confirm[pk]:
            todo.append(
                {
                    "text": _("Confirm your session with %(name)s") % {"name": partner},
                    "url": session_url(session_id),
                }
            )
    waiting = (
        Cohort.objects.filter(scheme__in=selectors.schemes_run_by(user).values("pk"))
        .exclude(phase=Cohort.Phase.FINISHED)
        .annotate(waiting=Count("applications", filter=Q(applications__status="submitted")))
        .filter(waiting__gt=0)
        .order_by("scheme__name", "scheme_id", "-created_at")
        .values_list("pk", "scheme__name", "name", "waiting")
    )
    url = url_maker("mentoring:applications", "cohort_id")
    for pk, scheme_name, cohort_name, waiting_count in waiting:
        todo.append(
            {
                "text": ngettext(
                    "%(n)s application to %(round)s waits for a decision",
                    "%(n)s applications to %(round)s wait for a decision",
                    waiting_count,
                )
                % {"n": waiting_count, "round": f"{scheme_name}: {cohort_name}"},
                "url": url(pk),
            }
        )
    if not todo and not pairings and not user.mentoring_applications.exists():
        return None
    return {"todo": todo}
