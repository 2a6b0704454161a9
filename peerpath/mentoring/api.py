"""Mentoring over the JSON API: a person's own pairings and sessions, and pair health for
the people who run a round. Read only. Private notes are not part of any schema here:
they never leave the pair's own pages and their own export."""

from datetime import date, datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from . import selectors
from .models import Cohort, Pairing

router = Router(tags=["mentoring"])


class PairingOut(Schema):
    id: int
    scheme: str
    round: str
    partner: str
    role: str
    status: str
    made: str
    started: datetime
    agreement_signed: bool
    meet: str
    planned_end: date | None


class Theme(Schema):
    code: str
    text: str


class SessionOut(Schema):
    id: int
    starts_at: datetime
    duration_minutes: int
    format: str
    status: str
    themes: list[Theme]
    own_themes: str
    actions: str
    evidence: str


class PairHealth(Schema):
    pairing: int
    mentor: str
    mentee: str
    status: str
    sessions: int
    last_session: datetime | None
    weeks_since: int
    recent_ratings: list[int]
    flags: list[str]


@router.get("/pairings/", response=list[PairingOut])
def my_pairings(request):
    """The signed-in person's pairings, newest first."""
    user = request.auth
    return [
        PairingOut(
            id=p.pk,
            scheme=p.cohort.scheme.name,
            round=p.cohort.name,
            partner=p.partner_of(user).full_name,
            role=p.role_of(user),
            status=p.status,
            made=p.how_made,
            started=p.created_at,
            agreement_signed=p.agreement.is_signed_by_both,
            meet=p.agreement.frequency,
            planned_end=p.agreement.planned_end,
        )
        for p in selectors.pairings_of(user)
    ]


@router.get("/pairings/{pairing_id}/sessions/", response=list[SessionOut])
def my_sessions(request, pairing_id: int):
    """Sessions of one of the person's own pairings (404 for anyone else's)."""
    pairing = get_object_or_404(Pairing, pk=pairing_id)
    if not pairing.includes(request.auth):
        raise Http404
    return [
        SessionOut(
            id=s.pk,
            starts_at=s.starts_at,
            duration_minutes=s.duration_minutes,
            format=s.format,
            status=s.status,
            themes=[Theme(code=t.code, text=t.text) for t in s.themes.all()],
            own_themes=s.own_themes,
            actions=s.actions,
            evidence=s.evidence,
        )
        for s in pairing.sessions.prefetch_related("themes").order_by("starts_at")
    ]


@router.get("/rounds/{cohort_id}/pair-health/", response=list[PairHealth])
def pair_health(request, cohort_id: int):
    """Pair health of a round, for the people who run its scheme (404 for anyone else)."""
    cohort = get_object_or_404(Cohort.objects.select_related("scheme"), pk=cohort_id)
    if not selectors.is_staff(request.auth, cohort.scheme):
        raise Http404
    return [
        PairHealth(
            pairing=row["pairing"].pk,
            mentor=row["pairing"].mentor.full_name,
            mentee=row["pairing"].mentee.full_name,
            status=row["pairing"].status,
            sessions=row["sessions"],
            last_session=row["last_session"],
            weeks_since=row["quiet_weeks"],
            recent_ratings=row["recent_ratings"],
            flags=row["flags"],
        )
        for row in selectors.pair_health(cohort)
    ]
