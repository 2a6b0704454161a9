"""Seed the large dataset bench/bench_web.py measures against.

10,000 people in 200 organisations, 100,000 learning entries, 2,000 finished
self-evaluations and 200 360° rounds of other people, 30,000 audit events; then the
apps' own bench modules add their volume when present: `peerpath.mentoring.bench`
(10 schemes, 2,000 pairs, 50,000 sessions) and `peerpath.programmes.bench` (60
structured programmes, 23 Things work of 2,000 people; needs `peerpath load-programmes`).

The pages are requested as people who own a lot of data:

* `participant` (person201): about 500 learning entries (400 of the 100,000 plus their
  mentoring sessions and 23 Things), 12 goals, a 25-item development plan, four finished
  self-evaluations and one half done, a closed 360° round with 11 responses and an open
  one; mentors three people (one of them the seed's busiest pair) and was mentored once;
  14 badges;
* `org_admin` (person0): admin of bench-0, which has about 3,100 audit events;
* `coordinator` (person203, from the mentoring module): runs the scheme whose current
  round has about 850 applications and 100 pairs.

Bulk inserts; about a minute on a quiet 2-core machine (two when it is busy). Prints one
JSON line: the people, the ids the pages need, and the counts.
"""

import datetime
import importlib
import json
import os
import random
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerpath.settings")

import django

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402

from peerpath.accounts.models import AuditEvent, Membership, Organisation, Profile, User  # noqa: E402
from peerpath.assessments import tokens  # noqa: E402
from peerpath.assessments.models import (  # noqa: E402
    DomainEvidence,
    FeedbackResponse,
    FeedbackRound,
    Rater,
    ResponseComment,
    ResponseRating,
    SelfEvaluation,
    SelfRating,
)
from peerpath.frameworks.models import Domain, Framework, ScaleLevel, Statement  # noqa: E402
from peerpath.portfolio.models import Goal, GoalNote, LearningEntry, PlanItem  # noqa: E402

ORGANISATIONS = 200
PEOPLE = 10_000
ENTRIES = 100_000
PARTICIPANT = ORGANISATIONS + 1  # person201, a participant in bench-1
PARTICIPANT_ENTRIES = 400
EVALUATIONS = 2_000
OTHER_ROUNDS = 200
AUDIT_EVENTS = 30_000
APP_MODULES = ["peerpath.mentoring.bench", "peerpath.programmes.bench"]


def _people() -> tuple[list[Organisation], list[User]]:
    password = make_password("bench-password")
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench organisation {n}",
            slug=f"bench-{n}",
            kind="local-authority",
            nation="england",
            region="North East",
        )
        for n in range(ORGANISATIONS)
    )
    users = User.objects.bulk_create(
        User(email=f"person{n}@bench.example", full_name=f"Person {n}", password=password)
        for n in range(PEOPLE)
    )
    Profile.objects.bulk_create(
        Profile(user=u, job_title="Officer", role_level=1 + n % 5) for n, u in enumerate(users)
    )
    Membership.objects.bulk_create(
        Membership(
            user=u,
            organisation=orgs[n % ORGANISATIONS],
            role="org-admin" if n < ORGANISATIONS else "participant",
        )
        for n, u in enumerate(users)
    )
    return orgs, users


def _learning_log(users, rng) -> None:
    """ENTRIES entries: PARTICIPANT_ENTRIES for the participant, the rest spread evenly."""
    start = datetime.date(2024, 1, 1)
    kinds = [k for k, _ in LearningEntry.Kind.choices]
    LearningEntry.objects.bulk_create(
        (
            LearningEntry(
                owner=users[PARTICIPANT if n < PARTICIPANT_ENTRIES else n % PEOPLE],
                title=f"Learning {n}",
                kind=kinds[n % len(kinds)],
                date=start + datetime.timedelta(days=n % 700),
                hours=1 + n % 6,
                reflection="Reflection text. " * 40,
                practice="How I use it. " * 10 if n % 3 == 0 else "",
            )
            for n in range(ENTRIES)
        ),
        batch_size=5000,
    )
    statements = list(Statement.objects.values_list("pk", flat=True))
    through = LearningEntry.statements.through
    entry_ids = LearningEntry.objects.values_list("pk", flat=True)
    through.objects.bulk_create(
        (through(learningentry_id=e, statement_id=rng.choice(statements)) for e in entry_ids),
        batch_size=5000,
    )


def _goals_and_plan(user, rng) -> None:
    """The participant's goals (with notes and linked entries) and development plan."""
    capabilities = Framework.objects.published().current().get(slug="six-leadership-capabilities")
    statements = list(Statement.objects.filter(framework=capabilities))
    domains = list(Domain.objects.filter(framework=capabilities))
    today = timezone.localdate()
    goals = Goal.objects.bulk_create(
        Goal(
            owner=user,
            title=f"Goal {k}: lead the service review with the whole team involved",
            why="The review decides how we work for the next five years. " * 3,
            target_date=today + datetime.timedelta(days=30 * (k - 4)),
            status=["in-progress", "not-started", "achieved", "in-progress", "dropped"][k % 5],
        )
        for k in range(12)
    )
    Goal.statements.through.objects.bulk_create(
        Goal.statements.through(goal_id=g.pk, statement_id=s.pk)
        for g in goals
        for s in rng.sample(statements, 3)
    )
    GoalNote.objects.bulk_create(
        GoalNote(goal=g, text="Progress: met the team leaders and agreed the next step.")
        for g in goals
        for _ in range(3)
    )
    entries = list(LearningEntry.objects.filter(owner=user).values_list("pk", flat=True)[:60])
    LearningEntry.goals.through.objects.bulk_create(
        LearningEntry.goals.through(learningentry_id=e, goal_id=goals[k % len(goals)].pk)
        for k, e in enumerate(entries)
    )
    PlanItem.objects.bulk_create(
        PlanItem(
            owner=user,
            statement=statements[k % len(statements)] if k % 3 else None,
            domain=None if k % 3 else domains[k % len(domains)],
            action=f"Action {k}: shadow a head of service through a budget round.",
            support_needed="Time out of the rota, and an introduction from my manager.",
            target_date=today + datetime.timedelta(days=20 * (k - 5)),
            status=["not-started", "in-progress", "done", "in-progress"][k % 4],
            source="360° report" if k % 5 == 0 else "",
        )
        for k in range(25)
    )


def _finished(owner, framework, rng, levels, statements, when, evaluations, ratings):
    evaluation = SelfEvaluation(owner=owner, framework=framework, completed_at=when)
    evaluation.started_at = when - datetime.timedelta(days=3)
    evaluations.append(evaluation)
    ratings.append((evaluation, [(s, rng.choice(levels)) for s in statements]))
    return evaluation


def _save_evaluations(evaluations, ratings) -> None:
    SelfEvaluation.objects.bulk_create(evaluations, batch_size=2000)
    SelfRating.objects.bulk_create(
        (
            SelfRating(evaluation=e, statement=s, level=level, rated_by_id=e.owner_id)
            for e, pairs in ratings
            for s, level in pairs
        ),
        batch_size=5000,
    )


def _feedback_round(subject, evaluation, framework, rng, *, closed, raters, answered, **kw):
    """A launched round with `raters` invited and `answered` submitted responses."""
    now = timezone.now()
    round_ = FeedbackRound.objects.create(
        subject=subject,
        framework=framework,
        self_evaluation=evaluation,
        title=kw.get("title", "Leadership feedback"),
        status="closed" if closed else "open",
        closes_on=timezone.localdate() + datetime.timedelta(days=-20 if closed else 14),
        launched_at=now - datetime.timedelta(days=40),
        closed_at=now - datetime.timedelta(days=19) if closed else None,
    )
    groups = ["line-manager"] + ["peer"] * 5 + ["direct-report"] * 4 + ["other"] * 5
    made = []
    for k in range(raters):
        salt = tokens.new_salt()
        made.append(
            Rater(
                round=round_,
                group=groups[k % len(groups)],
                email=f"rater{k}.{round_.pk}@bench.example",
                token_salt=salt,
                token_hash=tokens.hash_of(tokens.token_for(salt)),
                invited_at=now - datetime.timedelta(days=40),
                last_emailed_at=now - datetime.timedelta(days=40),
                submitted_at=now - datetime.timedelta(days=30) if k < answered else None,
            )
        )
    Rater.objects.bulk_create(made)
    statements = list(Statement.objects.filter(framework=framework).select_related("domain"))
    levels = list(ScaleLevel.objects.filter(scale__framework=framework))
    responses = FeedbackResponse.objects.bulk_create(
        FeedbackResponse(round=round_, group=r.group, is_submitted=True) for r in made[:answered]
    )
    ResponseRating.objects.bulk_create(
        ResponseRating(
            response=resp, statement=s, level=None if rng.random() < 0.05 else rng.choice(levels)
        )
        for resp in responses
        for s in statements
    )
    domains = {s.domain_id: s.domain for s in statements}
    ResponseComment.objects.bulk_create(
        [
            ResponseComment(response=resp, domain=d, text="Listens well; could delegate more. " * 4)
            for resp in responses
            for d in domains.values()
            if rng.random() < 0.5
        ]
        + [
            ResponseComment(response=resp, domain=None, text="A thoughtful, steady leader. " * 3)
            for resp in responses
        ]
    )
    return round_


def _assessments(users, rng) -> dict:
    """Finished self-evaluations of others (and 360° rounds), and the participant's own."""
    current = Framework.objects.published().current()
    capabilities = current.get(slug="six-leadership-capabilities")
    cld = current.get(slug="cld-peer-self-evaluation")
    shape = {}
    for framework in (capabilities, cld):
        shape[framework.pk] = (
            list(ScaleLevel.objects.filter(scale__framework=framework)),
            list(Statement.objects.filter(framework=framework)),
        )
    now = timezone.now()
    evaluations, ratings = [], []
    others = rng.sample(range(ORGANISATIONS + 10, PEOPLE), EVALUATIONS)
    for n in others:
        levels, statements = shape[capabilities.pk]
        when = now - datetime.timedelta(days=rng.randint(30, 600))
        _finished(users[n], capabilities, rng, levels, statements, when, evaluations, ratings)
    me = users[PARTICIPANT]
    mine = []
    for framework, days in ((cld, 400), (cld, 60), (capabilities, 90), (capabilities, 20)):
        levels, statements = shape[framework.pk]
        when = now - datetime.timedelta(days=days)
        mine.append(_finished(me, framework, rng, levels, statements, when, evaluations, ratings))
    in_progress = SelfEvaluation(owner=me, framework=cld)
    evaluations.append(in_progress)
    levels, statements = shape[cld.pk]
    ratings.append((in_progress, [(s, rng.choice(levels)) for s in statements[:20]]))
    _save_evaluations(evaluations, ratings)
    DomainEvidence.objects.bulk_create(
        DomainEvidence(
            evaluation=e, domain_id=d, text="Evidence: the inspection report, p. 12. " * 5
        )
        for e in mine
        for d in {s.domain_id for s in shape[e.framework_id][1]}
    )
    closed = _feedback_round(me, mine[2], capabilities, rng, closed=True, raters=13, answered=11)
    _feedback_round(me, mine[3], capabilities, rng, closed=False, raters=10, answered=4,
                    title="Feedback after the restructure")  # fmt: skip
    for e in evaluations[:OTHER_ROUNDS]:
        _feedback_round(e.owner, e, capabilities, rng, closed=rng.random() < 0.7, raters=8,
                        answered=rng.randint(2, 8))  # fmt: skip
    return {"evaluation_id": mine[1].pk, "round_id": closed.pk}


def _audit_log(orgs, users, rng) -> None:
    start = timezone.now() - datetime.timedelta(days=700)
    actions = ["membership.grant", "invitation.send", "application.decide", "pairing.create"]
    events = []
    for k in range(AUDIT_EVENTS):
        org = 0 if k % 10 == 0 else rng.randrange(ORGANISATIONS)
        subject = users[rng.randrange(ORGANISATIONS, PEOPLE)]
        events.append(
            AuditEvent(
                at=start + datetime.timedelta(minutes=k * 33),
                actor=users[org],
                actor_name=users[org].full_name,
                organisation=orgs[org],
                action=actions[k % len(actions)],
                subject=subject,
                subject_name=subject.full_name,
                object_type="accounts.membership",
                object_id=str(k),
                summary=f"Gave {subject.full_name} the participant role",
            )
        )
    AuditEvent.objects.bulk_create(events, batch_size=5000)


def _timed(label: str, started: float) -> float:
    now = time.monotonic()
    print(f"  {label}: {now - started:.1f} s", file=sys.stderr)
    return now


def seed(rng: random.Random) -> dict:
    t = time.monotonic()
    with transaction.atomic():
        orgs, users = _people()
        t = _timed("people", t)
        _learning_log(users, rng)
        t = _timed("learning log", t)
        _goals_and_plan(users[PARTICIPANT], rng)
        ids = _assessments(users, rng)
        t = _timed("goals, plan, self-evaluations, 360° rounds", t)
        _audit_log(orgs, users, rng)
        t = _timed("audit log", t)
    extra = {}
    for name in APP_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        extra.update(module.seed_bench(users=users, orgs=orgs, rng=rng))
        t = _timed(name, t)
    return {
        "participant": users[PARTICIPANT].email,
        "org_admin": users[0].email,
        "org_slug": orgs[0].slug,
        **ids,
        **extra,
        "learning_entries": LearningEntry.objects.count(),
        "participant_entries": LearningEntry.objects.filter(owner=users[PARTICIPANT]).count(),
        "statement_id": _most_evidenced_statement(users[PARTICIPANT]),
    }


def _most_evidenced_statement(user) -> int:
    """The capability the person has linked most entries to (its own page is timed)."""
    linked = LearningEntry.statements.through.objects.filter(learningentry__owner=user)
    top = linked.values("statement").annotate(n=Count("pk")).order_by("-n", "statement")
    return top[0]["statement"]


if __name__ == "__main__":
    print(json.dumps(seed(random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 7))))
