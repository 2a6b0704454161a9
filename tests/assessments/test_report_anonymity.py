"""The 360° report shows a group only at its minimum, on every path: the subject's page,
a shared manager's page, the PDF, admin screens; nobody else sees it at all."""

import io

import pytest
from django.contrib import admin
from django.urls import reverse
from pypdf import PdfReader

from peerpath.assessments.models import (
    FeedbackResponse,
    FeedbackRound,
    ResponseComment,
    ResponseRating,
    Share,
)
from peerpath.assessments.pdf import report_pdf_html
from peerpath.assessments.selectors.reports import round_report
from peerpath.assessments.services.sharing import share_create, share_withdraw
from peerpath.assessments.views.rounds import report_chart

from . import builders
from .pages import cells_of

VIS = ["VIS.1", "VIS.2", "VIS.3", "VIS.4"]


@pytest.fixture
def closed(alice, six):
    """Alice's round, closed; tests add submitted answers before reading the report."""
    return builders.feedback_round(alice, six, status=FeedbackRound.Status.CLOSED, self_values={})


def answers(closed, group, value, count, comment=None):
    for n in range(count):
        text = None if comment is None else f"{comment} {n + 1}"
        builders.submitted_answers(
            closed, group, dict.fromkeys(VIS, value), {"VIS": text} if text else None
        )


def report_page(client, round) -> str:
    return client.get(reverse("assessments:report", args=[round.pk])).content.decode()


@pytest.mark.parametrize(("count", "shown"), [(1, False), (2, False), (3, True), (4, True)])
def test_peers_appear_exactly_when_three_have_answered(client_for, alice, closed, count, shown):
    answers(closed, "peer", 2, count, comment="Peer says")
    page = report_page(client_for(alice), closed)
    found = cells_of(page)
    assert (found.cells["VIS.1"]["peer"] == f"2({count})") is shown
    assert (found.cells["VIS.1"]["peer"] == "Not shown") is not shown
    assert ("Peer says 1" in page) is shown
    status = found.groups["peer"][-1]
    assert status == ("Shown" if shown else "Not shown: fewer than 3 answered")


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_a_line_manager_appears_from_one_answer_as_promised(client_for, alice, closed, count):
    answers(closed, "line-manager", 4, count)
    found = cells_of(report_page(client_for(alice), closed))
    assert found.cells["VIS.2"]["line-manager"] == f"4({count})"


@pytest.mark.parametrize("peers", [1, 2])
def test_everyone_else_cannot_be_used_to_subtract_out_withheld_peers(
    client_for, alice, closed, peers
):
    answers(closed, "line-manager", 4, 1)
    answers(closed, "peer", 1, peers)
    page = report_page(client_for(alice), closed)
    found = cells_of(page)
    assert found.cells["VIS.1"]["line-manager"] == "4(1)"
    assert found.cells["VIS.1"]["others"] == "4(1)"  # the manager alone: nothing to subtract
    assert found.cells["VIS.1"]["peer"] == "Not shown"
    assert 'data-note="others-partial"' in page


def test_withheld_groups_join_everyone_else_once_they_reach_a_minimum_together(
    client_for, alice, closed
):
    answers(closed, "line-manager", 4, 1)
    answers(closed, "peer", 1, 2)
    answers(closed, "direct-report", 2, 1)
    found = cells_of(report_page(client_for(alice), closed))
    assert found.cells["VIS.1"]["peer"] == found.cells["VIS.1"]["direct-report"] == "Not shown"
    assert found.cells["VIS.1"]["others"] == "2(4)"  # (4 + 1 + 1 + 2) / 4, from 4 people


def test_a_statement_rated_by_too_few_is_withheld_even_when_the_group_is_shown(
    client_for, alice, closed
):
    for value in [1, 2]:
        builders.submitted_answers(closed, "peer", dict.fromkeys(VIS, value))
    builders.submitted_answers(closed, "peer", {**dict.fromkeys(VIS, 4), "VIS.2": None})
    report = round_report(closed)
    vision = report.capabilities[0]
    figures = {row.statement.code: row.figures.by_group["peer"] for row in vision.statements}
    assert figures["VIS.1"].mean == pytest.approx(7 / 3)
    assert not figures["VIS.2"].shown  # two ratings and one "I cannot say"
    # The capability figure uses the statement figures shown, so it cannot be set
    # against VIS.1, VIS.3 and VIS.4 to work back the two VIS.2 ratings.
    assert vision.by_group["peer"].mean == pytest.approx(7 / 3)
    found = cells_of(report_page(client_for(alice), closed))
    assert found.cells["VIS.2"]["peer"] == "Not shown"


def test_comments_of_a_withheld_group_are_left_out(client_for, alice, closed):
    answers(closed, "peer", 3, 3, comment="From a peer")
    answers(closed, "direct-report", 2, 1, comment="From my one report")
    page = report_page(client_for(alice), closed)
    assert "From a peer 2" in page
    assert "From my one report" not in page
    assert 'data-note="comments-left-out"' in page


def test_comment_order_does_not_follow_the_order_people_answered_in(alice, closed):
    texts = [f"Comment {letter}" for letter in "ABCDEF"]

    def order_when_stored(sequence):
        FeedbackResponse.objects.filter(round=closed).delete()
        for text in sequence:
            builders.submitted_answers(closed, "peer", {"VIS.1": 3}, {"VIS": text})
        [block] = round_report(closed).capabilities[0].comments
        return block.texts

    assert order_when_stored(texts) == order_when_stored(list(reversed(texts)))
    assert sorted(order_when_stored(texts)) == texts


@pytest.mark.parametrize("role", ["bob", "carol", "dan", "erin"])
def test_coordinators_and_admins_cannot_see_a_report_or_its_pdf(client_for, request, closed, role):
    answers(closed, "peer", 3, 3)
    someone = request.getfixturevalue(role)
    for name in ["assessments:report", "assessments:report-pdf"]:
        assert client_for(someone).get(reverse(name, args=[closed.pk])).status_code == 404


def test_a_manager_it_is_shared_with_sees_what_the_subject_sees_and_no_more(
    client_for, alice, bob, closed
):
    answers(closed, "line-manager", 3, 1)
    answers(closed, "peer", 2, 2, comment="Withheld peer")
    share = share_create(
        owner=alice, email="bob@example.org", relationship="line-manager", round=closed
    )
    as_subject = cells_of(report_page(client_for(alice), closed))
    page = report_page(client_for(bob), closed)
    as_manager = cells_of(page)
    assert as_manager.cells == as_subject.cells and as_manager.groups == as_subject.groups
    assert "Withheld peer" not in page
    assert "shared this report with you as their line manager" in page
    share_withdraw(share=share)
    assert client_for(bob).get(reverse("assessments:report", args=[closed.pk])).status_code == 404


def pdf_text(client, round) -> str:
    response = client.get(reverse("assessments:report-pdf", args=[round.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_holds_only_what_the_rules_allow(client_for, alice, closed):
    answers(closed, "line-manager", 4, 1, comment="Manager view")
    answers(closed, "peer", 1, 2, comment="Quiet peer")
    answers(closed, "direct-report", 3, 3, comment="Team member")
    report = round_report(closed)
    html = report_pdf_html(report, report_chart(report))
    found = cells_of(html)
    assert found.cells["VIS.1"]["peer"] == "Not shown"
    assert found.cells["VIS.1"]["direct-report"] == "3(3)"
    assert found.cells["VIS.1"]["others"] == "3.3(4)"  # manager and team; peers left out
    text = pdf_text(client_for(alice), closed)
    assert "Team member 2" in text and "Manager view 1" in text
    assert "Quiet peer" not in text
    assert "Not shown: fewer than 3 answered" in text


def test_admin_screens_cannot_show_answers(client_for, erin, closed):
    answers(closed, "peer", 2, 3, comment="Private words")
    for model in [FeedbackResponse, ResponseRating, ResponseComment]:
        assert not admin.site.is_registered(model)
    page = (
        client_for(erin)
        .get(reverse("admin:assessments_feedbackround_change", args=[closed.pk]))
        .content.decode()
    )
    assert "Leadership feedback" in page
    assert "Private words" not in page


def test_no_answer_row_can_be_traced_to_a_rater(alice, six, client):
    round = builders.feedback_round(alice, six)
    _rater, token = builders.rater(round)
    client.post(
        reverse("assessments:respond-section", args=[token, "VIS"]),
        builders.whole_domain_post(six, "VIS", 3),
    )
    client.post(reverse("assessments:respond-finish", args=[token]), {"send": ""})
    response = FeedbackResponse.objects.get()
    assert response.rater_id is None
    field_names = {f.name for f in FeedbackResponse._meta.get_fields()}
    assert not {"created_at", "updated_at", "submitted_at"} & field_names
    assert not Share.objects.exists()


def test_a_closed_rounds_report_is_kept_once_made(
    client_for, alice, closed, django_assert_max_num_queries
):
    """Its answers cannot change after closing, so the second reading does not work the
    report out again; the page in Welsh is its own."""
    answers(closed, "peer", 2, 3, comment="Peer says")
    client = client_for(alice)
    first = cells_of(report_page(client, closed))
    with django_assert_max_num_queries(8):
        again = cells_of(report_page(client, closed))
    assert again.cells == first.cells and again.groups == first.groups
    client.cookies["django_language"] = "cy"
    welsh = report_page(client, closed)
    assert 'lang="cy"' in welsh and "Everyone else" not in welsh
