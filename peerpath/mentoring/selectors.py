"""Reads for mentoring pages, emails and reports. None of these ever reads private notes."""

from collections import Counter

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from peerpath.accounts.models import Membership, Organisation

from .models import (
    LIVE_STATUSES,
    Application,
    Cohort,
    MentorRequest,
    Pairing,
    PeerInvitation,
    Place,
    Scheme,
    SchemeStaff,
    ShortlistEntry,
)

# --- who is who --------------------------------------------------------------------------


def is_staff(user, scheme: Scheme) -> bool:
    """Coordinators and lead coaches of the scheme, and admins of the organisation that owns it."""
    if not user.is_authenticated:
        return False
    if SchemeStaff.objects.filter(scheme=scheme, user=user).exists():
        return True
    return user.memberships.filter(
        organisation_id=scheme.owner_id, role=Membership.Role.ORG_ADMIN
    ).exists()


def schemes_run_by(user) -> QuerySet[Scheme]:
    """The schemes this person runs, by staff role or as admin of the owning organisation."""
    owned = user.memberships.filter(role=Membership.Role.ORG_ADMIN).values("organisation")
    return Scheme.objects.filter(Q(staff__user=user) | Q(owner__in=owned)).distinct()


def organisations_that_can_start_schemes(user) -> QuerySet[Organisation]:
    """Coordinators and admins may start a scheme owned by their organisation."""
    return Organisation.objects.filter(
        memberships__user=user,
        memberships__role__in=[Membership.Role.COORDINATOR, Membership.Role.ORG_ADMIN],
    ).distinct()


def organisations_for_applying(user, scheme: Scheme) -> QuerySet[Organisation]:
    """The person's organisations that the scheme admits."""
    mine = Organisation.objects.filter(memberships__user=user).distinct()
    if scheme.open_to == Scheme.OpenTo.ANY:
        return mine
    return mine.filter(Q(pk=scheme.owner_id) | Q(pk__in=scheme.member_organisations.all()))


def can_see_scheme(user, scheme: Scheme) -> bool:
    return is_staff(user, scheme) or organisations_for_applying(user, scheme).exists()


def _admits(scheme: Scheme, organisation_ids: set[int]) -> bool:
    """Whether `organisations_for_applying` is non-empty, for people of these
    organisations; `member_organisations` must be prefetched."""
    if scheme.open_to == Scheme.OpenTo.ANY:
        return bool(organisation_ids)
    admitted = {scheme.owner_id} | {o.pk for o in scheme.member_organisations.all()}
    return bool(admitted & organisation_ids)


def open_cohorts_for(user) -> list[Cohort]:
    """Rounds taking applications that this person could apply to; three queries."""
    cohorts = (
        Cohort.objects.filter(
            Q(phase=Cohort.Phase.APPLICATIONS)
            | Q(
                rolling_applications=True,
                phase__in=[Cohort.Phase.TRAINING, Cohort.Phase.MATCHING, Cohort.Phase.ACTIVE],
            )
        )
        .select_related("scheme")
        .prefetch_related("scheme__member_organisations")
    )
    mine = set(Organisation.objects.filter(memberships__user=user).values_list("pk", flat=True))
    return [c for c in cohorts if _admits(c.scheme, mine)]


# --- training and places ---------------------------------------------------------------


def trained_ids(cohort: Cohort) -> set[int]:
    """Applications that count as trained: attended a training session, or exempted."""
    attended = Application.objects.filter(cohort=cohort).filter(
        Q(training_exempt=True) | Q(attendances__isnull=False)
    )
    return set(attended.values_list("pk", flat=True))


def is_trained(application: Application) -> bool:
    if not application.cohort.training_required:
        return True
    return application.training_exempt or application.attendances.exists()


def places_left(applications) -> dict[int, int]:
    """Capacity minus places taken by live pairings, per application (never below zero)."""
    ids = [a.pk for a in applications]
    taken = Counter(
        Place.objects.filter(application_id__in=ids).values_list("application_id", flat=True)
    )
    return {a.pk: max(a.capacity - taken[a.pk], 0) for a in applications}


def live_pairing_of(application: Application) -> Pairing | None:
    """The live pairing this application is in, if any (the latest, for a mentor)."""
    return (
        Pairing.objects.filter(
            Q(mentor_application=application) | Q(mentee_application=application),
            status__in=LIVE_STATUSES,
        )
        .order_by("-created_at")
        .first()
    )


def matchable(cohort: Cohort) -> tuple[list[Application], list[Application]]:
    """(mentees, mentors) the optimiser may pair: accepted, with an active account, trained
    if the round requires it, mentees without a live pair, mentors with a place left."""
    accepted = (
        Application.objects.filter(
            cohort=cohort, status=Application.Status.ACCEPTED, applicant__is_active=True
        )
        .select_related("applicant", "organisation", "cohort__scheme")
        .order_by("pk")
    )
    if cohort.training_required:
        accepted = accepted.filter(pk__in=trained_ids(cohort))
    accepted = list(accepted)
    paired = set(
        Pairing.objects.filter(cohort=cohort, status__in=LIVE_STATUSES).values_list(
            "mentee_application_id", flat=True
        )
    )
    mentees = [a for a in accepted if a.role == Application.Role.MENTEE and a.pk not in paired]
    mentors = [a for a in accepted if a.role == Application.Role.MENTOR]
    room = places_left(mentors)
    return mentees, [a for a in mentors if room[a.pk] > 0]


def not_drafted(mentees: list[Application], drafts) -> list[Application]:
    """The mentees not yet in one of `drafts` (the round's draft pairs)."""
    drafted = {draft.mentee_id for draft in drafts}
    return [m for m in mentees if m.pk not in drafted]


def waiting_to_match(cohort: Cohort) -> tuple[list[Application], list[Application]]:
    """(mentees, mentors) still waiting: matchable mentees not yet in a draft pair, and
    matchable mentors. When either list is empty, proposing pairs can change nothing."""
    mentees, mentors = matchable(cohort)
    return not_drafted(mentees, cohort.draft_pairs.only("mentee_id")), mentors


# --- a participant's own things ----------------------------------------------------------


def application_of(cohort: Cohort, user) -> Application:
    """The person's application to the round, or a new unsaved one filled in from their
    profile and their latest finished self-evaluation of the scheme's framework."""
    found = Application.objects.filter(cohort=cohort, applicant=user).first()
    if found is not None:
        return found
    from .capabilities import from_self_evaluation

    profile = getattr(user, "profile", None)
    prefill = from_self_evaluation(user, cohort.scheme.evaluation_framework)
    application = Application(
        cohort=cohort,
        applicant=user,
        role=Application.Role.PEER if cohort.scheme.is_peer else "",
        role_level=getattr(profile, "role_level", None),
        region=getattr(profile, "region", ""),
        confidence=prefill.confidence if prefill else {},
    )
    application.prefilled_from = prefill
    return application


def pairings_of(user) -> QuerySet[Pairing]:
    return (
        Pairing.objects.filter(Q(mentor=user) | Q(mentee=user))
        .select_related("cohort__scheme", "mentor", "mentee", "agreement")
        .order_by("-created_at")
    )


def waiting_for(user) -> dict:
    """Things that need this person's answer: invitations, requests to mentor."""
    now = timezone.now()
    return {
        "invitations": PeerInvitation.objects.filter(
            invitee=user, status="pending", expires_at__gt=now
        ).select_related("inviter__applicant", "cohort__scheme"),
        "requests": MentorRequest.objects.filter(
            mentor__applicant=user, status="pending", expires_at__gt=now
        ).select_related("mentee__applicant", "cohort__scheme"),
    }


def live_shortlist(mentee: Application) -> QuerySet[ShortlistEntry]:
    return mentee.shortlist.filter(released_at__isnull=True, expires_at__gt=timezone.now())


# --- pair health, for coordinators -------------------------------------------------------


def pair_health(cohort: Cohort, *, organisations: bool = False) -> list[dict]:
    """One row per pairing with the numbers a coordinator acts on and nothing private:
    sessions confirmed, weeks since the last one, the latest usefulness ratings, flags.
    Only the columns shown are read; `organisations` adds each side's organisation
    (`pairing.mentor_application.organisation`) for the export."""
    from .models import CheckIn, Session

    fields = ["cohort_id", "status", "end_reason", "how_made", "created_at"]
    fields += ["mentor__full_name", "mentee__full_name"]
    related = ["mentor", "mentee"]
    if organisations:
        related += ["mentor_application__organisation", "mentee_application__organisation"]
        fields += ["mentor_application__organisation", "mentee_application__organisation"]
    pairings = cohort.pairings.select_related(*related).only(*fields).order_by("mentee__full_name")
    # Grouped on its own, by pairing only: joining every session onto the wide select
    # above made the database group by every selected column.
    confirmed_sessions = {
        row["pairing_id"]: row
        for row in Session.objects.filter(pairing__cohort=cohort, status="confirmed")
        .values("pairing_id")
        .annotate(confirmed=Count("pk"), last_session=Max("starts_at"))
        .order_by()
    }
    ratings: dict[int, list[int]] = {}

    for pairing_id, value in (
        CheckIn.objects.filter(session__pairing__cohort=cohort)
        .order_by("session__starts_at", "created_at")
        .values_list("session__pairing_id", "usefulness")
    ):
        ratings.setdefault(pairing_id, []).append(value)
    now = timezone.now()
    rows = []
    for pairing in pairings:
        done = confirmed_sessions.get(pairing.pk, {})
        pairing.confirmed = done.get("confirmed", 0)
        pairing.last_session = done.get("last_session")
        since = pairing.last_session or pairing.created_at
        quiet_weeks = (now - since).days // 7
        recent = ratings.get(pairing.pk, [])[-2:]
        flags = []
        if pairing.is_live and quiet_weeks >= cohort.quiet_weeks:
            flags.append("quiet")
        if recent and min(recent) <= 2:
            flags.append("low-rating")
        if pairing.status == Pairing.Status.AGREEING and (now - pairing.created_at).days >= 14:
            flags.append("unsigned")
        rows.append(
            {
                "pairing": pairing,
                "sessions": pairing.confirmed,
                "last_session": pairing.last_session,
                "quiet_weeks": quiet_weeks,
                "recent_ratings": recent,
                "flags": flags,
            }
        )
    return rows


# --- outcomes, for evaluation ------------------------------------------------------------


def confidence_change(cohort: Cohort) -> list[dict]:
    """Per capability: mean baseline (at application) and mean final (at the closing
    review) confidence of the people who gave both, and how many that is."""
    from .models import ClosingReview

    framework = cohort.scheme.evaluation_framework
    if framework is None:
        return []
    reviews = list(ClosingReview.objects.filter(pairing__cohort=cohort))
    if not reviews:
        return []
    # Only the baselines of the people who reviewed: a round has hundreds of applications.
    baseline_of = dict(
        cohort.applications.exclude(confidence={})
        .filter(applicant_id__in={r.person_id for r in reviews})
        .values_list("applicant_id", "confidence")
    )
    rows = []
    for domain in framework.domains.order_by("position"):
        pairs = [
            (baseline_of[r.person_id][domain.code], r.confidence[domain.code])
            for r in reviews
            if domain.code in r.confidence and domain.code in baseline_of.get(r.person_id, {})
        ]
        if pairs:
            before = sum(p[0] for p in pairs) / len(pairs)
            after = sum(p[1] for p in pairs) / len(pairs)
            rows.append(
                {
                    "domain": domain,
                    "people": len(pairs),
                    "before": before,
                    "after": after,
                    "change": after - before,
                }
            )
    return rows


def cohort_outcomes(cohort: Cohort) -> dict:
    """What a round achieved, in numbers a funder or board would ask for. No private notes,
    and no individual's ratings: only counts and means."""
    from django.db.models import Avg, Sum

    from .models import CheckIn, ClosingReview, Session

    applications = cohort.applications.aggregate(
        submitted=Count("pk", filter=~Q(status="draft")),
        accepted=Count("pk", filter=Q(status="accepted")),
    )
    # One grouped query gives every count about pairs.
    pair_groups = list(
        cohort.pairings.values_list("how_made", "status", "end_reason")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_how: Counter = Counter()
    by_status: Counter = Counter()
    end_reasons: Counter = Counter()
    for how_made, status, end_reason, n in pair_groups:
        by_how[how_made] += n
        by_status[status] += n
        if end_reason:
            end_reasons[end_reason] += n
    sessions = Session.objects.filter(pairing__cohort=cohort, status="confirmed").aggregate(
        count=Count("pk"), minutes=Sum("duration_minutes")
    )
    reviews = ClosingReview.objects.filter(pairing__cohort=cohort)
    goals_met = Counter(
        dict(
            reviews.values("goals_met")
            .annotate(n=Count("pk"))
            .order_by()
            .values_list("goals_met", "n")
        )
    )
    return {
        "applications": applications["submitted"],
        "accepted": applications["accepted"],
        "trained": len(trained_ids(cohort)),
        "pairs": by_status.total(),
        "by_how": by_how,
        "by_status": by_status,
        "ended_early": by_status["ended-early"],
        "end_reasons": end_reasons,
        "sessions": sessions["count"],
        "hours": round((sessions["minutes"] or 0) / 60, 1),
        "usefulness": CheckIn.objects.filter(session__pairing__cohort=cohort).aggregate(
            mean=Avg("usefulness")
        )["mean"],
        "goals_met": goals_met,
        "reviews": goals_met.total(),
        "confidence": confidence_change(cohort),
        "testimonials": reviews.filter(testimonial_consent=True)
        .exclude(testimonial="")
        .select_related("person__profile", "pairing"),
    }
