"""Doing a self-evaluation: one page per domain, saved as you go, finished once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.assessments.models import DomainEvidence, SelfEvaluation, SelfRating
from peerpath.assessments.services.evaluations import (
    evaluation_complete,
    evaluation_save_domain,
    evaluation_start,
)
from peerpath.drafts.services import draft_save
from peerpath.frameworks.models import Domain, ScaleLevel, Statement

from .builders import level, ratings_post, whole_domain
from .pages import checked_value


def start(client, framework, **data):
    return client.post(reverse("assessments:start", args=[framework.slug]), data)


def domain_url(evaluation, code):
    return reverse("assessments:domain", args=[evaluation.pk, code])


def test_starting_opens_the_first_domain_and_the_name_is_optional(client_for, alice, cld):
    response = start(client_for(alice), cld)
    evaluation = SelfEvaluation.objects.get(owner=alice)
    assert response["Location"] == domain_url(evaluation, "LEAD")
    assert evaluation.name_on_record == ""
    page = client_for(alice).get(response["Location"]).content.decode()
    assert "Section 1 of 8" in page and "I am able to…" in page
    assert "Create and communicate a clear vision" in page
    assert page.count('class="govuk-radios__input"') == 8 * 4
    assert 'class="govuk-textarea"' in page


def test_a_domain_page_keeps_the_ratings_and_evidence_given(client_for, alice, cld):
    client = client_for(alice)
    start(client, cld)
    evaluation = SelfEvaluation.objects.get(owner=alice)
    data = ratings_post(
        cld, "LEAD", {"LEAD.1": 4, "LEAD.2": 2}, text="Led the service review.", **{"continue": ""}
    )
    response = client.post(domain_url(evaluation, "LEAD"), data)
    assert response["Location"] == domain_url(evaluation, "STRAT")
    saved = {r.statement.code: r.level.label for r in evaluation.ratings.all()}
    assert saved == {"LEAD.1": "Very confident", "LEAD.2": "Quite confident"}
    assert DomainEvidence.objects.get(evaluation=evaluation).text == "Led the service review."


def test_a_half_done_evaluation_resumes_on_another_device_where_it_stopped(client_for, alice, cld):
    laptop = client_for(alice)
    start(laptop, cld)
    evaluation = SelfEvaluation.objects.get(owner=alice)
    laptop.post(
        domain_url(evaluation, "LEAD"), ratings_post(cld, "LEAD", whole_domain(cld, "LEAD", 3))
    )
    answered = ratings_post(cld, "STRAT", {"STRAT.1": 1}, later="")
    response = laptop.post(domain_url(evaluation, "STRAT"), answered)
    assert response["Location"] == reverse("assessments:evaluation", args=[evaluation.pk])

    phone = client_for(alice)  # a new session: nothing carried over but the account
    overview = phone.get(reverse("assessments:evaluation", args=[evaluation.pk])).content.decode()
    assert "You have finished 1 of 8 sections" in overview
    assert f'href="{domain_url(evaluation, "STRAT")}"' in overview
    assert "Carry on" in overview
    page = phone.get(domain_url(evaluation, "STRAT")).content.decode()
    statement = Statement.objects.get(framework=cld, code="STRAT.1")
    assert checked_value(page, f"statement-{statement.pk}") == "1"


def test_the_page_saves_ratings_in_the_background_as_they_are_chosen(client_for, alice, cld):
    client = client_for(alice)
    evaluation = evaluation_start(owner=alice, framework=cld)
    response = client.post(
        domain_url(evaluation, "COMM"),
        ratings_post(cld, "COMM", {"COMM.3": 2}),
        headers={"X-Autosave": "1"},
    )
    assert response.status_code == 204
    assert evaluation.ratings.get().statement.code == "COMM.3"


def test_ratings_outside_the_scale_are_refused_and_change_nothing(client_for, alice, cld):
    client = client_for(alice)
    evaluation = evaluation_start(owner=alice, framework=cld)
    data = ratings_post(cld, "LEAD", {"LEAD.1": 3, "LEAD.2": 7})
    page = client.post(domain_url(evaluation, "LEAD"), data).content.decode()
    assert "There is a problem" in page
    assert "Choose a rating from the scale for “Manage change effectively”" in page
    assert page.count("<title>Error:") == 1
    assert not evaluation.ratings.exists()


def test_the_service_refuses_levels_and_statements_of_another_framework(alice, cld, six):
    evaluation = evaluation_start(owner=alice, framework=cld)
    lead = Domain.objects.get(framework=cld, code="LEAD")
    own = Statement.objects.get(framework=cld, code="LEAD.1")
    foreign_level = level(six, 4)
    with pytest.raises(ValidationError):
        evaluation_save_domain(
            evaluation=evaluation, domain=lead, levels={own: foreign_level}, evidence="", by=alice
        )
    elsewhere = Statement.objects.get(framework=cld, code="COMM.1")
    with pytest.raises(ValidationError):
        evaluation_save_domain(
            evaluation=evaluation,
            domain=lead,
            levels={elsewhere: level(cld, 2)},
            evidence="",
            by=alice,
        )
    assert not evaluation.ratings.exists() and not evaluation.evidence.exists()


def test_finishing_needs_every_statement_rated(client_for, alice, cld):
    client = client_for(alice)
    evaluation = evaluation_start(owner=alice, framework=cld)
    client.post(
        domain_url(evaluation, "LEAD"), ratings_post(cld, "LEAD", whole_domain(cld, "LEAD", 2))
    )
    response = client.post(reverse("assessments:finish", args=[evaluation.pk]))
    assert response.status_code == 400
    assert "42 still need a rating" in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.completed_at is None


def finish_all(client, evaluation, framework, value=3, evidence=""):
    for domain in framework.domains.order_by("position"):
        data = ratings_post(framework, domain.code, whole_domain(framework, domain.code, value))
        data["text"] = evidence
        client.post(domain_url(evaluation, domain.code), data)
    return client.post(reverse("assessments:finish", args=[evaluation.pk]))


def test_a_finished_evaluation_cannot_change(client_for, alice, cld):
    client = client_for(alice)
    evaluation = evaluation_start(owner=alice, framework=cld)
    response = finish_all(client, evaluation, cld, value=2)
    assert response["Location"] == reverse("assessments:result", args=[evaluation.pk])
    later = client.post(domain_url(evaluation, "LEAD"), ratings_post(cld, "LEAD", {"LEAD.1": 4}))
    assert later["Location"] == reverse("assessments:result", args=[evaluation.pk])
    assert set(evaluation.ratings.values_list("level__value", flat=True)) == {2}
    lead = Domain.objects.get(framework=cld, code="LEAD")
    with pytest.raises(ValidationError):
        evaluation_save_domain(
            evaluation=evaluation,
            domain=lead,
            levels={Statement.objects.get(framework=cld, code="LEAD.1"): level(cld, 4)},
            evidence=None,
            by=alice,
        )


def test_evidence_typed_but_not_saved_is_offered_back(client_for, alice, cld):
    evaluation = evaluation_start(owner=alice, framework=cld)
    draft_save(
        owner=alice, key=f"assessments.evaluation.{evaluation.pk}.lead", text="Half a thought"
    )
    page = client_for(alice).get(domain_url(evaluation, "LEAD")).content.decode()
    assert "We put back the evidence you had not saved yet." in page
    assert "Half a thought" in page
    assert 'data-autosave-key="assessments.evaluation.' in page


def test_frameworks_without_a_scale_cannot_be_evaluated(alice, shipped_frameworks):
    themes = shipped_frameworks["peer-support-discussion-themes"]
    with pytest.raises(ValidationError, match="no rating scale"):
        evaluation_start(owner=alice, framework=themes)


def test_another_persons_evaluation_is_not_found(client_for, alice, bob, cld):
    evaluation = evaluation_start(owner=alice, framework=cld)
    for url in [
        reverse("assessments:evaluation", args=[evaluation.pk]),
        domain_url(evaluation, "LEAD"),
        reverse("assessments:finish", args=[evaluation.pk]),
    ]:
        assert client_for(bob).get(url).status_code == 404
    response = client_for(bob).post(
        domain_url(evaluation, "LEAD"), ratings_post(cld, "LEAD", {"LEAD.1": 1})
    )
    assert response.status_code == 404
    assert not SelfRating.objects.exists()


def test_only_unfinished_evaluations_can_be_deleted(client_for, alice, cld):
    client = client_for(alice)
    unfinished = evaluation_start(owner=alice, framework=cld)
    client.post(reverse("assessments:discard", args=[unfinished.pk]))
    assert not SelfEvaluation.objects.filter(pk=unfinished.pk).exists()
    finished = evaluation_start(owner=alice, framework=cld)
    finish_all(client, finished, cld)
    client.post(reverse("assessments:discard", args=[finished.pk]))
    assert SelfEvaluation.objects.filter(pk=finished.pk).exists()


def test_completing_twice_keeps_the_first_completion_time(alice, cld):
    evaluation = evaluation_start(owner=alice, framework=cld)
    levels = {lv.value: lv for lv in ScaleLevel.objects.filter(scale__framework=cld)}
    for domain in cld.domains.all():
        evaluation_save_domain(
            evaluation=evaluation,
            domain=domain,
            levels=dict.fromkeys(domain.statements.all(), levels[3]),
            evidence=None,
            by=alice,
        )
    first = evaluation_complete(evaluation=evaluation, by=alice).completed_at
    assert evaluation_complete(evaluation=evaluation, by=alice).completed_at == first
