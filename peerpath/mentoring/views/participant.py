"""Pages for people who take part: the mentoring home, schemes, applying, choosing a peer,
shortlists, and answering invitations and requests."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in
from peerpath.drafts.selectors import draft_newer_than

from .. import selectors, services
from ..forms.applications import ApplicationForm
from ..forms.pairs import AnswerForm, PeerInviteForm
from ..models import Application, Cohort, MentorRequest, PeerInvitation, Scheme
from .common import add_errors, posted_id, show_errors


@signed_in
def home(request):
    user = request.user
    applications = user.mentoring_applications.select_related("cohort__scheme").order_by(
        "-created_at"
    )
    applied = {a.cohort_id for a in applications}
    pairings = list(selectors.pairings_of(user))
    return render(
        request,
        "mentoring/home.html",
        {
            "pairings": pairings,
            # A mentee with a live pair in a round has no use for that round's shortlist.
            "paired_as_mentee": {
                p.cohort_id for p in pairings if p.is_live and p.mentee_id == user.pk
            },
            "waiting": selectors.waiting_for(user),
            "applications": applications,
            "open_cohorts": [c for c in selectors.open_cohorts_for(user) if c.pk not in applied],
            "schemes_run": selectors.schemes_run_by(user).prefetch_related("cohorts"),
            "can_start": selectors.organisations_that_can_start_schemes(user).exists(),
        },
    )


@signed_in
def scheme(request, slug):
    found = get_object_or_404(Scheme.objects.select_related("owner"), slug=slug)
    if not selectors.can_see_scheme(request.user, found):
        raise Http404
    return render(
        request,
        "mentoring/scheme.html",
        {
            "scheme": found,
            "cohorts": found.cohorts.exclude(phase=Cohort.Phase.SETUP),
            "is_staff": selectors.is_staff(request.user, found),
        },
    )


def _cohort_for_participant(request, cohort_id) -> Cohort:
    cohort = get_object_or_404(Cohort.objects.select_related("scheme"), pk=cohort_id)
    if not selectors.can_see_scheme(request.user, cohort.scheme):
        raise Http404
    return cohort


@signed_in
def apply(request, cohort_id):
    """The round's application form: save a draft, or send it (eligibility checked)."""
    cohort = _cohort_for_participant(request, cohort_id)
    application = selectors.application_of(cohort, request.user)
    editable = application.status in {Application.Status.DRAFT, Application.Status.SUBMITTED}
    organisations = selectors.organisations_for_applying(request.user, cohort.scheme)
    if request.method == "POST" and editable:
        submitting = "submit" in request.POST
        form = ApplicationForm(
            request.POST, instance=application, organisations=organisations, submitting=submitting
        )
        if form.is_valid():
            try:
                services.application_save(application=form.save(commit=False), submit=submitting)
            except ValidationError as error:
                add_errors(form, error)
            else:
                if submitting:
                    messages.success(request, _("Your application has been sent."))
                else:
                    messages.success(request, _("Your answers are saved. Send them when ready."))
                return redirect("mentoring:apply", cohort_id=cohort.pk)
    else:
        form = ApplicationForm(instance=application, organisations=organisations)
        draft = draft_newer_than(
            request.user, application.draft_key, application.updated_at, application.goals
        )
        if editable and draft is not None:
            form.initial["goals"] = draft.text
            messages.info(request, _("We put back the text you had not saved yet."))
    return render(
        request,
        "mentoring/apply.html",
        {
            "cohort": cohort,
            "application": application,
            "form": form,
            "editable": editable and (cohort.accepts_applications or application.pk),
            "trained": application.pk and selectors.is_trained(application),
        },
    )


@signed_in
@require_POST
def withdraw(request, cohort_id):
    application = get_object_or_404(Application, cohort_id=cohort_id, applicant=request.user)
    try:
        services.application_withdraw(application=application)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("mentoring:apply", cohort_id=cohort_id)


@signed_in
def invite(request, cohort_id):
    """Choose your own peer: invite a named colleague."""
    cohort = _cohort_for_participant(request, cohort_id)
    application = Application.objects.filter(cohort=cohort, applicant=request.user).first()
    form = PeerInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and application is not None:
        try:
            invitation = services.peer_invite(inviter=application, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("We have invited %(name)s. We will email you their answer.")
                % {"name": invitation.invitee.full_name},
            )
            return redirect("mentoring:home")
    return render(
        request,
        "mentoring/invite.html",
        {
            "cohort": cohort,
            "application": application,
            "form": form,
            "sent": application.invitations.select_related("invitee") if application else [],
        },
    )


@signed_in
def invitation(request, invitation_id):
    """The invited person answers; the inviter can see it and withdraw it. Nobody else."""
    found = get_object_or_404(
        PeerInvitation.objects.select_related("inviter__applicant", "cohort__scheme", "invitee"),
        pk=invitation_id,
    )
    is_invitee = found.invitee_id == request.user.pk
    if not (is_invitee or found.inviter.applicant_id == request.user.pk):
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST":
        if not is_invitee:
            services.peer_invitation_withdraw(invitation=found)
            messages.success(request, _("Your invitation has been withdrawn."))
            return redirect("mentoring:home")
        if form.is_valid():
            try:
                pairing = services.peer_invitation_answer(
                    invitation=found,
                    user=request.user,
                    accept=form.cleaned_data["answer"] == "accept",
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                if pairing:
                    messages.success(request, _("You are now a pair. Agree how you will work."))
                    return redirect(pairing)
                messages.success(request, _("You have declined. Nothing else has changed."))
                return redirect("mentoring:home")
    has_place = Application.objects.filter(
        cohort=found.cohort, applicant=request.user, status=Application.Status.ACCEPTED
    ).exists()
    return render(
        request,
        "mentoring/invitation.html",
        {"invitation": found, "form": form, "is_invitee": is_invitee, "has_place": has_place},
    )


@signed_in
def shortlist(request, cohort_id):
    """A mentee's suggested mentors, with reasons; the mentee asks one of them."""
    cohort = _cohort_for_participant(request, cohort_id)
    mentee = get_object_or_404(
        Application, cohort=cohort, applicant=request.user, role=Application.Role.MENTEE
    )
    if request.method == "POST":
        try:
            if "entry" in request.POST:
                entry = get_object_or_404(mentee.shortlist, pk=posted_id(request, "entry"))
                services.mentor_request(
                    mentee=mentee, entry=entry, message=request.POST.get("message", "")[:2000]
                )
                messages.success(request, _("Your request has been sent."))
            else:
                services.shortlist_build(mentee=mentee)
        except ValidationError as error:
            show_errors(request, error)
        return redirect("mentoring:shortlist", cohort_id=cohort.pk)
    return render(
        request,
        "mentoring/shortlist.html",
        {
            "cohort": cohort,
            "mentee": mentee,
            "entries": selectors.live_shortlist(mentee).select_related(
                "mentor__applicant__profile", "mentor__organisation"
            ),
            "requests": mentee.requests_made.select_related("mentor__applicant"),
            "pairing": selectors.live_pairing_of(mentee),
        },
    )


@signed_in
def mentor_request(request, request_id):
    """The mentor answers a mentee's request; the mentee can see it. Nobody else."""
    found = get_object_or_404(
        MentorRequest.objects.select_related(
            "mentee__applicant", "mentor__applicant", "cohort__scheme"
        ),
        pk=request_id,
    )
    is_mentor = found.mentor.applicant_id == request.user.pk
    if not (is_mentor or found.mentee.applicant_id == request.user.pk):
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and is_mentor and form.is_valid():
        try:
            pairing = services.mentor_request_answer(
                request=found,
                user=request.user,
                accept=form.cleaned_data["answer"] == "accept",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if pairing:
                messages.success(request, _("You are now paired. Agree how you will work."))
                return redirect(pairing)
            messages.success(request, _("You have declined. The mentee will choose again."))
            return redirect("mentoring:home")
    return render(
        request,
        "mentoring/request.html",
        {"mentor_request": found, "form": form, "is_mentor": is_mentor},
    )
