"""Places at events: sign-up with a waiting list, cancellations, attendance."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.accounts.models import RoleLevel
from peerpath.accounts.selectors import profile_of

from ..models import Enrolment, Event, Module, Programme
from .awards import module_badge_check, programme_completion_check


def eligibility_problem(programme: Programme, person) -> str:
    """Why this person cannot sign up to the programme's events, or "" if they can."""
    if programme.min_role_level is None:
        return ""
    level = profile_of(person).role_level
    wanted = RoleLevel(programme.min_role_level).label
    if level is None:
        return _(
            "This programme is for people working as %(level)s or above. Add your role level "
            "to your profile so we can check."
        ) % {"level": wanted.lower()}
    if level < programme.min_role_level:
        return _("This programme is for people working as %(level)s or above.") % {
            "level": wanted.lower()
        }
    return ""


def enrolment_request(*, event: Event, participant, confirmed_eligibility: bool) -> Enrolment:
    """Give the person a place, or a place on the waiting list when the event is full.

    Guarantees: never more people with a place than the event has places, however many
    sign up at the same moment (the event row is locked while places are counted; on
    SQLite the IMMEDIATE transaction serialises writers); asking twice keeps one
    enrolment; people who do not meet the eligibility rules are refused with the reason.
    """
    programme = event.programme
    if programme.status != Programme.Status.PUBLISHED:
        raise ValidationError(_("This programme is not open for sign-up."))
    problem = eligibility_problem(programme, participant)
    if problem:
        raise ValidationError(problem)
    if programme.eligibility and not confirmed_eligibility:
        raise ValidationError(
            {"confirm": _("Confirm that you meet the description of who this is for.")}
        )
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if not locked.is_open_for_enrolment:
            raise ValidationError(_("Sign-up for this event has closed."))
        enrolment = Enrolment.objects.filter(event=locked, participant=participant).first()
        if enrolment is not None and enrolment.status != Enrolment.Status.CANCELLED:
            return enrolment
        enrolment = enrolment or Enrolment(event=locked, participant=participant)
        enrolment.status = (
            Enrolment.Status.ENROLLED if _has_free_place(locked) else Enrolment.Status.WAITLISTED
        )
        enrolment.queued_at = timezone.now()
        enrolment.save()
    return enrolment


def _has_free_place(event: Event) -> bool:
    if event.capacity is None:
        return True
    taken = event.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    return taken < event.capacity


def _promote_from_waiting_list(event: Event) -> list[Enrolment]:
    """Fill free places from the front of the queue; the caller holds the event lock."""
    promoted = []
    queue = event.enrolments.filter(status=Enrolment.Status.WAITLISTED).order_by("queued_at", "pk")
    for enrolment in queue:
        if not _has_free_place(event):
            break
        enrolment.status = Enrolment.Status.ENROLLED
        enrolment.save(update_fields=["status", "updated_at"])
        promoted.append(enrolment)
    if promoted:
        from ..tasks import send_place_offered

        ids = [e.pk for e in promoted]
        transaction.on_commit(lambda: [send_place_offered.enqueue(i) for i in ids])
    return promoted


def enrolment_cancel(*, enrolment: Enrolment) -> list[Enrolment]:
    """Give up a place (or a place in the queue); the next in the queue gets the place.

    Returns the enrolments promoted from the waiting list; each person is emailed.
    """
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=enrolment.event_id)
        locked = Enrolment.objects.get(pk=enrolment.pk)
        if locked.status == Enrolment.Status.CANCELLED:
            return []
        if event.has_started:
            raise ValidationError(_("The event has started; places can no longer be changed."))
        locked.status = Enrolment.Status.CANCELLED
        locked.save(update_fields=["status", "updated_at"])
        return _promote_from_waiting_list(event)


def event_save(*, event: Event) -> list[Enrolment]:
    """Create or change an event; more places offer them to the waiting list at once.

    Refused, saving nothing, if it ends before it starts or sign-up closes after it starts.
    """
    problems = {}
    if event.ends_at <= event.starts_at:
        problems["ends_at"] = _("The end must be after the start.")
    if event.enrolment_closes_at and event.enrolment_closes_at > event.starts_at:
        problems["enrolment_closes_at"] = _(
            "Sign-up must close when the event starts (%(starts)s) or earlier."
        ) % {"starts": f"{timezone.localtime(event.starts_at):%d/%m/%Y %H:%M}"}
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        event.save()
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.has_started or locked.cancelled_at:
            return []
        return _promote_from_waiting_list(locked)


def event_cancel(*, event: Event) -> int:
    """Cancel an event and email everyone with a place or in the queue; returns how many.

    Enrolments are kept, so the event's page still tells people it was cancelled.
    Cancelling twice emails nobody the second time.
    """
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.cancelled_at is not None:
            return 0
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["cancelled_at"])
        ids = list(
            locked.enrolments.exclude(status=Enrolment.Status.CANCELLED).values_list(
                "pk", flat=True
            )
        )
        from ..tasks import send_event_cancelled

        transaction.on_commit(lambda: [send_event_cancelled.enqueue(i) for i in ids])
    event.cancelled_at = locked.cancelled_at
    return len(ids)


def attendance_record(*, event: Event, attended_ids: set[int], recorded_by) -> int:
    """Mark who attended among the people with a place; everyone else with a place missed it.

    Attendance counts towards the programme's completion rule; completion, once reached,
    is recorded for each attendee, and attending every event of a module earns the
    module's badge. Returns how many attended.
    """
    if not event.has_started:
        raise ValidationError(_("Attendance can be recorded once the event has started."))
    now = timezone.now()
    with transaction.atomic():
        enrolled = list(
            event.enrolments.select_for_update()
            .filter(status=Enrolment.Status.ENROLLED)
            .select_related("participant")
        )
        for enrolment in enrolled:
            enrolment.attended = enrolment.pk in attended_ids
            enrolment.attendance_recorded_at = now
            enrolment.attendance_recorded_by = recorded_by
        Enrolment.objects.bulk_update(
            enrolled, ["attended", "attendance_recorded_at", "attendance_recorded_by"]
        )
        for enrolment in enrolled:
            if enrolment.attended:
                programme_completion_check(
                    programme=event.programme, participant=enrolment.participant
                )
                if event.module_id is not None:
                    module_badge_check(module=event.module, participant=enrolment.participant)
    return sum(1 for e in enrolled if e.attended)


def module_create(
    *, programme: Programme, title: str, summary: str = "", accreditation=""
) -> Module:
    """Add a module at the end of the programme."""
    position = programme.modules.count() + 1
    return Module.objects.create(
        programme=programme,
        title=title,
        summary=summary,
        accreditation=accreditation,
        position=position,
    )
