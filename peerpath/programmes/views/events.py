"""Event pages: signing up, giving up a place, calendar files, and the register."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..access import programme_manager, programme_visible
from ..forms import AttendanceForm, EnrolForm, EventForm
from ..models import Enrolment
from ..notifications import event_ics
from ..selectors import events as event_selectors


def _event(programme, event_id):
    return get_object_or_404(programme.events.select_related("module"), pk=event_id)


@programme_visible
def event_page(request, programme, event_id):
    event = _event(programme, event_id)
    return render(
        request,
        "programmes/event.html",
        {
            "programme": programme,
            "event": event,
            "place": event_selectors.place_of(event, request.user),
            "form": EnrolForm(),
            "statuses": Enrolment.Status,
            "eligibility_problem": services.eligibility_problem(programme, request.user),
            "can_manage": programme.is_managed_by(request.user),
        },
    )


@programme_visible
@require_POST
def event_enrol(request, programme, event_id):
    event = _event(programme, event_id)
    form = EnrolForm(request.POST)
    form.is_valid()
    try:
        enrolment = services.enrolment_request(
            event=event,
            participant=request.user,
            confirmed_eligibility=form.cleaned_data.get("confirm", False),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return render(
            request,
            "programmes/event.html",
            {
                "programme": programme,
                "event": event,
                "place": event_selectors.place_of(event, request.user),
                "form": form,
                "statuses": Enrolment.Status,
                "can_manage": programme.is_managed_by(request.user),
            },
            status=400,
        )
    if enrolment.status == Enrolment.Status.ENROLLED:
        messages.success(request, _("You have a place at %(event)s.") % {"event": event.title})
    else:
        messages.success(
            request,
            _(
                "The event is full, so you are on the waiting list. "
                "We will email you if a place comes up."
            ),
        )
    return redirect(event)


@programme_visible
@require_POST
def event_leave(request, programme, event_id):
    event = _event(programme, event_id)
    enrolment = get_object_or_404(event.enrolments, participant=request.user)
    try:
        services.enrolment_cancel(enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You have given up your place."))
    return redirect(event)


@programme_visible
def event_calendar(request, programme, event_id):
    event = _event(programme, event_id)
    response = HttpResponse(event_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


def _event_form(request, programme, event=None):
    form = EventForm(request.POST or None, instance=event, programme=programme)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.programme = programme
        try:
            promoted = services.event_save(event=saved)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The event is saved."))
            if promoted:
                messages.info(
                    request,
                    _("%(n)s people from the waiting list now have a place and were emailed.")
                    % {"n": len(promoted)},
                )
            return redirect(saved)
    return render(
        request,
        "programmes/event_form.html",
        {"programme": programme, "form": form, "event": event},
    )


@programme_manager
def event_create(request, programme):
    return _event_form(request, programme)


@programme_manager
def event_edit(request, programme, event_id):
    return _event_form(request, programme, _event(programme, event_id))


@programme_manager
def event_attendance(request, programme, event_id):
    event = _event(programme, event_id)
    register = event_selectors.register_of(event)
    form = AttendanceForm(request.POST or None, enrolled=register["enrolled"])
    if request.method == "POST" and form.is_valid():
        try:
            count = services.attendance_record(
                event=event,
                attended_ids={int(pk) for pk in form.cleaned_data["attended"]},
                recorded_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Attendance saved: %(count)s of %(total)s attended.")
                % {"count": count, "total": len(register["enrolled"])},
            )
            return redirect("programmes:event-attendance", slug=programme.slug, event_id=event.pk)
    return render(
        request,
        "programmes/attendance.html",
        {"programme": programme, "event": event, "form": form, **register},
    )


@programme_manager
@require_POST
def event_cancel(request, programme, event_id):
    event = _event(programme, event_id)
    told = services.event_cancel(event=event)
    messages.success(
        request,
        _("The event is cancelled. %(n)s people with a place or in the queue were emailed.")
        % {"n": told},
    )
    return redirect(event)
