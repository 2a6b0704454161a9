"""Programme volume for the page-speed benchmark (bench/seed_large.py calls `seed_bench`).

Run after the shipped programmes are loaded. Bulk inserts: 60 structured programmes run
by the bench organisations (a third open to everyone), each with two modules, six events
and about 20 people at each; 2,000 people working through 23 Things (about 13,000
submissions). The participant's own work goes through the real awarding code, so their
accepted Things are signed badges and learning-log entries like anyone's.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from .models import Activity, Enrolment, Event, Module, Programme, Submission
from .services.awards import activity_badge_award, activity_learning_record

THINGS = "23-things-elc-leadership"
STRUCTURED = 60
EVENTS_PER_PROGRAMME = 6
PLACES_TAKEN = 20
THINGS_PEOPLE = 2_000
PARTICIPANT_THINGS = 14
ORGANISATIONS = 200  # as bench/seed_large.py: person n is in organisation n % 200
PARTICIPANT = ORGANISATIONS + 1

STATEMENT = (
    "I tried the activity with my team and wrote down what changed. The idea that stayed "
    "with me is that leadership is shared: the practitioners closest to the children saw "
    "things I had missed, and asking them first made the plan better. "
) * 3


def _structured(orgs, users, rng, now) -> list[Programme]:
    programmes = Programme.objects.bulk_create(
        Programme(
            slug=f"bench-programme-{k}",
            name=f"Bench leadership programme {k}",
            kind=Programme.Kind.STRUCTURED,
            owner=orgs[k % ORGANISATIONS],
            status=Programme.Status.PUBLISHED,
            audience=Programme.Audience.EVERYONE if k % 3 == 0 else Programme.Audience.MEMBERS,
            summary="Masterclasses and workshops over a year, with a residential in the "
            "middle. Attend four events to complete the programme.",
            completion_attendance=4,
        )
        for k in range(STRUCTURED)
    )
    modules = Module.objects.bulk_create(
        Module(programme=p, title=f"Module {m + 1}: leading through change", position=m)
        for p in programmes
        for m in range(2)
    )
    modules_of: dict[int, list[Module]] = {}
    for module in modules:
        modules_of.setdefault(module.programme_id, []).append(module)
    events = []
    for p in programmes:
        for e in range(EVENTS_PER_PROGRAMME):
            starts = now + datetime.timedelta(days=30 * (e - 3), hours=10)
            events.append(
                Event(
                    programme=p,
                    module=modules_of[p.pk][e // 3],
                    kind=rng.choice(["masterclass", "workshop", "residential"]),
                    title=f"Event {e + 1}: budgets, restructures and keeping people with you",
                    summary="Practitioners from the field on what worked for them.",
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=3),
                    venue="Conference Room 2" if e % 2 else "",
                    online=not e % 2,
                    capacity=30,
                )
            )
    Event.objects.bulk_create(events)
    index_of = {org.pk: k for k, org in enumerate(orgs)}
    enrolments = []
    for event in events:
        owner = index_of[event.programme.owner_id]
        members = [n for n in range(owner, len(users), ORGANISATIONS) if n != PARTICIPANT]
        for n in rng.sample(members, PLACES_TAKEN):
            past = event.starts_at < now
            enrolments.append(
                Enrolment(
                    event=event,
                    participant=users[n],
                    status=Enrolment.Status.ENROLLED,
                    queued_at=event.starts_at - datetime.timedelta(days=40),
                    attended=rng.random() < 0.85 if past else None,
                    attendance_recorded_at=event.ends_at if past else None,
                )
            )
    # The participant has places at four events of a programme of their organisation.
    mine = next(p for p in programmes if p.owner_id == orgs[PARTICIPANT % ORGANISATIONS].pk)
    for event in [e for e in events if e.programme_id == mine.pk][1:5]:
        past = event.starts_at < now
        enrolments.append(
            Enrolment(
                event=event,
                participant=users[PARTICIPANT],
                status=Enrolment.Status.ENROLLED,
                queued_at=event.starts_at - datetime.timedelta(days=40),
                attended=True if past else None,
                attendance_recorded_at=event.ends_at if past else None,
            )
        )
    Enrolment.objects.bulk_create(enrolments, batch_size=2000)
    return [mine, *programmes]


def _work(activity, person, when, accepted: bool) -> Submission:
    """A reflective statement handed in for an activity, accepted the same day or waiting."""
    return Submission(
        activity=activity,
        participant=person,
        status=Submission.Status.ACCEPTED if accepted else Submission.Status.SUBMITTED,
        statement=STATEMENT,
        word_count=len(STATEMENT.split()),
        hours=activity.hours,
        submitted_at=when,
        accepted_at=when if accepted else None,
    )


def _things(users, rng, now) -> tuple[Programme, str]:
    """Submissions to 23 Things; the participant's accepted ones earn real badges."""
    things = Programme.objects.get(slug=THINGS)
    activities = list(things.activities.filter(retired=False).order_by("position"))
    people = rng.sample(range(ORGANISATIONS, len(users)), THINGS_PEOPLE)
    submissions = []
    for n in people:
        if n == PARTICIPANT:
            continue
        for activity in rng.sample(activities, rng.randint(1, 12)):
            when = now - datetime.timedelta(days=rng.randint(1, 600))
            accepted = rng.random() < 0.9
            submissions.append(_work(activity, users[n], when, accepted))
    Submission.objects.bulk_create(submissions, batch_size=2000)
    mine = []
    for k, activity in enumerate(activities[: PARTICIPANT_THINGS + 2]):
        when = now - datetime.timedelta(days=20 * (PARTICIPANT_THINGS + 2 - k))
        accepted = k < PARTICIPANT_THINGS
        work = _work(activity, users[PARTICIPANT], when, accepted)
        work.save()
        mine.append(work)
    for submission in mine:
        if submission.is_accepted:
            activity_learning_record(submission)
            activity_badge_award(submission)
    badge = next(s.badge_url for s in mine if s.badge_url)
    return things, badge


def seed_bench(*, users, orgs, rng: random.Random) -> dict:
    """Seed the programme volume; returns the pages bench/bench_web.py uses."""
    now = timezone.now().replace(microsecond=0)
    if not Activity.objects.filter(programme__slug=THINGS).exists():
        raise RuntimeError("Load the shipped programmes first (peerpath load-programmes).")
    with transaction.atomic():
        structured = _structured(orgs, users, rng, now)
        things, badge = _things(users, rng, now)
    return {
        "programme_slug": things.slug,
        "structured_slug": structured[0].slug,
        "credential_path": badge,
        "programmes": {
            "structured": STRUCTURED,
            "events": Event.objects.count(),
            "enrolments": Enrolment.objects.count(),
            "submissions": Submission.objects.count(),
        },
    }
