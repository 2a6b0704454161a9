"""Pages for the people who run schemes: set-up, rounds and phases, applications, training.

Every view here is wrapped by `scheme_staff`: anyone else gets 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..access import scheme_staff, scheme_starter
from ..forms.schemes import (
    AttendanceForm,
    CohortForm,
    DecisionForm,
    NextRoundForm,
    SchemeForm,
    StaffForm,
    TrainingSessionForm,
)
from ..models import Application, Cohort, SchemeStaff
from .common import add_errors, posted_id, show_errors


@scheme_starter
def scheme_new(request):
    owners = selectors.organisations_that_can_start_schemes(request.user)
    form = SchemeForm(request.POST or None, owners=owners)
    if request.method == "POST" and form.is_valid():
        fields = {
            k: v for k, v in form.cleaned_data.items() if k not in {"owner", "member_organisations"}
        }
        scheme = services.scheme_create(
            owner=form.cleaned_data["owner"],
            created_by=request.user,
            members=form.cleaned_data["member_organisations"],
            **fields,
        )
        messages.success(request, _("The scheme is set up. Now add its first round."))
        return redirect("mentoring:scheme-manage", slug=scheme.slug)
    return render(request, "mentoring/scheme_form.html", {"form": form})


@scheme_staff
def scheme_manage(request, scheme):
    form = SchemeForm(request.POST or None, instance=scheme, prefix="scheme")
    staff_form = StaffForm(prefix="staff")
    if request.method == "POST" and "staff-email" in request.POST:
        staff_form = StaffForm(request.POST, prefix="staff")
        form = SchemeForm(instance=scheme, prefix="scheme")
        if staff_form.is_valid():
            try:
                added = services.staff_add(
                    scheme=scheme, by=request.user, **staff_form.cleaned_data
                )
            except ValidationError as error:
                add_errors(staff_form, error)
            else:
                messages.success(
                    request, _("%(name)s can now help run the scheme.") % {"name": added.user}
                )
                return redirect("mentoring:scheme-manage", slug=scheme.slug)
    elif request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The scheme's settings are saved."))
        return redirect("mentoring:scheme-manage", slug=scheme.slug)
    return render(
        request,
        "mentoring/scheme_manage.html",
        {
            "scheme": scheme,
            "form": form,
            "staff_form": staff_form,
            "staff": scheme.staff.select_related("user"),
            "cohorts": scheme.cohorts.annotate(applicant_count=Count("applications")),
        },
    )


@scheme_staff
@require_POST
def staff_remove(request, scheme, staff_id):
    staff = get_object_or_404(SchemeStaff, pk=staff_id, scheme=scheme)
    try:
        services.staff_remove(staff=staff, by=request.user)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request, _("%(name)s no longer helps run the scheme.") % {"name": staff.user}
        )
    return redirect("mentoring:scheme-manage", slug=scheme.slug)


@scheme_staff
def cohort_new(request, scheme):
    form = CohortForm(request.POST or None, initial=_cohort_defaults(scheme))
    if request.method == "POST" and form.is_valid():
        cohort = services.cohort_create(scheme=scheme, **form.cleaned_data)
        messages.success(request, _("The round is set up. Open applications when you are ready."))
        return redirect(cohort)
    return render(request, "mentoring/cohort_form.html", {"scheme": scheme, "form": form})


def _cohort_defaults(scheme) -> dict:
    from ..models import DEFAULT_AVAILABILITY, DEFAULT_TOPICS

    return {
        "topics": DEFAULT_TOPICS,
        "availability_options": DEFAULT_AVAILABILITY,
        "allow_peer_choice": scheme.is_peer,
        "training_required": not scheme.is_peer,
    }


@scheme_staff
def cohort_settings(request, scheme, cohort):
    form = CohortForm(request.POST or None, instance=cohort)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The round's settings are saved."))
        return redirect(cohort)
    return render(
        request, "mentoring/cohort_form.html", {"scheme": scheme, "cohort": cohort, "form": form}
    )


@scheme_staff
def cohort(request, scheme, cohort):
    """A round at a glance: phase, timetable, numbers, and the next thing to do."""
    if request.method == "POST":
        try:
            moved = services.cohort_advance(cohort=cohort)
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(
                request, _("The round is now at: %(phase)s.") % {"phase": moved.get_phase_display()}
            )
        return redirect(cohort)
    counts = cohort.applications.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in Application.Status.values}
    )
    return render(
        request,
        "mentoring/cohort.html",
        {
            "scheme": scheme,
            "cohort": cohort,
            "counts": counts,
            "trained": len(selectors.trained_ids(cohort)),
            "pairings": cohort.pairings.count(),
            "live_pairings": cohort.pairings.filter(status__in=["agreeing", "active"]).count(),
            "drafts": cohort.draft_pairs.count(),
            "phases": Cohort.Phase.choices,
        },
    )


@scheme_staff
def cohort_next(request, scheme, cohort):
    """Start the next round from this one, copying its settings."""
    form = NextRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        new = services.cohort_start_next_round(cohort=cohort, **form.cleaned_data)
        messages.success(request, _("The new round is set up with this round's settings."))
        return redirect(new)
    waitlisted = cohort.applications.filter(status=Application.Status.WAITLISTED).count()
    return render(
        request,
        "mentoring/cohort_next.html",
        {"scheme": scheme, "cohort": cohort, "form": form, "waitlisted": waitlisted},
    )


APPLICATIONS_PER_PAGE = 50


@scheme_staff
def applications(request, scheme, cohort):
    if request.method == "POST":
        chosen = cohort.applications.filter(
            pk__in=[v for v in request.POST.getlist("accept") if v.isdigit()],
            status=Application.Status.SUBMITTED,
        )
        try:
            count = services.applications_accept(applications=list(chosen), by=request.user)
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s application accepted; we have emailed the person.",
                    "%(n)s applications accepted; we have emailed each person.",
                    count,
                )
                % {"n": count},
            )
        return redirect(request.get_full_path())
    rows = (
        cohort.applications.exclude(status=Application.Status.DRAFT)
        .select_related("applicant", "organisation")
        .order_by("status", "applicant__full_name")
    )
    status = request.GET.get("status")
    if status in Application.Status.values:
        rows = rows.filter(status=status)
    page = Paginator(rows, APPLICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "mentoring/applications.html",
        {
            "scheme": scheme,
            "cohort": cohort,
            "applications": page,
            "page": page,
            "query": query.urlencode(),
            # Only the rows shown can be ticked, so the button follows this page.
            "waiting": any(a.status == Application.Status.SUBMITTED for a in page),
            "status": status,
            "statuses": Application.Status.choices[1:],
            "trained": selectors.trained_ids(cohort),
        },
    )


@scheme_staff
def application_review(request, scheme, cohort, application_id):
    application = get_object_or_404(
        Application.objects.select_related("applicant__profile", "organisation"),
        pk=application_id,
        cohort=cohort,
    )
    form = DecisionForm(
        request.POST or None,
        initial={"decision": application.status, "reason": application.decision_reason},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.application_decide(
                application=application, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Decision saved. We have emailed %(name)s.") % {"name": application.applicant},
            )
            return redirect("mentoring:applications", cohort_id=cohort.pk)
    from ..eligibility import application_problems

    return render(
        request,
        "mentoring/application_review.html",
        {
            "scheme": scheme,
            "cohort": cohort,
            "application": application,
            "form": form,
            "problems": application_problems(cohort, application),
            "framework": scheme.evaluation_framework,
        },
    )


@scheme_staff
def training(request, scheme, cohort):
    """Training sessions and who attended; only trained people can be matched."""
    form = TrainingSessionForm(request.POST or None)
    if request.method == "POST" and "exempt" in request.POST:
        application = get_object_or_404(Application, pk=posted_id(request, "exempt"), cohort=cohort)
        services.training_exempt_set(
            application=application, exempt=not application.training_exempt
        )
        return redirect("mentoring:training", cohort_id=cohort.pk)
    if request.method == "POST" and form.is_valid():
        services.training_session_add(cohort=cohort, **form.cleaned_data)
        messages.success(request, _("The training session is added."))
        return redirect("mentoring:training", cohort_id=cohort.pk)
    accepted = cohort.applications.filter(status=Application.Status.ACCEPTED).select_related(
        "applicant"
    )
    return render(
        request,
        "mentoring/training.html",
        {
            "scheme": scheme,
            "cohort": cohort,
            "form": form,
            "sessions": cohort.training_sessions.annotate(attended=Count("attendances")),
            "accepted": accepted,
            "trained": selectors.trained_ids(cohort),
        },
    )


@scheme_staff
def attendance(request, scheme, cohort, training_id):
    session = get_object_or_404(cohort.training_sessions, pk=training_id)
    form = AttendanceForm(
        request.POST or None,
        cohort=cohort,
        initial={"attended": [a.application_id for a in session.attendances.all()]},
    )
    if request.method == "POST" and form.is_valid():
        services.attendance_set(
            training_session=session, attended=list(form.cleaned_data["attended"])
        )
        messages.success(request, _("Attendance is saved."))
        return redirect("mentoring:training", cohort_id=cohort.pk)
    return render(
        request,
        "mentoring/attendance.html",
        {"scheme": scheme, "cohort": cohort, "session": session, "form": form},
    )
