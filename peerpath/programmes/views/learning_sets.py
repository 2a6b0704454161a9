"""Learning sets: the set's own page for its members, and set-up for coordinators."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in

from .. import services
from ..access import org_coordinator, own_or_hidden
from ..forms import (
    ActionForm,
    AddMemberForm,
    IssueForm,
    LearningSetForm,
    MeetingForm,
    NoteForm,
)
from ..models import LearningSet, LearningSetAction, LearningSetIssue, Programme
from ..selectors import learning_sets as selectors


@signed_in
def learning_set_list(request):
    return render(
        request,
        "programmes/learning_sets.html",
        {
            "mine": selectors.sets_of(request.user),
            "run": selectors.sets_run_by(request.user),
            "organisations": selectors.organisations_run_by(request.user),
        },
    )


@org_coordinator
def learning_set_create(request, organisation):
    people = selectors.people_of(organisation)
    programmes = Programme.objects.filter(owner=organisation)
    form = LearningSetForm(request.POST or None, people=people, programmes=programmes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            learning_set = services.learning_set_create(
                owner=organisation,
                name=data["name"],
                theme=data["theme"],
                facilitator=data["facilitator"],
                members=list(data["members"]),
                programme=data["programme"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The learning set is set up."))
            return redirect("programmes:learning-set-manage", set_id=learning_set.pk)
    return render(
        request, "programmes/learning_set_form.html", {"form": form, "organisation": organisation}
    )


def _set_for_insiders(request, set_id) -> LearningSet:
    learning_set = get_object_or_404(LearningSet.objects.select_related("owner"), pk=set_id)
    if not learning_set.is_in_set(request.user):
        raise Http404
    return learning_set


@own_or_hidden("learning-set-insider")
def learning_set_page(request, set_id):
    learning_set = _set_for_insiders(request, set_id)
    return render(
        request,
        "programmes/learning_set.html",
        {
            "learning_set": learning_set,
            **selectors.set_contents(learning_set),
            "is_facilitator": learning_set.facilitator_id == request.user.pk,
            "is_member": learning_set.members.filter(person=request.user).exists(),
            "issue_form": IssueForm(),
            "action_form": ActionForm(issues=_own_issues(request, learning_set)),
            "note_form": NoteForm(),
            "meeting_form": MeetingForm(),
        },
    )


def _set_for_runners(request, set_id) -> LearningSet:
    learning_set = get_object_or_404(LearningSet.objects.select_related("owner"), pk=set_id)
    if not selectors.can_run_set(request.user, learning_set):
        raise Http404
    return learning_set


def _addable_people(learning_set):
    return (
        selectors.people_of(learning_set.owner)
        .exclude(learning_set_places__learning_set=learning_set)
        .exclude(pk=learning_set.facilitator_id)
    )


@own_or_hidden("learning-set-coordinator")
def learning_set_manage(request, set_id):
    """What a coordinator sees: members and meetings, never issues, actions or notes."""
    learning_set = _set_for_runners(request, set_id)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.meeting_add(learning_set=learning_set, **form.cleaned_data)
        messages.success(request, _("Meeting added."))
        return redirect("programmes:learning-set-manage", set_id=learning_set.pk)
    return render(
        request,
        "programmes/learning_set_manage.html",
        {
            "learning_set": learning_set,
            "members": learning_set.members.select_related("person"),
            "meetings": learning_set.meetings.all(),
            "form": form,
            "member_form": AddMemberForm(people=_addable_people(learning_set)),
        },
    )


@own_or_hidden("learning-set-coordinator")
@require_POST
def learning_set_add_member(request, set_id):
    learning_set = _set_for_runners(request, set_id)
    form = AddMemberForm(request.POST, people=_addable_people(learning_set))
    if form.is_valid():
        try:
            services.learning_set_add_member(
                learning_set=learning_set, person=form.cleaned_data["person"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Member added."))
    else:
        messages.error(request, _("Choose someone from your organisation to add."))
    return redirect("programmes:learning-set-manage", set_id=learning_set.pk)


def _own_issues(request, learning_set):
    return LearningSetIssue.objects.filter(learning_set=learning_set, member=request.user)


def _insider_post(make_form, add):
    """A POST from inside the set: validate, call `add`, come back to the set's page."""

    @own_or_hidden("learning-set-insider")
    @require_POST
    def view(request, set_id):
        learning_set = _set_for_insiders(request, set_id)
        form = make_form(request, learning_set)
        if form.is_valid():
            try:
                add(request, learning_set, form.cleaned_data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Saved."))
        else:
            messages.error(request, _("Nothing was saved: fill in the required box."))
        return redirect(learning_set)

    return view


def _add_issue(request, learning_set, data):
    services.issue_add(learning_set=learning_set, member=request.user, **data)


def _add_note(request, learning_set, data):
    services.note_add(learning_set=learning_set, author=request.user, text=data["text"])


def _add_meeting(request, learning_set, data):
    if learning_set.facilitator_id != request.user.pk:
        raise ValidationError(_("Only the facilitator arranges meetings."))
    services.meeting_add(learning_set=learning_set, **data)


def _add_action(request, learning_set, data):
    services.action_add(issue=data["issue"], text=data["text"], due_on=data["due_on"])


issue_add = _insider_post(lambda request, _set: IssueForm(request.POST), _add_issue)
note_add = _insider_post(lambda request, _set: NoteForm(request.POST), _add_note)
meeting_add = _insider_post(lambda request, _set: MeetingForm(request.POST), _add_meeting)
action_add = _insider_post(
    lambda request, learning_set: ActionForm(
        request.POST, issues=_own_issues(request, learning_set)
    ),
    _add_action,
)


@own_or_hidden("learning-set-insider")
@require_POST
def action_toggle(request, set_id, action_id):
    learning_set = _set_for_insiders(request, set_id)
    action = get_object_or_404(LearningSetAction, pk=action_id, issue__learning_set=learning_set)
    if action.issue.member_id != request.user.pk:
        raise Http404
    services.action_set_done(action=action, done=action.done_at is None)
    return redirect(learning_set)
