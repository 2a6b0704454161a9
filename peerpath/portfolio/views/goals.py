"""Goals: what a person wants to achieve, why, and their progress over time."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.accounts.access import signed_in
from peerpath.drafts.selectors import draft_newer_than

from .. import selectors, services
from ..forms import GoalForm, GoalNoteForm, draft_key
from ..models import Goal
from .common import discard_drafts, offer_drafts, owned


@signed_in
def goals(request):
    return render(request, "portfolio/goals.html", {"goals": selectors.goals_of(request.user)})


def _save_goal(request, form: GoalForm, goal: Goal | None) -> Goal | None:
    data = form.cleaned_data
    try:
        return services.goal_save(
            owner=request.user,
            goal=goal,
            title=data["title"],
            why=data["why"],
            statements=data["statements"],
            target_date=data["target_date"],
            status=data["status"],
            objective=data.get("objective"),
        )
    except ValidationError as error:
        form.add_error("objective" if error.code == "objective" else None, error)
        return None


@signed_in
def goal_new(request):
    form = GoalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_search:
        form.hold_errors()
    elif request.method == "POST" and form.is_valid():
        goal = _save_goal(request, form, None)
        if goal is not None:
            discard_drafts(request, "goal", None, ["why"])
            messages.success(request, _("Your goal has been saved."))
            return redirect(goal)
    elif request.method == "GET":
        offer_drafts(request, form, "goal", None, ["why"])
    return render(request, "portfolio/goal_form.html", {"form": form, "goal": None})


@signed_in
def goal_edit(request, goal_id):
    goal = owned(Goal, request, goal_id)
    if request.method == "POST":
        form = GoalForm(request.POST, user=request.user, goal=goal)
        if form.is_search:
            form.hold_errors()
        elif form.is_valid() and _save_goal(request, form, goal) is not None:
            discard_drafts(request, "goal", goal, ["why"])
            messages.success(request, _("Your changes have been saved."))
            return redirect(goal)
    else:
        form = GoalForm(
            user=request.user,
            goal=goal,
            initial={
                "title": goal.title,
                "why": goal.why,
                "statements": [s.pk for s in goal.statements.all()],
                "target_date": goal.target_date,
                "status": goal.status,
                "objective": goal.objective_id,
            },
        )
        offer_drafts(request, form, "goal", goal, ["why"])
    return render(request, "portfolio/goal_form.html", {"form": form, "goal": goal})


def _goal_page(request, goal, note_form, status=200):
    return render(
        request,
        "portfolio/goal.html",
        {
            "goal": goal,
            # With their frameworks, whose language the page marks them in.
            "statements": goal.statements.select_related("framework"),
            "note_form": note_form,
            "entries": selectors.with_links(goal.learning_entries.all()).order_by("-date"),
        },
        status=status,
    )


@signed_in
def goal(request, goal_id):
    found = owned(Goal, request, goal_id)
    form = GoalNoteForm(goal=found)
    # A note is always new, so any draft of it is text not yet added.
    draft = draft_newer_than(request.user, draft_key("goal", found, "note"), None, "")
    if draft is not None:
        form.initial["text"] = draft.text
    return _goal_page(request, found, form)


@signed_in
@require_POST
def goal_note_add(request, goal_id):
    found = owned(Goal, request, goal_id)
    form = GoalNoteForm(request.POST, goal=found)
    if form.is_valid():
        try:
            services.goal_note_add(goal=found, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error)
        else:
            discard_drafts(request, "goal", found, ["note"])
            messages.success(request, _("Your progress note has been added."))
            return redirect(found)
    return _goal_page(request, found, form, status=400)


@signed_in
def goal_delete(request, goal_id):
    found = owned(Goal, request, goal_id)
    if request.method == "POST":
        services.goal_delete(goal=found)
        messages.success(request, _("The goal “%(title)s” was deleted.") % {"title": found.title})
        return redirect("portfolio:goals")
    return render(request, "portfolio/goal_delete.html", {"goal": found})
