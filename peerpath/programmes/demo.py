"""Demo programmes for a laptop or training site: a masterclass series, a summer school,
a learning set and a placement, using the demo people from peerpath/demo.py.

Fictional throughout. Run after `seed-demo`; it adds nothing twice.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from peerpath.accounts.models import Organisation, RoleLevel, User
from peerpath.demo import demo_email

from .models import Activity, Event, Module, Placement, Programme
from .services import enrolment_request, learning_set_create, meeting_add

SLUG = "leadership-masterclasses"


def _at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _person(local_part: str) -> User | None:
    return User.objects.filter(email=demo_email(local_part)).first()


def _masterclasses(owner: Organisation) -> Programme:
    programme = Programme.objects.create(
        slug=SLUG,
        name="Leadership masterclasses",
        kind=Programme.Kind.STRUCTURED,
        owner=owner,
        status=Programme.Status.PUBLISHED,
        audience=Programme.Audience.EVERYONE,
        summary="Half-day masterclasses with practitioners from the field. Attend two and "
        "write a short reflection to complete the series and earn its badge.",
        completion_attendance=2,
        completion_activities=1,
    )
    Activity.objects.create(
        programme=programme,
        code="reflection",
        position=1,
        title="Reflection on the series",
        summary="What you took from the masterclasses and what you will do differently.",
        min_words=300,
    )
    module = Module.objects.create(programme=programme, title="Leading through change", position=1)
    for days, title, capacity, online in [
        (12, "Budgets, restructures and keeping people with you", 12, False),
        (26, "Leading partnerships across organisations", 20, True),
        (40, "Compassionate leadership under pressure", 16, False),
    ]:
        Event.objects.create(
            programme=programme,
            module=module,
            kind=Event.Kind.MASTERCLASS,
            title=title,
            starts_at=_at(days, 10),
            ends_at=_at(days, 13),
            venue="" if online else "Peer Leadership Network, Conference Room 2",
            online=online,
            capacity=capacity,
        )
    return programme


def _summer_school(owner: Organisation) -> Programme:
    programme = Programme.objects.create(
        slug="summer-school",
        name="Summer school for senior leaders",
        kind=Programme.Kind.STRUCTURED,
        owner=owner,
        status=Programme.Status.PUBLISHED,
        audience=Programme.Audience.EVERYONE,
        summary="A three-day residential with speakers from inside and outside public "
        "services, for succession planning.",
        min_role_level=RoleLevel.HEAD_OF_SERVICE,
        eligibility="Senior colleagues with the potential to become chief officers.",
        completion_attendance=1,
    )
    Event.objects.create(
        programme=programme,
        kind=Event.Kind.SUMMER_SCHOOL,
        title="Summer school",
        starts_at=_at(70, 9),
        ends_at=_at(72, 16),
        venue="Gregynog Hall, Powys",
        capacity=24,
    )
    return programme


def seed_demo_programmes() -> dict | None:
    """Add the demo programmes, or None if they exist or the demo people are missing."""
    owner = Organisation.objects.filter(slug="peer-leadership-network").first()
    glenmorven = Organisation.objects.filter(slug="glenmorven").first()
    if owner is None or glenmorven is None or Programme.objects.filter(slug=SLUG).exists():
        return None
    with transaction.atomic():
        masterclasses = _masterclasses(owner)
        _summer_school(owner)
        first = masterclasses.events.order_by("starts_at").first()
        for local in ("participant", "david.chen", "euan.stewart"):
            if person := _person(local):
                enrolment_request(event=first, participant=person, confirmed_eligibility=True)
        members = [_person(p) for p in ("eilidh.macleod", "calum.ross", "fiona.grant")]
        facilitator = _person("grace.okafor")
        if facilitator and all(members):
            learning_set = learning_set_create(
                owner=glenmorven,
                name="Glenmorven leaders' action learning set",
                theme="Leading integrated services with less money",
                facilitator=facilitator,
                members=members,
            )
            meeting_add(learning_set=learning_set, starts_at=_at(9, 14), place="Online")
        if participant := _person("participant"):
            Placement.objects.create(
                person=participant,
                kind=Placement.Kind.SECONDMENT,
                host="Cwm Derwen County Council, community learning team",
                starts_on=timezone.localdate() - datetime.timedelta(days=120),
                ends_on=timezone.localdate() - datetime.timedelta(days=30),
                purpose="See how a Welsh council runs libraries and community learning as one.",
            )
    return {"programmes": 2, "events": 4}
