"""Recording learning, searching the log, and what happens with bad input."""

import datetime
import re

import pytest
from django.urls import reverse

from peerpath.drafts.models import Draft
from peerpath.drafts.services import draft_save
from peerpath.portfolio.models import LearningEntry
from peerpath.portfolio.services import learning_entry_save

pytestmark = pytest.mark.django_db


def entry_form(**overrides) -> dict:
    data = {
        "title": "Masterclass: leading change",
        "kind": "masterclass",
        "date_0": "11",
        "date_1": "3",
        "date_2": "2026",
        "hours": "4",
        "reflection": "Change lands better when people shape it.",
        "practice": "I now run a listening session before any rota change.",
        "impact": "Families hear about changes earlier.",
    }
    return {**data, **overrides}


def test_a_participant_records_learning_with_a_three_part_reflection_and_links(
    alice, client_for, statement, today
):
    vision, standard = statement("VIS.1"), statement("KS.2", "cpd-standard-wales")
    response = client_for(alice).post(
        reverse("portfolio:entry-new"), entry_form(statements=[vision.pk, standard.pk])
    )
    entry = LearningEntry.objects.get(owner=alice)
    assert response.status_code == 302 and response["Location"] == entry.get_absolute_url()
    assert (entry.title, entry.kind, entry.date) == (
        "Masterclass: leading change",
        "masterclass",
        datetime.date(2026, 3, 11),
    )
    assert entry.practice.startswith("I now run a listening session")
    assert set(entry.statements.all()) == {vision, standard}
    page = client_for(alice).get(entry.get_absolute_url()).content.decode()
    assert "How I use it in practice" in page and "Families hear about changes earlier." in page


def test_saving_an_entry_forgets_the_drafts_it_was_typed_into(alice, client_for, today):
    draft_save(owner=alice, key="portfolio.entry.new.reflection", text="half a thought")
    client_for(alice).post(reverse("portfolio:entry-new"), entry_form())
    assert not Draft.objects.filter(owner=alice).exists()


def test_learning_dated_in_the_future_is_refused_and_nothing_is_saved(alice, client_for, today):
    response = client_for(alice).post(
        reverse("portfolio:entry-new"), entry_form(date_0="21", date_1="11", date_2="2026")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The date must be today or in the past" in page
    assert "govuk-error-summary" in page and page.count('value="Masterclass: leading change"')
    assert not LearningEntry.objects.exists()


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2026", "The date must be a real date"),
        ("", "2", "2026", "The date must include a day"),
        ("", "", "", "“When did it happen?” is required"),
    ],
)
def test_a_date_that_is_not_a_date_gets_a_clear_message(
    alice, client_for, today, day, month, year, message
):
    response = client_for(alice).post(
        reverse("portfolio:entry-new"), entry_form(date_0=day, date_1=month, date_2=year)
    )
    assert message in response.content.decode()
    assert not LearningEntry.objects.exists()


def test_script_in_a_reflection_is_shown_as_text_and_never_runs(alice, client_for, today):
    client_for(alice).post(
        reverse("portfolio:entry-new"),
        entry_form(reflection='**Bold** <script>alert("x")</script> [x](javascript:alert(1))'),
    )
    entry = LearningEntry.objects.get(owner=alice)
    page = client_for(alice).get(entry.get_absolute_url()).content.decode()
    assert "<strong>Bold</strong>" in page
    assert '<script>alert("x")</script>' not in page
    assert 'href="javascript:' not in page


def test_pressing_search_in_the_picker_shows_matches_and_saves_nothing(
    alice, client_for, statement, today
):
    chosen = statement("VIS.1")
    response = client_for(alice).post(
        reverse("portfolio:entry-new"),
        entry_form(
            title="",
            statements=[chosen.pk],
            **{"statements-q": "resilience", "find-statements": "statements"},
        ),
    )
    page = response.content.decode()
    assert "Demonstrating and promoting resilience" in page
    assert re.search(rf'name="statements"[^>]* value="{chosen.pk}"[^>]* checked', page)
    assert "govuk-error-summary" not in page, "a search is not a failed save"
    assert "Families hear about changes earlier." in page
    assert not LearningEntry.objects.exists()


def test_the_picker_search_finds_statements_by_words_code_or_capability(
    alice, client_for, shipped_frameworks
):
    def search(**params):
        url = reverse("portfolio:statement-search")
        return client_for(alice).get(url, params).content.decode()

    assert "Demonstrating and promoting resilience" in search(q="promoting resilience")
    assert "Leading partnership working" in search(q="COLLAB.1")
    only_standard = search(q="leadership", framework="cpd-standard-wales")
    assert "Leadership and management principles" in only_standard
    assert "Improving own leadership" not in only_standard
    assert "Nothing matches" in search(q="zebra crossings")


def test_a_framework_with_hundreds_of_statements_is_searched_not_listed(
    alice, client_for, shipped_frameworks
):
    from peerpath.frameworks.formats import read_framework_file
    from peerpath.frameworks.services import framework_import

    rows = ["domain_code,domain_name,statement_code,statement_text"]
    rows += [
        f"U{n // 10},Unit {n // 10},U{n // 10}.{n},Performance criterion {n}" for n in range(400)
    ]
    data, _fmt = read_framework_file(
        "nos.csv",
        "\n".join(rows).encode(),
        overrides={"slug": "nos-test", "name": "Test NOS", "version": "1"},
    )
    framework_import(data=data)
    form = client_for(alice).get(reverse("portfolio:entry-new")).content.decode()
    assert "Performance criterion 1" not in form
    url = reverse("portfolio:statement-search")
    found = client_for(alice).get(url, {"q": "criterion 37"}).content.decode()
    assert "Performance criterion 37" in found and "Performance criterion 371" in found
    assert "Performance criterion 12" not in found


def test_the_log_is_searched_by_title_reflection_and_capability_and_filtered(
    alice, client_for, a_year_of_learning
):
    def titles(**params):
        page = client_for(alice).get(reverse("portfolio:log"), params).content.decode()
        return {e.title for e in a_year_of_learning if e.title in page}

    # The book is found through the capability it is linked to, the session by its title.
    assert titles(q="resilience") == {
        "Peer session on resilience",
        "Read Dare to Lead by Brené Brown",
    }
    assert titles(q="learned from secondment") == {"Secondment to the partnership board"}
    assert titles(kind="masterclass") == {"Masterclass: leading change"}
    assert titles(
        start_0="1", start_1="6", start_2="2026", end_0="31", end_1="8", end_2="2026"
    ) == {
        "Equality and diversity refresher",
        "Secondment to the partnership board",
    }
    assert "Coaching conversation" not in titles(framework="six-leadership-capabilities")
    assert len(titles(framework="cpd-standard-wales")) == 5


def test_the_log_search_ignores_accents_and_case(alice, client_for):
    def found(query):
        page = client_for(alice).get(reverse("portfolio:log"), {"q": query}).content.decode()
        return "1 entry matches" in page

    entry = learning_entry_save(
        owner=alice,
        title="Gŵyl Fwyd: stondin y llyfrgell",
        kind="other",
        date=datetime.date(2026, 8, 3),
        hours=None,
        reflection="Siarad â theuluoedd am y llyfrgell; café ar y maes.",
    )

    assert all(found(q) for q in ["gwyl", "ŵyl", "GŴYL", "Cafe", "café", "a theuluoedd"])
    assert not found("gwylan")
    learning_entry_save(
        entry=entry,
        owner=alice,
        title="Stondin yn y sioe",
        kind="other",
        date=entry.date,
        hours=None,
        reflection="",
    )
    assert found("SIOE") and not found("gwyl"), "an edit changes what is searched"


def test_editing_an_entry_offers_back_text_that_was_autosaved_but_not_saved(
    alice, client_for, entry
):
    draft_save(owner=alice, key=f"portfolio.entry.{entry.pk}.reflection", text="Unsaved thoughts")
    response = client_for(alice).get(reverse("portfolio:entry-edit", args=[entry.pk]))
    page = response.content.decode()
    assert "Unsaved thoughts" in page
    assert "We put back the text you had not saved yet." in page


def test_deleting_an_entry_asks_first_then_deletes_it(alice, client_for, entry):
    url = reverse("portfolio:entry-delete", args=[entry.pk])
    assert "cannot be undone" in client_for(alice).get(url).content.decode()
    client_for(alice).post(url)
    assert not LearningEntry.objects.filter(pk=entry.pk).exists()
