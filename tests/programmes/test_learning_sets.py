"""Action learning sets: what members write stays with the set."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from peerpath.programmes.services import (
    issue_add,
    learning_set_create,
    meeting_add,
    note_add,
)
from tests.factories import UserFactory

SECRET = "Our director is about to restructure the whole service"


@pytest.fixture
def learning_set(org, alice, carol):
    facilitator = UserFactory(full_name="Faye Facilitator")
    learning_set = learning_set_create(
        owner=org,
        name="Heads of service set",
        theme="Leading a service through budget cuts",
        facilitator=facilitator,
        members=[alice, carol],
    )
    meeting_add(learning_set=learning_set, starts_at=timezone.now() + datetime.timedelta(days=9))
    issue_add(learning_set=learning_set, member=alice, title=SECRET)
    note_add(learning_set=learning_set, author=facilitator, text="Next time: Carol's issue")
    return learning_set


def test_members_and_the_facilitator_read_the_sets_issues_and_notes(
    learning_set, alice, client_for
):
    page = client_for(alice).get(learning_set.get_absolute_url()).content.decode()
    assert SECRET in page
    assert "Next time: Carol" in page
    page = client_for(learning_set.facilitator).get(learning_set.get_absolute_url())
    assert SECRET in page.content.decode()


def test_coordinators_see_who_is_in_a_set_and_when_it_meets_but_not_what_it_says(
    learning_set, bob, client_for
):
    client = client_for(bob)
    assert client.get(learning_set.get_absolute_url()).status_code == 404
    page = client.get(
        reverse("programmes:learning-set-manage", args=[learning_set.pk])
    ).content.decode()
    assert "Alice Participant" in page and "Faye Facilitator" in page
    assert SECRET not in page and "Next time" not in page


def test_people_outside_the_set_cannot_write_in_it(learning_set, bob):
    with pytest.raises(ValidationError):
        note_add(learning_set=learning_set, author=bob, text="Hello")
    with pytest.raises(ValidationError):
        issue_add(learning_set=learning_set, member=bob, title="My issue")


def test_a_set_is_kept_small(org, alice):
    people = [UserFactory() for _ in range(9)]
    with pytest.raises(ValidationError, match="at most 8 members"):
        learning_set_create(
            owner=org, name="Too big", theme="Everything", facilitator=alice, members=people
        )


def test_only_the_member_who_brought_an_issue_adds_actions_to_it(
    learning_set, alice, carol, client_for
):
    issue = learning_set.issues.get()
    url = reverse("programmes:set-action-add", args=[learning_set.pk])
    data = {"action-issue": issue.pk, "action-text": "Meet the finance lead"}
    client_for(carol).post(url, data)
    assert not issue.actions.exists()
    client_for(alice).post(url, data)
    assert list(issue.actions.values_list("text", flat=True)) == ["Meet the finance lead"]


def test_a_coordinator_adds_someone_from_the_organisation(learning_set, bob, client_for):
    url = reverse("programmes:learning-set-add-member", args=[learning_set.pk])
    client_for(bob).post(url, {"member-person": bob.pk})
    assert learning_set.members.filter(person=bob).exists()
    outsider = UserFactory()
    client_for(bob).post(url, {"member-person": outsider.pk})
    assert not learning_set.members.filter(person=outsider).exists()
