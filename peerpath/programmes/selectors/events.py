"""Events for people signing up and for coordinators running them."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from ..models import Enrolment, Event, Programme


def events_of(programme: Programme) -> list[Event]:
    """The programme's events in date order with places taken, places left (None for
    no limit) and the length of the waiting list."""
    events = list(
        programme.events.select_related("module")
        .annotate(
            enrolled_count=Count("enrolments", filter=Q(enrolments__status="enrolled")),
            waitlist_count=Count("enrolments", filter=Q(enrolments__status="waitlisted")),
        )
        .order_by("starts_at", "pk")
    )
    for event in events:
        event.places_left = (
            None if event.capacity is None else max(event.capacity - event.enrolled_count, 0)
        )
    return events


def events_by_module(programme: Programme) -> list[tuple]:
    """(module, its events) in module order, then (None, events outside any module)."""
    events = events_of(programme)
    sections = [
        (module, [e for e in events if e.module_id == module.pk])
        for module in programme.modules.all()
    ]
    loose = [e for e in events if e.module_id is None]
    if loose or not sections:
        sections.append((None, loose))
    return sections


def upcoming_events_for(user):
    """Events the person has a place at, or is queueing for, that have not ended."""
    return (
        Enrolment.objects.filter(participant=user, event__ends_at__gte=timezone.now())
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("event__programme")
        .order_by("event__starts_at")
    )


@dataclass(frozen=True)
class Place:
    enrolment: Enrolment | None
    waitlist_position: int | None
    places_left: int | None


def place_of(event: Event, user) -> Place:
    """The person's enrolment, where they are in the queue, and places left."""
    enrolment = event.enrolments.filter(participant=user).first()
    position = None
    if enrolment is not None and enrolment.status == Enrolment.Status.WAITLISTED:
        ahead = event.enrolments.filter(
            Q(queued_at__lt=enrolment.queued_at)
            | Q(queued_at=enrolment.queued_at, pk__lt=enrolment.pk),
            status=Enrolment.Status.WAITLISTED,
        ).count()
        position = ahead + 1
    left = None
    if event.capacity is not None:
        taken = event.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
        left = max(event.capacity - taken, 0)
    return Place(enrolment, position, left)


def register_of(event: Event):
    """People with a place (for attendance) and the waiting list, in queue order."""
    enrolments = event.enrolments.select_related("participant").order_by("queued_at", "pk")
    return {
        "enrolled": [e for e in enrolments if e.status == Enrolment.Status.ENROLLED],
        "waitlisted": [e for e in enrolments if e.status == Enrolment.Status.WAITLISTED],
    }


def attendance_summary(programme: Programme, user) -> dict:
    """How far a person is towards the programme's attendance rule."""
    attended = Enrolment.objects.filter(
        event__programme=programme, participant=user, attended=True
    ).count()
    return {"attended": attended, "needed": programme.completion_attendance}
