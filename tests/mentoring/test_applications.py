"""Applying to a round: eligibility checked on sending, drafts kept, decisions emailed."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.accounts.models import AuditEvent, RoleLevel
from peerpath.mentoring import services
from peerpath.mentoring.models import Application, Cohort

from .factories import make_application, make_cohort


@pytest.fixture
def libraries_round(scheme):
    """Like the libraries scheme's second round: heads of service or emerging leaders,
    from England, Wales, Northern Ireland and the Crown Dependencies."""
    return make_cohort(
        scheme,
        phase=Cohort.Phase.APPLICATIONS,
        eligible_nations=["england", "wales", "northern-ireland", "crown-dependencies"],
        min_role_level=RoleLevel.HEAD_OF_SERVICE,
        emerging_leaders_welcome=True,
        topics=["Capital projects", "Budgeting"],
        extra_questions=["What would make this worthwhile for you?"],
    )


def answers(org, **changes):
    data = {
        "organisation": org.pk,
        "role": "mentee",
        "role_level": RoleLevel.HEAD_OF_SERVICE,
        "nation": "england",
        "region": "North East",
        "topics": ["Capital projects"],
        "capacity": 1,
        "goals": "Find my feet as a new head of service.",
        "question_1": "Time to think.",
        "submit": "1",
    }
    for domain in ["VIS", "SELF", "MOT", "EMP", "COLLAB", "CREATE"]:
        data[f"conf_{domain}"] = "2"
    data.update(changes)
    return data


def test_an_eligible_applicant_sends_their_answers_and_is_told_we_have_them(
    libraries_round, alice, org, client_for
):
    url = reverse("mentoring:apply", args=[libraries_round.pk])

    response = client_for(alice).post(url, answers(org))

    assert response.status_code == 302
    application = Application.objects.get(applicant=alice)
    assert application.status == Application.Status.SUBMITTED
    assert application.topics == ["Capital projects"]
    assert application.answers == {"What would make this worthwhile for you?": "Time to think."}
    assert application.confidence["VIS"] == 2
    assert mail.outbox[-1].to == [alice.email]
    assert "We have your application" in mail.outbox[-1].subject


def test_someone_working_in_scotland_is_told_who_the_round_is_for_and_nothing_is_sent(
    libraries_round, alice, org, client_for
):
    url = reverse("mentoring:apply", args=[libraries_round.pk])

    response = client_for(alice).post(url, answers(org, nation="scotland"))

    assert response.status_code == 200
    assert "open to people working in England, Wales, Northern Ireland and Crown" in response.text
    assert response.context["form"]["nation"].value() == "scotland"  # kept as typed
    assert not Application.objects.filter(applicant=alice).exists()
    assert mail.outbox == []


def test_a_middle_manager_may_apply_only_as_an_emerging_leader(
    libraries_round, alice, org, client_for
):
    url = reverse("mentoring:apply", args=[libraries_round.pk])
    junior = answers(org, role_level=RoleLevel.MIDDLE_MANAGER, emerging_leader="no")

    refused = client_for(alice).post(url, junior)
    accepted = client_for(alice).post(url, {**junior, "emerging_leader": "yes"})

    assert "or emerging leaders" in refused.text
    assert accepted.status_code == 302
    assert Application.objects.get(applicant=alice).emerging_leader is True


def test_a_draft_keeps_half_finished_answers_without_checking_eligibility(
    libraries_round, alice, org, client_for
):
    url = reverse("mentoring:apply", args=[libraries_round.pk])

    client_for(alice).post(url, {"save": "1", "nation": "scotland", "goals": "Half a thought"})

    application = Application.objects.get(applicant=alice)
    assert application.status == Application.Status.DRAFT
    assert application.goals == "Half a thought"
    assert mail.outbox == []


def test_required_answers_are_asked_for_when_sending(libraries_round, alice, org, client_for):
    url = reverse("mentoring:apply", args=[libraries_round.pk])

    response = client_for(alice).post(url, answers(org, goals="", conf_VIS=""))

    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"goals", "conf_VIS"}
    assert response.text.count("govuk-error-summary") >= 1


def test_a_round_past_its_applications_phase_refuses_new_applications(libraries_round, alice, org):
    libraries_round.phase = Cohort.Phase.TRAINING
    libraries_round.save()
    application = Application(
        cohort=libraries_round, applicant=alice, organisation=org, role="mentee"
    )

    with pytest.raises(ValidationError, match="not taking applications"):
        services.application_save(application=application, submit=True)


def test_a_round_that_accepts_eligible_applications_accepts_at_once(peer_cohort, alice, org):
    peer_cohort.auto_accept = True
    peer_cohort.rolling_applications = True
    peer_cohort.save()
    application = Application(
        cohort=peer_cohort, applicant=alice, organisation=org, role="peer", nation="scotland"
    )

    services.application_save(application=application, submit=True)

    assert application.status == Application.Status.ACCEPTED


def test_declining_needs_a_reason_which_the_applicant_is_sent(libraries_round, bob):
    application = make_application(libraries_round, "mentee", status=Application.Status.SUBMITTED)

    with pytest.raises(ValidationError):
        services.application_decide(
            application=application, decision="declined", reason=" ", by=bob
        )
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED

    services.application_decide(
        application=application,
        decision="declined",
        reason="This round is for heads of service; please apply next year.",
        by=bob,
    )
    assert "please apply next year" in mail.outbox[-1].body
    assert AuditEvent.objects.get(action="mentoring.application.decided").subject == (
        application.applicant
    )


def test_the_next_round_copies_the_settings_and_offers_the_waiting_list_a_place(
    libraries_round, bob
):
    waiting = make_application(libraries_round, "mentee", status=Application.Status.WAITLISTED)
    make_application(libraries_round, "mentee", status=Application.Status.DECLINED)

    new = services.cohort_start_next_round(
        cohort=libraries_round, name="Third round", carry_waitlist=True
    )

    assert new.phase == Cohort.Phase.SETUP and new.started_from == libraries_round
    assert new.eligible_nations == libraries_round.eligible_nations
    assert new.extra_questions == libraries_round.extra_questions
    [carried] = new.applications.all()
    assert carried.applicant == waiting.applicant
    assert carried.status == Application.Status.SUBMITTED


def test_the_confidence_questions_are_filled_in_from_a_finished_self_evaluation(
    libraries_round, alice, org, client_for, shipped_frameworks
):
    from peerpath.assessments.services.evaluations import (
        evaluation_complete,
        evaluation_save_domain,
        evaluation_start,
    )

    framework = shipped_frameworks["six-leadership-capabilities"]
    scale = {level.value: level for level in framework.rating_scale.levels.all()}
    evaluation = evaluation_start(owner=alice, framework=framework)
    for domain in framework.domains.all():
        strong = domain.code == "COLLAB"
        evaluation_save_domain(
            evaluation=evaluation,
            domain=domain,
            levels=dict.fromkeys(domain.statements.all(), scale[4 if strong else 1]),
            evidence=None,
            by=alice,
        )
    evaluation_complete(evaluation=evaluation, by=alice)

    page = client_for(alice).get(reverse("mentoring:apply", args=[libraries_round.pk]))

    form = page.context["form"]
    assert form["conf_COLLAB"].value() == "4" and form["conf_VIS"].value() == "1"
    assert "We filled these in from the self-evaluation you finished on" in page.text


def test_the_applications_list_comes_in_pages_that_keep_the_filter(
    cohort, bob, client_for, monkeypatch
):
    from peerpath.mentoring.views import coordinator

    monkeypatch.setattr(coordinator, "APPLICATIONS_PER_PAGE", 2)
    waiting = [
        make_application(cohort, "mentee", status=Application.Status.SUBMITTED) for _ in range(3)
    ]
    make_application(cohort, "mentor")
    url = reverse("mentoring:applications", kwargs={"cohort_id": cohort.pk})
    client = client_for(bob)

    first = client.get(url, {"status": "submitted"})
    assert first.text.count('name="accept"') == 2
    assert "3 applications" in first.text
    assert "?status=submitted&amp;page=2" in first.text
    assert "Accept the ticked applications" in first.text

    second = client.get(url, {"status": "submitted", "page": 2})
    assert second.text.count('name="accept"') == 1
    [shown] = [a for a in waiting if f'value="{a.pk}"' in second.text]
    accepted = client.post(f"{url}?status=submitted&page=2", {"accept": [shown.pk]})
    assert accepted.status_code == 302
    assert accepted.url == f"{url}?status=submitted&page=2"
    shown.refresh_from_db()
    assert shown.status == Application.Status.ACCEPTED


def test_the_accept_button_shows_only_when_the_page_has_applications_waiting(
    cohort, bob, client_for
):
    make_application(cohort, "mentor")
    url = reverse("mentoring:applications", kwargs={"cohort_id": cohort.pk})
    response = client_for(bob).get(url)
    assert 'name="accept"' not in response.text
    assert "Accept the ticked applications" not in response.text
