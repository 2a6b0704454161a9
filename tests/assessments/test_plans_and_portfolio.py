"""From results to a development plan; what the portfolio timeline and home page get."""

import datetime

from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from peerpath.assessments import dashboard
from peerpath.assessments.models import FeedbackRound, SelfEvaluation
from peerpath.assessments.portfolio import timeline_items
from peerpath.frameworks.models import Statement
from peerpath.portfolio.models import PlanItem

from . import builders


def test_an_area_to_develop_becomes_a_plan_item(client_for, alice, cld):
    evaluation = builders.finished_evaluation(alice, cld, {"COMM.2": 1})
    url = reverse("assessments:plan", args=[evaluation.pk])
    statement = Statement.objects.get(framework=cld, code="COMM.2")
    page = client_for(alice).get(url).content.decode()
    assert f"?statement={statement.pk}" in page  # suggested, as an area to develop
    target = timezone.localdate() + datetime.timedelta(days=60)
    client_for(alice).post(
        url,
        {
            "statement": statement.pk,
            "action": "Ask to chair the next team meeting where conflict is likely",
            "support_needed": "My peer to debrief with",
            "target_date": target.strftime("%d/%m/%Y"),
        },
    )
    item = PlanItem.objects.get(owner=alice)
    assert item.statement == statement and item.domain.code == "COMM"
    assert item.target_date == target and item.support_needed == "My peer to debrief with"
    assert item.source_url == reverse("assessments:result", args=[evaluation.pk])
    assert "Ask to chair the next team meeting" in client_for(alice).get(url).content.decode()


def test_a_plan_item_needs_an_action_and_a_real_future_date(client_for, alice, cld):
    evaluation = builders.finished_evaluation(alice, cld)
    url = reverse("assessments:plan", args=[evaluation.pk])
    page = client_for(alice).post(url, {"action": "", "target_date": "31/02/2027"}).content.decode()
    assert "Say what you will do." in page
    assert "Enter a real date, for example " in page
    page = (
        client_for(alice).post(url, {"action": "Read", "target_date": "1/1/2020"}).content.decode()
    )
    assert "The date must be today or in the future." in page
    assert not PlanItem.objects.exists()


def test_a_blind_spot_from_a_report_is_suggested_for_the_plan(client_for, alice, six):
    round = builders.feedback_round(
        alice, six, status=FeedbackRound.Status.CLOSED, self_values={"EMP.2": 4}
    )
    for _n in range(3):
        builders.submitted_answers(round, "peer", {"EMP.2": 1, "EMP.1": 3})
    page = (
        client_for(alice).get(reverse("assessments:report-plan", args=[round.pk])).content.decode()
    )
    statement = Statement.objects.get(framework=six, code="EMP.2")
    assert f"?statement={statement.pk}" in page and "a blind spot" in page


def test_the_timeline_lists_finished_evaluations_and_closed_rounds_by_london_day(alice, cld, six):
    late_evening = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)  # 1 July in London
    builders.finished_evaluation(alice, cld, when=late_evening)
    SelfEvaluation.objects.create(owner=alice, framework=cld)  # unfinished: not listed
    round = builders.feedback_round(alice, six, status=FeedbackRound.Status.CLOSED)
    round.closed_at = datetime.datetime(2026, 7, 15, 9, 0, tzinfo=datetime.UTC)
    round.save()
    round.self_evaluation.completed_at = datetime.datetime(2026, 5, 1, 9, 0, tzinfo=datetime.UTC)
    round.self_evaluation.save()
    july = datetime.date(2026, 7, 1), datetime.date(2026, 7, 31)
    items = timeline_items(alice, *july, evidence=True)
    assert [(i.when, i.kind, i.title) for i in items] == [  # newest first
        (datetime.date(2026, 7, 15), "360° feedback", "Leadership feedback"),
        (datetime.date(2026, 7, 1), "Self-evaluation", "CLD peer support self-evaluation"),
    ]
    assert len(items[1].statement_ids) == 50 and items[0].statement_ids == ()
    assert timeline_items(alice, datetime.date(2026, 6, 1), datetime.date(2026, 6, 30)) == []


def card_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return dashboard.card(request)


def test_the_home_card_offers_to_carry_on_and_counts_answers(client_for, alice, bob, cld, six):
    assert card_for(alice) is None
    unfinished = SelfEvaluation.objects.create(owner=alice, framework=cld)
    round = builders.feedback_round(alice, six)
    builders.rater(round, email="a@example.org")
    builders.rater(round, email="b@example.org")
    builders.submitted_answers(round, "peer", {"VIS.1": 3})
    card = card_for(alice)
    assert card["unfinished"] == unfinished
    assert card["rounds"][0]["answered"] == 1 and card["rounds"][0]["invited"] == 2
    home = client_for(alice).get(reverse("home")).content.decode()
    assert "Carry on with your self-evaluation: CLD peer support self-evaluation" in home
    assert "1 of 2 have answered" in home
    assert card_for(bob) is None
