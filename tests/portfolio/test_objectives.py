"""Organisation admins offer objectives; people link their goals to them."""

import pytest
from django.urls import reverse

from peerpath.portfolio.models import OrganisationObjective
from peerpath.portfolio.services import goal_save

pytestmark = pytest.mark.django_db


def test_an_organisation_admin_offers_objectives_that_appear_when_setting_a_goal(
    alice, carol, org, client_for
):
    url = reverse("portfolio:objectives", args=[org.slug])
    client_for(carol).post(url, {"title": "Every library a  community hub"})
    objective = OrganisationObjective.objects.get(organisation=org)
    assert objective.title == "Every library a community hub"
    form = client_for(alice).get(reverse("portfolio:goal-new")).content.decode()
    assert "Every library a community hub" in form


def test_an_objective_no_longer_offered_keeps_goals_already_linked(alice, carol, org, client_for):
    objective = OrganisationObjective.objects.create(organisation=org, title="Digital inclusion")
    goal = goal_save(owner=alice, title="Run a digital drop-in", objective=objective)
    client_for(carol).post(reverse("portfolio:objective-toggle", args=[org.slug, objective.pk]))
    assert (
        "Digital inclusion"
        not in client_for(alice).get(reverse("portfolio:goal-new")).content.decode()
    )
    goal.refresh_from_db()
    assert goal.objective == objective
    edit = client_for(alice).get(reverse("portfolio:goal-edit", args=[goal.pk])).content.decode()
    assert "Digital inclusion" in edit


def test_the_same_objective_twice_is_refused(carol, org, client_for):
    url = reverse("portfolio:objectives", args=[org.slug])
    client_for(carol).post(url, {"title": "Hubs"})
    response = client_for(carol).post(url, {"title": "hubs"})
    assert response.status_code == 400 and "is already an objective" in response.content.decode()
    assert OrganisationObjective.objects.count() == 1


def test_the_home_page_card_points_organisation_admins_to_their_objectives(carol, org, client_for):
    page = client_for(carol).get(reverse("home")).content.decode()
    assert reverse("portfolio:objectives", args=[org.slug]) in page
