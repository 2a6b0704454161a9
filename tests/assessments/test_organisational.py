"""An organisation assesses itself: run by its admins, with colleagues' input."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.assessments.models import SelfEvaluation
from peerpath.assessments.services.evaluations import evaluation_start

from . import builders


@pytest.fixture
def workplace(org):
    return builders.organisation_framework(org)


def test_an_admin_starts_the_organisations_assessment(client_for, carol, org, workplace):
    listing = client_for(carol).get(reverse("assessments:organisation", args=[org.slug]))
    assert "Supportive workplace" in listing.content.decode()
    response = client_for(carol).post(
        reverse("assessments:organisation-start", args=[org.slug, workplace.slug])
    )
    evaluation = SelfEvaluation.objects.get()
    assert evaluation.organisation == org and evaluation.name_on_record == org.name
    assert response["Location"] == reverse("assessments:evaluation", args=[evaluation.pk])


def test_person_and_organisation_frameworks_do_not_mix(alice, carol, org, workplace, cld):
    with pytest.raises(ValidationError, match="about an organisation"):
        evaluation_start(owner=alice, framework=workplace)
    with pytest.raises(ValidationError, match="about a person"):
        evaluation_start(owner=carol, framework=cld, organisation=org)
    with pytest.raises(ValidationError, match="Only the organisation's admins"):
        evaluation_start(owner=alice, framework=workplace, organisation=org)


def test_a_colleague_added_as_contributor_can_fill_it_in_and_is_named(
    client_for, alice, carol, org, workplace
):
    evaluation = evaluation_start(owner=carol, framework=workplace, organisation=org)
    domain_url = reverse("assessments:domain", args=[evaluation.pk, "LEARN"])
    assert client_for(alice).get(domain_url).status_code == 404
    client_for(carol).post(
        reverse("assessments:add-contributor", args=[evaluation.pk]), {"email": "alice@example.org"}
    )
    client_for(alice).post(
        domain_url, builders.ratings_post(workplace, "LEARN", {"LEARN.1": 2}, text="Few courses")
    )
    page = client_for(carol).get(domain_url).content.decode()
    assert "Last changed by Alice Participant." in page


def test_only_members_of_the_organisation_can_contribute(client_for, carol, dan, org, workplace):
    evaluation = evaluation_start(owner=carol, framework=workplace, organisation=org)
    response = client_for(carol).post(
        reverse("assessments:add-contributor", args=[evaluation.pk]),
        {"email": "dan@example.org"},
        follow=True,
    )
    assert "is not a member of Northfold Libraries" in response.content.decode()
    assert not evaluation.contributors.exists()


def test_the_organisation_sees_its_history_and_change(client_for, carol, org, workplace):
    import datetime

    from django.utils import timezone

    first = builders.finished_evaluation(
        carol,
        workplace,
        default=1,
        organisation=org,
        when=timezone.now() - datetime.timedelta(days=365),
    )
    latest = builders.finished_evaluation(carol, workplace, default=3, organisation=org)
    page = client_for(carol).get(reverse("assessments:result", args=[latest.pk])).content.decode()
    assert "Self-assessment of Northfold Libraries" in page
    assert "Compared with the first self-evaluation (the baseline)." in page
    assert "+2" in page
    listing = client_for(carol).get(reverse("assessments:organisation", args=[org.slug]))
    assert reverse("assessments:result", args=[first.pk]) in listing.content.decode()
