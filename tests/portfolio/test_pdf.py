"""The portfolio as a PDF a person hands to a panel."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from peerpath.portfolio.services import goal_save, plan_item_create
from peerpath.portfolio.transfer.pdf import portfolio_html

pytestmark = pytest.mark.django_db


def test_the_pdf_download_is_a_pdf_named_after_the_person(alice, client_for, a_year_of_learning):
    response = client_for(alice).get(reverse("portfolio:export-pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="portfolio-alice-participant-2026-11-20.pdf"'
    )
    assert response.content.startswith(b"%PDF-")


def test_the_pdf_holds_goals_reflections_hours_by_capability_and_the_plan(
    alice, a_year_of_learning
):
    goal_save(owner=alice, title="Chair the partnership board")
    plan_item_create(owner=alice, action="Ask for a secondment", support_needed="Cover")
    html = portfolio_html(alice)
    for expected in [
        "Alice Participant",
        "Chair the partnership board",
        "What I learned from read dare to lead by brené brown.",
        "Secondment to the partnership board",
        "Hours by capability",
        "Collaborating and influencing",
        "Professional characteristics",
        "Ask for a secondment",
    ]:
        assert expected in html, expected


def test_script_in_a_reflection_never_reaches_the_pdf_as_markup(alice, a_year_of_learning):
    entry = a_year_of_learning[0]
    entry.reflection = "<img src=x onerror=alert(1)> and <script>steal()</script>"
    entry.save()
    html = portfolio_html(alice)
    assert "<script>steal()" not in html and "<img src=x" not in html


def test_an_image_in_a_reflection_is_not_fetched_into_the_pdf(alice, a_year_of_learning):
    entry = a_year_of_learning[0]
    entry.reflection = "![tracking pixel](https://tracker.example/p.png)"
    entry.save()
    assert "<img" not in portfolio_html(alice)


def test_the_command_writes_a_pdf(alice, a_year_of_learning, tmp_path):
    target = tmp_path / "alice.pdf"
    out = io.StringIO()
    call_command(
        "export_portfolio", "alice@example.org", "--format", "pdf", "-o", str(target), stdout=out
    )
    assert target.read_bytes().startswith(b"%PDF-")
    assert "Wrote the portfolio of Alice Participant" in out.getvalue()
