"""Showing an evaluation to a named peer, mentor or manager: explicit and withdrawable."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.assessments.models import SelfEvaluation, Share
from peerpath.assessments.selectors import can_view
from peerpath.assessments.services.sharing import share_create
from tests.factories import UserFactory

from .builders import finished_evaluation


@pytest.fixture
def evaluation(alice, cld):
    return finished_evaluation(alice, cld)


@pytest.fixture
def mentor(db):
    return UserFactory(email="mo@example.org", full_name="Mo Mentor")


def share(client, evaluation, email, relationship="mentor"):
    return client.post(
        reverse("assessments:share", args=[evaluation.pk]),
        {"email": email, "relationship": relationship},
    )


def test_a_mentor_sees_a_shared_evaluation_until_it_is_withdrawn(
    client_for, alice, evaluation, mentor
):
    result = reverse("assessments:result", args=[evaluation.pk])
    assert client_for(mentor).get(result).status_code == 404
    share(client_for(alice), evaluation, "Mo@Example.org")
    page = client_for(mentor).get(result).content.decode()
    assert "Alice Participant shared this with you as their mentor." in page
    assert can_view(mentor, evaluation)
    listed = client_for(mentor).get(reverse("assessments:shared-with-me")).content.decode()
    assert result in listed

    given = Share.objects.get()
    client_for(alice).post(reverse("assessments:share-withdraw", args=[given.pk]))
    assert client_for(mentor).get(result).status_code == 404
    assert not can_view(mentor, evaluation)


def test_sharing_with_one_person_shows_nobody_else(
    client_for, alice, bob, carol, evaluation, mentor
):
    share(client_for(alice), evaluation, mentor.email)
    result = reverse("assessments:result", args=[evaluation.pk])
    for someone in [bob, carol]:
        assert client_for(someone).get(result).status_code == 404


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("nobody@example.org", "There is no account for nobody@example.org."),
        ("alice@example.org", "You can already see your own work."),
    ],
)
def test_sharing_with_no_account_or_oneself_is_refused(
    client_for, alice, evaluation, email, message
):
    page = share(client_for(alice), evaluation, email).content.decode()
    assert message in page
    assert not Share.objects.exists()


def test_sharing_twice_with_the_same_person_is_refused(alice, evaluation, mentor):
    share_create(owner=alice, email=mentor.email, relationship="peer", evaluation=evaluation)
    with pytest.raises(ValidationError, match="already shared"):
        share_create(owner=alice, email=mentor.email, relationship="mentor", evaluation=evaluation)


def test_an_unfinished_evaluation_cannot_be_shared(alice, cld, mentor):
    unfinished = SelfEvaluation.objects.create(owner=alice, framework=cld)
    with pytest.raises(ValidationError, match="Finish"):
        share_create(owner=alice, email=mentor.email, relationship="peer", evaluation=unfinished)


def test_the_person_shared_with_can_comment_and_the_owner_reads_it(
    client_for, alice, evaluation, mentor
):
    given = share_create(
        owner=alice, email=mentor.email, relationship="mentor", evaluation=evaluation
    )
    client_for(mentor).post(
        reverse("assessments:share-comment", args=[given.pk]),
        {"text": "Let's talk about managing change next time."},
    )
    page = (
        client_for(alice).get(reverse("assessments:share", args=[evaluation.pk])).content.decode()
    )
    assert "Let&#x27;s talk about managing change next time." in page
    assert (
        client_for(alice).post(reverse("assessments:share-comment", args=[given.pk])).status_code
        == 404
    )


def test_only_the_owner_can_withdraw_a_share(client_for, alice, evaluation, mentor):
    given = share_create(
        owner=alice, email=mentor.email, relationship="mentor", evaluation=evaluation
    )
    response = client_for(mentor).post(reverse("assessments:share-withdraw", args=[given.pk]))
    assert response.status_code == 404
    given.refresh_from_db()
    assert given.is_active


def test_sharing_one_evaluation_shows_nothing_of_the_earlier_ones(client_for, alice, cld, mentor):
    import datetime

    from django.utils import timezone

    earlier = finished_evaluation(
        alice, cld, default=1, when=timezone.now() - datetime.timedelta(days=30)
    )
    latest = finished_evaluation(alice, cld, default=3)
    share_create(owner=alice, email=mentor.email, relationship="peer", evaluation=latest)
    page = client_for(mentor).get(reverse("assessments:result", args=[latest.pk])).content.decode()
    assert "First (baseline)" not in page and "Less confident (1)" not in page
    assert reverse("assessments:result", args=[earlier.pk]) not in page
    own = client_for(alice).get(reverse("assessments:result", args=[latest.pk])).content.decode()
    assert "First (baseline)" in own
