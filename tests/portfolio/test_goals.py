"""Goals: why they matter, what they develop, progress over time, and the organisation's aims."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.portfolio.models import Goal, OrganisationObjective
from peerpath.portfolio.services import goal_note_add, goal_save

pytestmark = pytest.mark.django_db


def test_a_participant_sets_a_goal_linked_to_capabilities_and_an_organisational_objective(
    alice, org, client_for, statement, today
):
    objective = OrganisationObjective.objects.create(
        organisation=org, title="Every library a community hub"
    )
    response = client_for(alice).post(
        reverse("portfolio:goal-new"),
        {
            "title": "Lead the hub pilot in two branches",
            "why": "Our communities need somewhere to meet.",
            "statements": [statement("VIS.1").pk, statement("COLLAB.1").pk],
            "target_date_0": "31",
            "target_date_1": "3",
            "target_date_2": "2027",
            "status": "not-started",
            "objective": objective.pk,
        },
    )
    goal = Goal.objects.get(owner=alice)
    assert response["Location"] == goal.get_absolute_url()
    assert goal.target_date == datetime.date(2027, 3, 31)
    assert goal.objective == objective and goal.objective_text == "Every library a community hub"
    assert {s.code for s in goal.statements.all()} == {"VIS.1", "COLLAB.1"}


def test_only_objectives_of_ones_own_organisations_can_be_linked(alice, other_org):
    elsewhere = OrganisationObjective.objects.create(organisation=other_org, title="Not yours")
    with pytest.raises(ValidationError):
        goal_save(owner=alice, title="A goal", objective=elsewhere)
    assert not Goal.objects.exists()


def test_progress_notes_build_up_over_time_and_start_the_goal(alice, client_for):
    goal = goal_save(owner=alice, title="Chair a partnership meeting")
    client_for(alice).post(
        reverse("portfolio:goal-note", args=[goal.pk]), {"text": "Observed the chair in May."}
    )
    goal_note_add(goal=goal, text="Chaired the agenda item on budgets.")
    goal.refresh_from_db()
    assert goal.status == Goal.Status.IN_PROGRESS
    assert [n.text for n in goal.notes.all()] == [
        "Observed the chair in May.",
        "Chaired the agenda item on budgets.",
    ]
    page = client_for(alice).get(goal.get_absolute_url()).content.decode()
    assert page.index("Observed the chair") < page.index("Chaired the agenda")


def test_an_empty_progress_note_is_refused(alice, client_for):
    goal = goal_save(owner=alice, title="Chair a partnership meeting")
    response = client_for(alice).post(reverse("portfolio:goal-note", args=[goal.pk]), {"text": ""})
    assert response.status_code == 400 and "govuk-error-summary" in response.content.decode()
    assert not goal.notes.exists()


def test_achieving_a_goal_records_the_day_and_reopening_it_clears_it(alice, today):
    goal = goal_save(owner=alice, title="Pass the ILM level 5 module")
    goal = goal_save(owner=alice, goal=goal, title=goal.title, status=Goal.Status.ACHIEVED)
    assert goal.achieved_on == today
    goal = goal_save(owner=alice, goal=goal, title=goal.title, status=Goal.Status.IN_PROGRESS)
    assert goal.achieved_on is None


def test_open_goals_come_first_soonest_target_first(alice, client_for):
    goal_save(owner=alice, title="Done already", status=Goal.Status.ACHIEVED)
    goal_save(owner=alice, title="Later", target_date=datetime.date(2027, 9, 1))
    goal_save(owner=alice, title="Sooner", target_date=datetime.date(2027, 1, 1))
    page = client_for(alice).get(reverse("portfolio:goals")).content.decode()
    assert page.index("Sooner") < page.index("Later") < page.index("Done already")


def test_learning_recorded_towards_a_goal_shows_on_the_goal(alice, client_for, today):
    goal = goal_save(owner=alice, title="Understand commissioning")
    form = client_for(alice).get(reverse("portfolio:entry-new") + f"?goal={goal.pk}")
    assert re.search(rf'name="goals" value="{goal.pk}"[^>]* checked', form.content.decode())
    client_for(alice).post(
        reverse("portfolio:entry-new"),
        {
            "title": "Commissioning e-learning",
            "kind": "e-learning",
            "date_0": "2",
            "date_1": "11",
            "date_2": "2026",
            "goals": [goal.pk],
        },
    )
    assert (
        "Commissioning e-learning"
        in client_for(alice).get(goal.get_absolute_url()).content.decode()
    )
