"""A pair's sessions: plan, log, confirm, check in, and the calendar file."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.drafts.services import draft_discard

from .. import services
from ..access import pair_member
from ..forms.pairs import CheckInForm, SessionForm, WhenForm
from ..ics import session_ics
from ..models import CheckIn, Pairing, Session, SessionNotes
from .common import add_errors, show_errors


def _sessions_closed(request, pairing, template: str, **context):
    """Sessions are for a running pairing: say so before anyone fills in a form. The
    services refuse them too, whatever arrives."""
    if pairing.status == Pairing.Status.ACTIVE:
        return None
    return render(
        request,
        template,
        {
            "pairing": pairing,
            "form": None,
            "i_signed": pairing.agreement.signed_by(request.user),
            "partner": pairing.partner_of(request.user),
            **context,
        },
    )


def _draft_prefix(pairing, session) -> str:
    return f"mentoring.pair.{pairing.pk}.session.{session.pk or 'new'}"


def _session_form(request, pairing, session: Session):
    initial = {
        "format": pairing.agreement.format,
        "duration_minutes": pairing.agreement.session_minutes,
    }
    if session.pk:
        local = timezone.localtime(session.starts_at)
        notes = SessionNotes.objects.filter(session=session).first()
        initial = {
            "date": local.date(),
            "time": local.time().replace(second=0, microsecond=0),
            "duration_minutes": session.duration_minutes,
            "format": session.format,
            "notes": notes.text if notes else "",
        }
    return SessionForm(
        request.POST or None,
        instance=session,
        initial=initial,
        theme_framework=pairing.cohort.scheme.theme_framework,
        draft_prefix=_draft_prefix(pairing, session),
    )


@pair_member
def session_log(request, pairing, session=None):
    """Log a session that happened (new, or one that was planned), with private notes."""
    session = session or Session(pairing=pairing)
    if session.status == Session.Status.CANCELLED:
        raise Http404
    if closed := _sessions_closed(request, pairing, "mentoring/session_form.html", session=session):
        return closed
    form = _session_form(request, pairing, session)
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        record.starts_at = form.starts_at()
        record.duration_minutes = form.cleaned_data["duration_minutes"]
        record.format = form.cleaned_data["format"]
        try:
            saved = services.session_log(
                session=record,
                by=request.user,
                themes=form.cleaned_data["themes"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            for name in ("actions", "evidence", "notes"):
                draft_discard(owner=request.user, key=f"{_draft_prefix(pairing, session)}.{name}")
            messages.success(request, _("The session is saved."))
            return redirect(saved)
    return render(
        request,
        "mentoring/session_form.html",
        {"pairing": pairing, "session": session, "form": form},
    )


@pair_member
def session_plan(request, pairing):
    if closed := _sessions_closed(request, pairing, "mentoring/session_plan.html"):
        return closed
    form = WhenForm(
        request.POST or None,
        initial={
            "format": pairing.agreement.format,
            "duration_minutes": pairing.agreement.session_minutes,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_plan(
                pairing=pairing,
                by=request.user,
                starts_at=form.starts_at(),
                duration_minutes=form.cleaned_data["duration_minutes"],
                format=form.cleaned_data["format"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The session is planned. We have emailed you both a calendar invitation."),
            )
            return redirect(session)
    return render(request, "mentoring/session_plan.html", {"pairing": pairing, "form": form})


@pair_member
def session_detail(request, pairing, session):
    notes = SessionNotes.objects.filter(session=session).first()
    return render(
        request,
        "mentoring/session.html",
        {
            "pairing": pairing,
            "session": session,
            "themes": session.themes.select_related("framework"),
            "notes": notes,
            "my_check_in": CheckIn.objects.filter(session=session, person=request.user).first(),
            "can_confirm": session.status == Session.Status.LOGGED
            and session.logged_by_id != request.user.pk,
        },
    )


@pair_member
@require_POST
def session_confirm(request, pairing, session):
    try:
        services.session_confirm(session=session, by=request.user)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, _("Confirmed. The session is in both your learning logs."))
    return redirect(session)


@pair_member
@require_POST
def session_cancel(request, pairing, session):
    try:
        services.session_cancel(session=session, by=request.user)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, _("The session is cancelled."))
    return redirect(pairing)


@pair_member
def session_calendar(request, pairing, session):
    partner = pairing.partner_of(request.user)
    body = session_ics(session, title=_("Session with %(name)s") % {"name": partner.full_name})
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    return response


@pair_member
def check_in(request, pairing, session):
    existing = CheckIn.objects.filter(session=session, person=request.user).first()
    initial = {"usefulness": existing.usefulness, "comment": existing.comment} if existing else {}
    form = CheckInForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_in_record(session=session, person=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you for checking in."))
            return redirect(pairing)
    return render(
        request, "mentoring/check_in.html", {"pairing": pairing, "session": session, "form": form}
    )
