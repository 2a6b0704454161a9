"""Mentoring volume for the page-speed benchmark (bench/seed_large.py calls `seed_bench`).

Bulk inserts, no services, no emails: 10 schemes (7 mentoring, 3 peer support), each with
a finished round and a round whose pairs are meeting; 2,000 pairings with signed
agreements, places for the live ones, 50,000 sessions (themes, check-ins, some private
notes) and closing reviews for finished pairs. The rows are the ones the services would
have left: accepted and trained applications, mentors at or above their mentees' role
level, pairs across organisations, no one over capacity, no sessions before an agreement
is signed by both.

The benchmark's people: the participant (bench/seed_large.py's `participant`) mentors
three people in the first scheme's running round, through the busiest pair of the seed,
and was mentored in the second scheme's finished round; `coordinator` coordinates the
first scheme, whose running round has about 850 applications.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from peerpath.accounts.models import Membership
from peerpath.frameworks.models import Domain, Framework, Statement
from peerpath.portfolio.models import LearningEntry

from .models import (
    DEFAULT_AVAILABILITY,
    DEFAULT_TOPICS,
    Agreement,
    Application,
    Attendance,
    CheckIn,
    ClosingReview,
    Cohort,
    Pairing,
    Place,
    Scheme,
    SchemeStaff,
    Session,
    SessionNotes,
    TrainingSession,
)

SCHEMES = 10
PEER_SCHEMES = {7, 8, 9}
PAIRS_PER_ROUND = 100  # 10 schemes × 2 rounds × 100 = 2,000 pairings
SESSIONS = 50_000
BUSIEST_PAIR_SESSIONS = 40
EXTRA_APPLICATIONS = 20  # per round, beyond the people paired
COORDINATED_ROUND_EXTRA = 700  # the coordinator's running round: ~850 applications
ORGANISATIONS = 200  # as bench/seed_large.py: person n is in organisation n % 200
PARTICIPANT = ORGANISATIONS + 1
COORDINATOR = ORGANISATIONS + 3

FREQUENCIES = ["Once a month", "Every three weeks", "Every six weeks", "Fortnightly"]
ACTIONS = [
    "Draft the options paper and share it before the next session.",
    "Ask for a short meeting with the portfolio holder.",
    "Block out an hour each Friday to reflect on the week.",
    "Try the delegation conversation we rehearsed with one team leader.",
    "Read the inspection report and note three things to bring back.",
]
EVIDENCE = [
    "Feedback from the team meeting.",
    "The budget paper went to committee without changes.",
    "Notes from the staff survey.",
    "",
]


def _level(n: int) -> int:
    return 1 + n % 5  # bench/seed_large.py's Profile.role_level


def _organisation(n: int) -> int:
    return n % ORGANISATIONS


class _Round:
    """One cohort's people while building: applications by user index, and the pairs."""

    def __init__(self, cohort: Cohort, scheme_number: int, finished: bool):
        self.cohort = cohort
        self.scheme_number = scheme_number
        self.finished = finished
        self.is_peer = scheme_number in PEER_SCHEMES
        self.applications: dict[int, Application] = {}
        self.pairs: list[tuple[int, int]] = []  # (mentor index, mentee index)
        self.domain_codes: list[str] = []


def _choose_pairs(rng, pool: list[int], count: int, fixed: list[tuple[int, int]]):
    """`count` pairs (mentor, mentee) from `pool`, honouring the schemes' rules: different
    organisations, mentor's role level at or above the mentee's, mentors take 1–3 people."""
    pairs = list(fixed)
    used = {n for pair in fixed for n in pair}
    candidates = [n for n in pool if n not in used]
    rng.shuffle(candidates)
    mentors = [n for n in candidates if _level(n) >= 3][: count // 2 + 10]
    chosen = set(mentors)
    mentees = [n for n in candidates if _level(n) <= 3 and n not in chosen]
    slots = [m for m in mentors for _ in range(rng.choice([1, 2, 2, 3]))]
    rng.shuffle(slots)
    for mentee in mentees:
        if len(pairs) >= count:
            break
        for k, mentor in enumerate(slots):
            if _organisation(mentor) != _organisation(mentee) and _level(mentor) >= _level(mentee):
                del slots[k]
                pairs.append((mentor, mentee))
                break
    return pairs


def _application(round_: _Round, users, orgs, n: int, role: str, status: str, rng, when, **kw):
    cohort = round_.cohort
    org = orgs[_organisation(n)]
    confidence = {code: rng.randint(1, 4) for code in round_.domain_codes}
    return Application(
        cohort=cohort,
        applicant=users[n],
        organisation=org,
        status=status,
        role=role,
        role_level=_level(n),
        emerging_leader=_level(n) == 3 and role == "mentee",
        nation=org.nation,
        region=org.region,
        topics=rng.sample(DEFAULT_TOPICS, 3),
        availability=rng.sample(DEFAULT_AVAILABILITY, 2),
        capacity=kw.pop("capacity", 1),
        goals="I want to grow as a leader, make time to reflect and learn how other "
        "services handle the problems we share. " * 2,
        confidence=confidence,
        submitted_at=None if status == Application.Status.DRAFT else when,
        decided_at=None if status in {"draft", "submitted", "withdrawn"} else when,
        **kw,
    )


def _schemes(orgs, users, frameworks) -> list[Scheme]:
    schemes = Scheme.objects.bulk_create(
        Scheme(
            owner=orgs[k],
            name=f"Bench {'peer support' if k in PEER_SCHEMES else 'mentoring'} scheme {k}",
            slug=f"bench-scheme-{k}",
            kind="peer-support" if k in PEER_SCHEMES else "mentoring",
            summary="Mentoring for leaders across the bench organisations, in yearly rounds.",
            description="Each round starts with training, then pairs meet for nine months. "
            "Coordinators see pair health, never private notes.\n\n" * 3,
            theme_framework=frameworks["themes"],
            evaluation_framework=frameworks["capabilities"],
            forbid_same_organisation=True,
            mentor_level_at_least_mentee=True,
            created_by=users[k],
        )
        for k in range(SCHEMES)
    )
    SchemeStaff.objects.bulk_create(
        [SchemeStaff(scheme=s, user=users[k], role="coordinator") for k, s in enumerate(schemes)]
        + [SchemeStaff(scheme=schemes[0], user=users[COORDINATOR], role="coordinator")]
        + [SchemeStaff(scheme=s, user=users[COORDINATOR + 1], role="lead-coach") for s in schemes]
    )
    Membership.objects.get_or_create(
        user=users[COORDINATOR], organisation=orgs[0], role=Membership.Role.COORDINATOR
    )
    return schemes


def _cohorts(schemes, now) -> list[_Round]:
    rounds = []
    for k, scheme in enumerate(schemes):
        for finished in (True, False):
            start = now - datetime.timedelta(days=700 if finished else 330)
            cohort = Cohort(
                scheme=scheme,
                name="2024–25" if finished else "2025–26",
                phase=Cohort.Phase.FINISHED if finished else Cohort.Phase.ACTIVE,
                applications_open=start.date(),
                applications_close=(start + datetime.timedelta(days=30)).date(),
                training_by=(start + datetime.timedelta(days=45)).date(),
                matching_by=(start + datetime.timedelta(days=60)).date(),
                planned_end=(start + datetime.timedelta(days=330)).date(),
                evaluation_by=(start + datetime.timedelta(days=360)).date(),
                topics=DEFAULT_TOPICS,
                availability_options=DEFAULT_AVAILABILITY,
                extra_questions=["What would make this worthwhile for you?"],
                eligible_nations=["england", "wales", "scotland", "northern-ireland"],
                training_required=k not in PEER_SCHEMES,
                allow_peer_choice=k in PEER_SCHEMES,
                max_capacity=3,
            )
            rounds.append(_Round(cohort, k, finished))
    Cohort.objects.bulk_create([r.cohort for r in rounds])
    return rounds


def _fill_round(round_: _Round, users, orgs, rng, now) -> None:
    """Choose the round's pairs and build (unsaved) its applications."""
    people = range(ORGANISATIONS, len(users))
    reserved = {PARTICIPANT, COORDINATOR, COORDINATOR + 1}
    pool = rng.sample([n for n in people if n not in reserved], 600)
    fixed = []
    if round_.scheme_number == 0 and not round_.finished:
        mentees = [n for n in pool if _level(n) <= _level(PARTICIPANT)]
        mentees = [n for n in mentees if _organisation(n) != _organisation(PARTICIPANT)][:3]
        fixed = [(PARTICIPANT, m) for m in mentees]
    if round_.scheme_number == 1 and round_.finished:
        mentor = next(n for n in pool if _level(n) >= 4 and _organisation(n) != 1)
        fixed = [(mentor, PARTICIPANT)]
    round_.pairs = _choose_pairs(rng, pool, PAIRS_PER_ROUND, fixed)
    assert len(round_.pairs) == PAIRS_PER_ROUND, len(round_.pairs)
    start = datetime.datetime.combine(
        round_.cohort.applications_open, datetime.time(10), tzinfo=datetime.UTC
    )
    mentor_role, mentee_role = ("peer", "peer") if round_.is_peer else ("mentor", "mentee")
    taken = {}
    for mentor, _mentee in round_.pairs:
        taken[mentor] = taken.get(mentor, 0) + 1
    for mentor, count in taken.items():
        round_.applications[mentor] = _application(
            round_, users, orgs, mentor, mentor_role, "accepted", rng, start,
            capacity=count if round_.is_peer else min(3, rng.choice([count, count + 1])),
        )  # fmt: skip
    for _mentor, mentee in round_.pairs:
        round_.applications[mentee] = _application(
            round_, users, orgs, mentee, mentee_role, "accepted", rng, start
        )
    extra = EXTRA_APPLICATIONS
    if round_.scheme_number == 0 and not round_.finished:
        extra = COORDINATED_ROUND_EXTRA
    others = [n for n in people if n not in round_.applications and n not in reserved]
    statuses = ["submitted"] * 4 + ["waitlisted", "declined", "withdrawn", "draft"]
    if round_.finished:
        statuses = ["waitlisted", "declined", "withdrawn"]
    for n in rng.sample(others, extra):
        round_.applications[n] = _application(
            round_, users, orgs, n, rng.choice([mentor_role, mentee_role]),
            rng.choice(statuses), rng, start + datetime.timedelta(days=rng.randint(0, 29)),
            decision_reason="The round is full; you are first in line for the next one.",
        )  # fmt: skip


def _training(rounds, now) -> None:
    trainings = TrainingSession.objects.bulk_create(
        TrainingSession(
            cohort=r.cohort,
            title="Mentoring skills: listening and questioning",
            starts_at=datetime.datetime.combine(
                r.cohort.training_by, datetime.time(10), tzinfo=datetime.UTC
            ),
            duration_minutes=180,
            where="Online",
        )
        for r in rounds
        if r.cohort.training_required
    )
    by_cohort = {t.cohort_id: t for t in trainings}
    Attendance.objects.bulk_create(
        (
            Attendance(training_session=by_cohort[r.cohort.pk], application=a)
            for r in rounds
            if r.cohort.pk in by_cohort
            for a in r.applications.values()
            if a.status == Application.Status.ACCEPTED
        ),
        batch_size=2000,
    )


def _session_counts(rng, pairings: list[Pairing], busiest: Pairing) -> dict[int, int]:
    """Sessions per pairing: none before an agreement is signed, few for pairs that ended
    early, the busiest pair BUSIEST_PAIR_SESSIONS; exactly SESSIONS in all."""
    weights = {}
    for p in pairings:
        if p.status == Pairing.Status.AGREEING:
            continue
        weights[p.pk] = 0.3 if p.status == Pairing.Status.ENDED_EARLY else rng.uniform(0.6, 1.4)
    rest = SESSIONS - BUSIEST_PAIR_SESSIONS
    others = {k: w for k, w in weights.items() if k != busiest.pk}
    total = sum(others.values())
    counts = {
        k: max(1, min(BUSIEST_PAIR_SESSIONS - 1, round(w * rest / total)))
        for k, w in others.items()
    }
    keys = list(counts)
    while (diff := rest - sum(counts.values())) != 0:
        k = rng.choice(keys)
        step = 1 if diff > 0 else -1
        if 1 <= counts[k] + step < BUSIEST_PAIR_SESSIONS:
            counts[k] += step
    counts[busiest.pk] = BUSIEST_PAIR_SESSIONS
    return counts


def _sessions(rng, pairings, counts, now, themes) -> list[Session]:
    sessions = []
    for p in pairings:
        n = counts.get(p.pk, 0)
        if not n:
            continue
        first = p.created_at + datetime.timedelta(days=21)
        last = p.ended_at or (now - datetime.timedelta(days=rng.randint(2, 30)))
        step = (last - first) / max(n, 1)
        for k in range(n):
            starts_at = first + step * k + datetime.timedelta(hours=rng.randint(0, 6))
            is_last_live = p.status == Pairing.Status.ACTIVE and k == n - 1
            if is_last_live:
                status = Session.Status.PLANNED
                starts_at = now + datetime.timedelta(days=rng.randint(3, 20))
            elif k >= n - 2 and p.status == Pairing.Status.ACTIVE and rng.random() < 0.3:
                status = Session.Status.LOGGED
            elif rng.random() < 0.04:
                status = Session.Status.CANCELLED
            else:
                status = Session.Status.CONFIRMED
            logger, confirmer = (p.mentor_id, p.mentee_id) if k % 2 else (p.mentee_id, p.mentor_id)
            done = status in {Session.Status.LOGGED, Session.Status.CONFIRMED}
            sessions.append(
                Session(
                    pairing=p,
                    starts_at=starts_at,
                    duration_minutes=rng.choice([45, 60, 60, 90]),
                    format=rng.choice(["online", "online", "in-person", "phone"]),
                    own_themes=rng.choice(["", "", "Budget cuts to youth provision"]),
                    actions=rng.choice(ACTIONS) if done else "",
                    evidence=rng.choice(EVIDENCE) if done else "",
                    status=status,
                    logged_by_id=logger if done else None,
                    confirmed_by_id=confirmer if status == Session.Status.CONFIRMED else None,
                    confirmed_at=starts_at + datetime.timedelta(days=2)
                    if status == Session.Status.CONFIRMED
                    else None,
                )
            )
    Session.objects.bulk_create(sessions, batch_size=2000)
    through = Session.themes.through
    through.objects.bulk_create(
        (
            through(session_id=s.pk, statement_id=t)
            for s in sessions
            if s.status in {Session.Status.LOGGED, Session.Status.CONFIRMED}
            for t in rng.sample(themes, rng.randint(1, 3))
        ),
        batch_size=5000,
    )
    return sessions


def _session_extras(rng, sessions) -> None:
    done = [s for s in sessions if s.status in {"logged", "confirmed"}]
    CheckIn.objects.bulk_create(
        (
            CheckIn(
                session=s,
                person_id=person,
                usefulness=rng.choice([3, 4, 4, 5, 5, 2]),
                comment=rng.choice(["", "", "Really useful to talk it through."]),
            )
            for s in done
            for person in (s.pairing.mentor_id, s.pairing.mentee_id)
            if rng.random() < 0.5
        ),
        batch_size=5000,
    )
    SessionNotes.objects.bulk_create(
        (
            SessionNotes(
                session=s,
                text="Talked through the restructure and how to keep the team with me. " * 3,
                updated_by_id=s.logged_by_id,
            )
            for s in done
            if rng.random() < 0.3
        ),
        batch_size=5000,
    )


def _portfolio_copies(sessions, participant_id: int, scheme_names: dict[int, str]) -> None:
    """Confirmed sessions of the participant's pairs in both people's learning logs, as
    session_confirm leaves them (the rest of the seed's logs are bench/seed_large.py's)."""
    entries = []
    for s in sessions:
        p = s.pairing
        if s.status != "confirmed" or participant_id not in (p.mentor_id, p.mentee_id):
            continue
        for person, partner in ((p.mentor, p.mentee), (p.mentee, p.mentor)):
            entries.append(
                LearningEntry(
                    owner=person,
                    title=f"{scheme_names[p.cohort_id]}: session with {partner.full_name}",
                    kind="peer-session",
                    date=s.starts_at.date(),
                    hours=s.hours,
                    reflection=f"Actions agreed:\n\n{s.actions}",
                    source_key=f"mentoring.session.{s.pk}.{person.pk}",
                    source_url=s.get_absolute_url(),
                )
            )
    LearningEntry.objects.bulk_create(entries, batch_size=2000)


def seed_bench(*, users, orgs, rng: random.Random) -> dict:
    """Seed the mentoring volume; returns the people and pages bench/bench_web.py uses."""
    now = timezone.now().replace(microsecond=0)
    current = Framework.objects.published().current()
    frameworks = {
        "themes": current.get(slug="peer-support-discussion-themes"),
        "capabilities": current.get(slug="six-leadership-capabilities"),
    }
    themes = list(
        Statement.objects.filter(framework=frameworks["themes"]).values_list("pk", flat=True)
    )
    domain_codes = list(
        Domain.objects.filter(framework=frameworks["capabilities"]).values_list("code", flat=True)
    )
    with transaction.atomic():
        schemes = _schemes(orgs, users, frameworks)
        rounds = _cohorts(schemes, now)
        for r in rounds:
            r.domain_codes = domain_codes
            _fill_round(r, users, orgs, rng, now)
        Application.objects.bulk_create(
            (a for r in rounds for a in r.applications.values()), batch_size=2000
        )
        _training(rounds, now)
        pairings, busiest = _pairings(rng, rounds, users, now)
        counts = _session_counts(rng, pairings, busiest)
        sessions = _sessions(rng, pairings, counts, now, themes)
        _session_extras(rng, sessions)
        names = {r.cohort.pk: schemes[r.scheme_number].name for r in rounds}
        _portfolio_copies(sessions, users[PARTICIPANT].pk, names)
    coordinated = rounds[1].cohort  # scheme 0's running round
    return {
        "coordinator": users[COORDINATOR].email,
        "scheme_slug": schemes[0].slug,
        "cohort_id": coordinated.pk,
        "pairing_id": busiest.pk,
        "mentoring": {
            "schemes": len(schemes),
            "rounds": len(rounds),
            "applications": sum(len(r.applications) for r in rounds),
            "pairings": len(pairings),
            "sessions": len(sessions),
        },
    }


def _pairings(rng, rounds, users, now) -> tuple[list[Pairing], Pairing]:
    """Pairings with their agreements, places and closing reviews; and the busiest pair
    (the participant's first mentee in scheme 0's running round)."""
    pairings = []
    for r in rounds:
        created = datetime.datetime.combine(
            r.cohort.matching_by, datetime.time(9), tzinfo=datetime.UTC
        )
        for mentor, mentee in r.pairs:
            roll = rng.random()
            if r.finished:
                status = "ended-early" if roll < 0.12 else "closed"
            else:
                status = "ended-early" if roll < 0.08 else "agreeing" if roll < 0.16 else "active"
            if mentor == PARTICIPANT:
                status = "active"
            ended = None
            if status == "closed":
                ended = datetime.datetime.combine(
                    r.cohort.planned_end, datetime.time(17), tzinfo=datetime.UTC
                )
            elif status == "ended-early":
                ended = created + datetime.timedelta(days=rng.randint(40, 200))
            pairing = Pairing(
                cohort=r.cohort,
                mentor=users[mentor],
                mentee=users[mentee],
                mentor_application=r.applications[mentor],
                mentee_application=r.applications[mentee],
                how_made="peer-choice" if r.is_peer else "coordinator",
                status=status,
                score=round(rng.uniform(1.5, 4.5), 2),
                made_by=None if r.is_peer else users[r.scheme_number],
                ended_at=ended,
                ended_by=users[mentee] if status == "ended-early" else None,
                end_reason=rng.choice(["circumstances", "no-time", "not-a-fit"])
                if status == "ended-early"
                else "",
            )
            pairing.created_at = created
            pairings.append(pairing)
    Pairing.objects.bulk_create(pairings, batch_size=2000)
    # auto_now_add stamped them now; put them back at the date they were made
    for r in rounds:
        Pairing.objects.filter(cohort=r.cohort).update(
            created_at=datetime.datetime.combine(
                r.cohort.matching_by, datetime.time(9), tzinfo=datetime.UTC
            )
        )
    for p in pairings:
        p.created_at = datetime.datetime.combine(
            p.cohort.matching_by, datetime.time(9), tzinfo=datetime.UTC
        )
    Agreement.objects.bulk_create(
        (
            Agreement(
                pairing=p,
                frequency=rng.choice(FREQUENCIES),
                session_minutes=60,
                format=rng.choice(["online", "mixed", "in-person"]),
                confidentiality="What we say stays between us, unless someone is at risk.",
                boundaries="Professional development, not line management.",
                commit_professional_learning=True,
                commit_self_care=True,
                goals="Build confidence with elected members; plan the next restructure.",
                planned_end=p.cohort.planned_end,
                mentor_signed_at=None if p.status == "agreeing" else p.created_at,
                mentee_signed_at=None
                if p.status == "agreeing"
                else p.created_at + datetime.timedelta(days=3),
                updated_by=p.mentor,
            )
            for p in pairings
        ),
        batch_size=2000,
    )
    places, numbers = [], {}
    for p in pairings:
        if p.status not in ("agreeing", "active"):
            continue
        for application in (p.mentor_application, p.mentee_application):
            numbers[application.pk] = numbers.get(application.pk, 0) + 1
            places.append(Place(application=application, number=numbers[application.pk], pairing=p))
    Place.objects.bulk_create(places, batch_size=2000)
    ClosingReview.objects.bulk_create(
        (
            ClosingReview(
                pairing=p,
                person=person,
                goals_met=rng.choice(["yes", "yes", "partly", "no"]),
                what_changed="More confident with elected members, and I make time to reflect.",
                confidence={
                    code: min(4, value + rng.choice([0, 1, 1]))
                    for code, value in application.confidence.items()
                },
                testimonial="Having someone outside my authority to think with made the "
                "difference this year.",
                testimonial_consent=rng.random() < 0.4,
            )
            for p in pairings
            if p.status == "closed"
            for person, application in (
                (p.mentor, p.mentor_application),
                (p.mentee, p.mentee_application),
            )
        ),
        batch_size=2000,
    )
    busiest = next(p for p in pairings if p.mentor.pk == users[PARTICIPANT].pk)
    return pairings, busiest
