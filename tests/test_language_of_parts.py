"""Text in another language than the page is marked with its own (WCAG 2.2, 3.1.2).

The shipped frameworks exist only in English. On a page in Welsh their names, statements
and rating scales sit in elements with lang="en", so a screen reader reads them with
English pronunciation, while the interface around them stays Welsh; on a page in English
nothing extra is marked.
"""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from peerpath.assessments.models import FeedbackRound, SelfEvaluation
from peerpath.frameworks.models import Framework
from peerpath.portfolio.models import Goal, LearningEntry, PlanItem
from peerpath.programmes.models import Event
from tests.assessments import builders

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class TextLanguages(HTMLParser):
    """Each piece of text on a page with the language it is in: its nearest lang."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            inherited = self.open[-1][1] if self.open else None
            self.open.append((tag, dict(attrs).get("lang", inherited)))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        # Charts are images to a screen reader, read by their title alone.
        tags = {tag for tag, _lang in self.open}
        if data.strip() and self.open and not tags & {"script", "style", "title", "svg"}:
            self.texts.append((" ".join(data.split()), self.open[-1][1]))


def languages_of(page: str, text: str) -> set[str | None]:
    """The languages the page says `text` is in, wherever it appears."""
    parser = TextLanguages()
    parser.feed(page)
    found = {lang for piece, lang in parser.texts if text in piece}
    assert found, f"{text!r} is not on the page"
    return found


def welsh(message: str) -> str:
    with translation.override("cy"):
        translated = translation.gettext(message)
    assert translated != message
    return translated


@pytest.fixture
def framework(shipped_frameworks):
    return Framework.objects.get(slug="cld-peer-self-evaluation", is_current=True)


@pytest.fixture
def six(shipped_frameworks):
    return shipped_frameworks["six-leadership-capabilities"]


@pytest.fixture
def in_welsh(client, alice):
    client.force_login(alice)
    client.cookies["django_language"] = "cy"
    return client


def test_a_framework_page_in_welsh_marks_the_framework_english(in_welsh, framework):
    statement = framework.statements.order_by("pk").first()

    page = in_welsh.get(framework.get_absolute_url()).content.decode()

    assert languages_of(page, framework.name) == {"en"}
    assert languages_of(page, statement.domain.name) == {"en"}
    assert languages_of(page, statement.text) == {"en"}
    assert languages_of(page, welsh("Download")) == {"cy"}


def test_a_statement_and_its_domain_pages_in_welsh_mark_the_framework_english(in_welsh, framework):
    statement = framework.statements.order_by("pk").first()

    domain_page = in_welsh.get(statement.domain.get_absolute_url()).content.decode()
    statement_page = in_welsh.get(statement.get_absolute_url()).content.decode()

    assert languages_of(domain_page, statement.domain.name) == {"en"}
    assert languages_of(domain_page, statement.text) == {"en"}
    assert languages_of(statement_page, statement.text) == {"en"}
    assert languages_of(statement_page, welsh("Frameworks")) == {"cy"}


def test_in_english_the_framework_is_not_marked_apart(client, alice, framework):
    client.force_login(alice)
    statement = framework.statements.order_by("pk").first()

    page = client.get(framework.get_absolute_url()).content.decode()

    assert languages_of(page, statement.text) == {"en-GB"}
    assert 'lang="en"' not in page


def test_rating_a_section_in_welsh_reads_the_statements_and_scale_in_english(
    in_welsh, alice, framework
):
    evaluation = SelfEvaluation.objects.create(owner=alice, framework=framework)
    statement = framework.statements.order_by("pk").first()
    scale = framework.rating_scale.levels.order_by("value").first()

    page = in_welsh.get(
        reverse("assessments:domain", args=[evaluation.pk, statement.domain.code])
    ).content.decode()

    assert languages_of(page, statement.domain.name) == {"en"}
    assert languages_of(page, statement.text) == {"en"}
    assert languages_of(page, scale.label) == {"en"}
    assert languages_of(page, welsh("Save and come back later")) == {"cy"}


def test_a_rater_answering_in_welsh_reads_the_statements_in_english(client, alice, six):
    round = builders.feedback_round(alice, six)
    _rater, token = builders.rater(round)
    statement = six.statements.get(code="VIS.1")
    client.cookies["django_language"] = "cy"

    page = client.get(reverse("assessments:respond-section", args=[token, "VIS"])).content
    page = page.decode()

    assert languages_of(page, statement.text) == {"en"}
    assert languages_of(page, welsh("I cannot say")) == {"cy"}


def test_results_and_the_360_report_in_welsh_mark_the_framework_english(
    in_welsh, alice, framework, six
):
    evaluation = builders.finished_evaluation(alice, framework)
    statement = framework.statements.order_by("pk").first()
    closed = builders.feedback_round(alice, six, status=FeedbackRound.Status.CLOSED)
    for _ in range(3):
        builders.submitted_answers(closed, "peer", {"VIS.1": 4})
    element = six.statements.get(code="VIS.1")

    result = in_welsh.get(reverse("assessments:result", args=[evaluation.pk])).content.decode()
    report = in_welsh.get(reverse("assessments:report", args=[closed.pk])).content.decode()

    assert languages_of(result, statement.text) == {"en"}
    assert languages_of(result, statement.domain.name) == {"en"}
    assert languages_of(report, element.text) == {"en"}
    assert languages_of(report, element.domain.name) == {"en"}
    assert languages_of(report, welsh("360° feedback report")) == {"cy"}


def test_the_capability_pages_in_welsh_mark_the_framework_english(in_welsh, six):
    element = six.statements.get(code="VIS.1")

    overview = in_welsh.get(reverse("portfolio:capabilities") + f"?framework={six.slug}")
    capability = in_welsh.get(reverse("portfolio:capability", args=[element.pk]))

    assert languages_of(overview.content.decode(), element.text) == {"en"}
    assert languages_of(overview.content.decode(), element.domain.name) == {"en"}
    assert languages_of(capability.content.decode(), element.text) == {"en"}
    assert languages_of(capability.content.decode(), welsh("Record some learning")) == {"cy"}


def test_an_entry_a_goal_and_the_plan_in_welsh_mark_the_capabilities_english(in_welsh, alice, six):
    element = six.statements.get(code="VIS.2")
    goal = Goal.objects.create(owner=alice, title="Lead a restructure well")
    goal.statements.add(element)
    entry = LearningEntry.objects.create(
        owner=alice, title="Shadowed a budget round", kind="other", date="2026-11-02"
    )
    entry.statements.add(element)
    PlanItem.objects.create(owner=alice, statement=element, action="Lead the next round")

    entry_page = in_welsh.get(entry.get_absolute_url()).content.decode()
    plan_page = in_welsh.get(reverse("portfolio:plan")).content.decode()
    new_entry = in_welsh.get(reverse("portfolio:entry-new") + f"?statement={element.pk}")
    goal_page = in_welsh.get(reverse("portfolio:goal", args=[goal.pk])).content.decode()

    assert languages_of(entry_page, element.text) == {"en"}
    assert languages_of(entry_page, six.name) == {"en"}
    assert languages_of(plan_page, element.text) == {"en"}
    assert languages_of(plan_page, welsh("Add an item")) == {"cy"}
    assert languages_of(new_entry.content.decode(), element.text) == {"en"}
    assert languages_of(goal_page, element.text) == {"en"}


def test_a_programme_in_english_is_marked_english_on_welsh_pages(in_welsh, twenty_three_things):
    activity = twenty_three_things.activities.order_by("position").first()

    listing = in_welsh.get(reverse("programmes:list")).content.decode()
    page = in_welsh.get(twenty_three_things.get_absolute_url()).content.decode()
    activity_page = in_welsh.get(activity.get_absolute_url()).content.decode()

    assert languages_of(listing, twenty_three_things.name) == {"en"}
    assert languages_of(page, twenty_three_things.name) == {"en"}
    assert languages_of(page, activity.title) == {"en"}
    assert languages_of(activity_page, activity.title) == {"en"}
    assert languages_of(activity_page, activity.steps[0]) == {"en"}
    assert languages_of(activity_page, welsh("What to do")) == {"cy"}


def test_an_event_page_in_welsh_marks_its_programme_english(in_welsh, masterclasses):
    starts = timezone.now() + datetime.timedelta(days=14)
    event = Event.objects.create(
        programme=masterclasses,
        kind=Event.Kind.MASTERCLASS,
        title="Leading through change",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
    )

    page = in_welsh.get(event.get_absolute_url()).content.decode()

    assert languages_of(page, masterclasses.name) == {"en"}
