"""The portfolio as a PDF a person hands to a panel."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from peerpath.portfolio.models import PortfolioExport
from peerpath.portfolio.services import goal_save, plan_item_create
from peerpath.portfolio.transfer.pdf import portfolio_html

pytestmark = pytest.mark.django_db


def test_the_pdf_is_made_in_the_background_and_downloaded_by_its_owner_only(
    alice, bob, client_for, a_year_of_learning, django_capture_on_commit_callbacks
):
    client = client_for(alice)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(reverse("portfolio:export-make", args=["pdf"]))
    export = PortfolioExport.objects.get(owner=alice)
    assert started["Location"] == export.get_absolute_url()
    status = client.get(reverse("portfolio:export-status", args=[export.pk])).json()
    assert status == {"status": "ready", "stage": "Ready", "progress": 100, "finished": True}
    response = client.get(reverse("portfolio:export-download", args=[export.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="portfolio-alice-participant-2026-11-20.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert (
        client_for(bob).get(reverse("portfolio:export-download", args=[export.pk])).status_code
        == 404
    )


def test_while_the_file_is_being_made_the_page_shows_progress(alice, client_for, today):
    export = PortfolioExport.objects.create(
        owner=alice, kind="pdf", status="running", stage="Laying out the pages", progress=40
    )
    page = client_for(alice).get(export.get_absolute_url()).content.decode()
    assert '<progress id="export-progress" max="100" value="40">' in page
    assert "Laying out the pages" in page and "Check again" in page
    download = client_for(alice).get(reverse("portfolio:export-download", args=[export.pk]))
    assert download["Location"] == export.get_absolute_url(), "not ready: back to the progress"


def test_a_file_that_cannot_be_made_says_so_and_offers_to_try_again(
    alice, client_for, today, monkeypatch
):
    from peerpath.portfolio.services import exports

    def broken(user):
        raise OSError("disk full")

    monkeypatch.setattr(exports, "portfolio_pdf", broken)
    export = PortfolioExport.objects.create(owner=alice, kind="pdf")
    exports.portfolio_export_build(export=export)
    page = client_for(alice).get(export.get_absolute_url()).content.decode()
    assert "could not be made" in page and "Try again" in page


def test_making_a_new_file_replaces_the_old_one(alice, client_for, made_file, private_media):
    made_file(client_for(alice), "zip")
    made_file(client_for(alice), "zip")
    assert PortfolioExport.objects.filter(owner=alice).count() == 1


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
