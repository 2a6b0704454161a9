"""The coordinator's draft: run the optimiser, read why, pin, swap, remove, publish."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.accounts.models import RoleLevel
from peerpath.mentoring import services
from peerpath.mentoring.models import Application, Pairing

from .factories import make_application

MENTEE, MENTOR = Application.Role.MENTEE, Application.Role.MENTOR


def test_the_optimiser_pairs_mentees_with_the_mentors_who_fit_best(cohort, bob):
    budgets = make_application(cohort, MENTEE, topics=["Budgeting"])
    members = make_application(cohort, MENTEE, topics=["Working with elected members"])
    make_application(cohort, MENTOR, topics=["Working with elected members"])
    make_application(cohort, MENTOR, topics=["Budgeting"])

    services.match_run(cohort=cohort, by=bob)

    drafts = {d.mentee: d for d in cohort.draft_pairs.all()}
    assert drafts[budgets].mentor.topics == ["Budgeting"]
    assert drafts[members].mentor.topics == ["Working with elected members"]
    topics = next(c for c in drafts[budgets].breakdown if c["name"] == "topics")
    assert topics["value"] == 1.0


def test_a_mentor_never_gets_more_mentees_than_their_capacity(cohort, bob):
    for _ in range(3):
        make_application(cohort, MENTEE, topics=["Budgeting"])
    mentor = make_application(cohort, MENTOR, topics=["Budgeting"], capacity=2)

    run = services.match_run(cohort=cohort, by=bob)

    assert cohort.draft_pairs.filter(mentor=mentor).count() == 2
    assert [u["reason"] for u in run.unmatched] == ["capacity_exhausted"]


def test_hard_rules_keep_apart_colleagues_juniors_and_declared_conflicts(cohort, bob, org):
    mentee = make_application(cohort, MENTEE, organisation=org, level=RoleLevel.HEAD_OF_SERVICE)
    make_application(cohort, MENTOR, organisation=org)  # same organisation
    make_application(cohort, MENTOR, level=RoleLevel.MIDDLE_MANAGER)  # more junior
    manager = make_application(cohort, MENTOR)
    mentee.line_manager_email = manager.applicant.email
    mentee.save()

    run = services.match_run(cohort=cohort, by=bob)

    assert cohort.draft_pairs.count() == 0
    [why] = [u for u in run.unmatched if u["application_id"] == mentee.pk]
    assert why["reason"] == "no_eligible_partner"
    assert why["blocked_by"] == {"same_organisation": 1, "role_level": 1, "forbidden": 1}


def test_untrained_people_are_not_matched(cohort, bob):
    make_application(cohort, MENTEE, trained=False)
    make_application(cohort, MENTOR)

    services.match_run(cohort=cohort, by=bob)

    assert cohort.draft_pairs.count() == 0


def test_pinned_pairs_survive_a_rerun_and_removed_pairs_are_not_proposed_again(cohort, bob):
    a = make_application(cohort, MENTEE, topics=["Budgeting"])
    b = make_application(cohort, MENTEE, topics=["Restructures"])
    budgeting = make_application(cohort, MENTOR, topics=["Budgeting"])
    restructures = make_application(cohort, MENTOR, topics=["Restructures"])
    services.match_run(cohort=cohort, by=bob)
    # The coordinator knows better: swap the two mentors (both pairs become pinned)…
    swapped, _other = services.draft_swap(
        first=cohort.draft_pairs.get(mentee=a), second=cohort.draft_pairs.get(mentee=b)
    )
    assert swapped.pinned and swapped.mentor == restructures
    # …then removes b's new pair: b must not be given the budgeting mentor again.
    services.draft_remove(draft=cohort.draft_pairs.get(mentee=b))

    services.match_run(cohort=cohort, by=bob)

    assert cohort.draft_pairs.get(mentee=a).mentor == restructures
    assert not cohort.draft_pairs.filter(mentee=b).exists()
    assert cohort.draft_pairs.filter(mentor=budgeting).count() == 0


def test_a_hand_chosen_pair_must_keep_the_schemes_rules(cohort, org):
    mentee = make_application(cohort, MENTEE, organisation=org)
    colleague = make_application(cohort, MENTOR, organisation=org)

    with pytest.raises(ValidationError) as error:
        services.draft_choose(cohort=cohort, mentee=mentee, mentor=colleague)

    assert "This scheme pairs people from different organisations." in error.value.messages
    assert cohort.draft_pairs.count() == 0


def test_publishing_makes_every_pair_and_tells_both_people(cohort, bob):
    for topic in ["Budgeting", "Restructures"]:
        make_application(cohort, MENTEE, topics=[topic])
        make_application(cohort, MENTOR, topics=[topic])
    services.match_run(cohort=cohort, by=bob)

    made = services.drafts_publish(cohort=cohort, by=bob)

    assert len(made) == 2 and cohort.draft_pairs.count() == 0
    assert all(p.how_made == Pairing.HowMade.COORDINATOR for p in made)
    recipients = sorted(address for m in mail.outbox for address in m.to)
    expected = sorted(u.email for p in made for u in (p.mentor, p.mentee))
    assert [m for m in mail.outbox if m.subject.startswith("You have been paired")]
    assert sorted(r for r in recipients if r in expected) == expected


def test_publishing_is_all_or_nothing_when_a_place_has_gone(cohort, bob):
    first = make_application(cohort, MENTEE, topics=["Budgeting"])
    second = make_application(cohort, MENTEE, topics=["Budgeting"])
    mentor = make_application(cohort, MENTOR, topics=["Budgeting"], capacity=2)
    services.match_run(cohort=cohort, by=bob)
    # Meanwhile the mentor's capacity drops to one and someone else takes that place.
    mentor.capacity = 1
    mentor.save()
    elsewhere = make_application(cohort, MENTEE)
    services.pairing_create(mentee=elsewhere, mentor=mentor, how_made="shortlist", by=bob)

    with pytest.raises(ValidationError) as error:
        services.drafts_publish(cohort=cohort, by=bob)

    assert "has no places left" in " ".join(error.value.messages)
    assert not Pairing.objects.filter(mentee_application__in=[first, second]).exists()
    assert cohort.draft_pairs.count() == 2


def test_a_pair_says_which_better_suited_mentor_was_full_with_a_pair_worth_more(cohort, bob):
    both = make_application(cohort, MENTEE, topics=["Budgeting", "Restructures"])
    budgeting_only = make_application(cohort, MENTEE, topics=["Budgeting"])
    all_rounder = make_application(cohort, MENTOR, topics=["Budgeting", "Restructures"])
    restructures = make_application(cohort, MENTOR, topics=["Restructures"])

    run = services.match_run(cohort=cohort, by=bob)

    # Best for the round: the all-rounder helps the mentee who has nobody else.
    assert cohort.draft_pairs.get(mentee=budgeting_only).mentor == all_rounder
    draft = cohort.draft_pairs.get(mentee=both)
    assert draft.mentor == restructures
    assert draft.better_mentors == [all_rounder.pk]
    assert run.total_score == pytest.approx(1.5)


def test_someone_whose_pair_ended_early_is_matched_again_but_not_with_the_same_mentor(cohort, bob):
    mentee = make_application(cohort, MENTEE, topics=["Budgeting"])
    first = make_application(cohort, MENTOR, topics=["Budgeting"])
    second = make_application(cohort, MENTOR, topics=[])
    pairing = services.pairing_create(mentee=mentee, mentor=first, how_made="coordinator", by=bob)
    services.pairing_end(
        pairing=pairing, by=mentee.applicant, reason="not-a-fit", wants_rematch=True
    )

    services.match_run(cohort=cohort, by=bob)

    assert cohort.draft_pairs.get(mentee=mentee).mentor == second


def test_the_matching_page_explains_each_pair_and_each_person_left_out(cohort, bob, client_for):
    make_application(cohort, MENTEE, topics=["Budgeting"])
    make_application(cohort, MENTEE, topics=["Budgeting"])
    make_application(cohort, MENTOR, topics=["Budgeting"])
    services.match_run(cohort=cohort, by=bob)

    page = client_for(bob).get(reverse("mentoring:matching", args=[cohort.pk])).text

    assert "Topics in common: 100% × 1 = 1.00" in page
    assert "The mentors who would suit are full." in page


def test_a_tampered_form_answers_not_found_and_changes_nothing(cohort, bob, client_for):
    make_application(cohort, MENTEE)
    make_application(cohort, MENTOR)
    services.match_run(cohort=cohort, by=bob)
    url = reverse("mentoring:matching", args=[cohort.pk])

    response = client_for(bob).post(url, {"action": "remove", "draft": "1 OR 1=1"})

    assert response.status_code == 404
    assert cohort.draft_pairs.count() == 1
