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

from peerpath.assessments.models import FeedbackRound, SelfEvaluation, Share
from peerpath.badges.services import achievement_ensure, credential_award
from peerpath.frameworks.models import Framework
from peerpath.portfolio.models import Claim, Goal, LearningEntry, PlanItem
from peerpath.programmes.models import Event, Pathway, PathwayStep, Submission
from tests.assessments import builders
from tests.badges.key_pool import pooled_keys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class TextLanguages(HTMLParser):
    """Each piece of text on a page with the language it is in: its nearest lang."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str | None, set[str]]] = []

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
            self.texts.append((" ".join(data.split()), self.open[-1][1], tags))


def languages_of(page: str, text: str, within: str = "html") -> set[str | None]:
    """The languages the page says `text` is in, wherever it appears (inside a `within`
    element, when the page has it elsewhere too)."""
    parser = TextLanguages()
    parser.feed(page)
    found = {lang for piece, lang, tags in parser.texts if text in piece and within in tags}
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


def test_the_home_page_in_welsh_names_the_frameworks_in_english(in_welsh, alice, framework):
    SelfEvaluation.objects.create(owner=alice, framework=framework)

    page = in_welsh.get(reverse("home")).content.decode()

    assert languages_of(page, framework.name) == {"en"}
    assert languages_of(page, welsh("Your organisations")) == {"cy"}
    assert languages_of(page, welsh("Self-evaluation and feedback")) == {"cy"}


def test_the_self_evaluation_page_in_welsh_names_the_frameworks_in_english(
    in_welsh, alice, framework
):
    SelfEvaluation.objects.create(owner=alice, framework=framework)
    builders.finished_evaluation(alice, framework)

    page = in_welsh.get(reverse("assessments:home")).content.decode()

    assert languages_of(page, framework.name) == {"en"}
    assert languages_of(page, welsh("Carry on where you left off")) == {"cy"}
    assert languages_of(page, welsh("Start a self-evaluation")) == {"cy"}
    assert languages_of(page, welsh("See results")) == {"cy"}


def test_one_self_evaluation_in_welsh_names_its_framework_in_english(in_welsh, alice, framework):
    evaluation = SelfEvaluation.objects.create(owner=alice, framework=framework)
    pages = [
        reverse("assessments:evaluation", args=[evaluation.pk]),
        reverse("assessments:start", args=[framework.slug]),
        reverse("assessments:finish", args=[evaluation.pk]),
        reverse("assessments:discard", args=[evaluation.pk]),
    ]

    for url in pages:
        page = in_welsh.get(url).content.decode()
        assert languages_of(page, framework.name) == {"en"}, url
    discard = in_welsh.get(pages[-1]).content.decode()
    assert languages_of(discard, welsh("Yes, delete it")) == {"cy"}
    statement = framework.statements.order_by("pk").first()
    for url in pages[0], pages[2]:
        page = in_welsh.get(url).content.decode()
        assert languages_of(page, statement.domain.name) == {"en"}, url
    finish = in_welsh.get(pages[2]).content.decode()
    assert languages_of(finish, statement.text) == {"en"}
    assert languages_of(finish, welsh("Check and finish"), within="h1") == {"cy"}


def test_sharing_an_evaluation_in_welsh_names_its_framework_in_english(
    client, alice, bob, framework
):
    evaluation = builders.finished_evaluation(alice, framework)
    Share.objects.create(owner=alice, shared_with=bob, relationship="mentor", evaluation=evaluation)
    client.cookies["django_language"] = "cy"

    client.force_login(alice)
    share = client.get(reverse("assessments:share", args=[evaluation.pk])).content.decode()
    client.force_login(bob)
    shared = client.get(reverse("assessments:shared-with-me")).content.decode()

    assert languages_of(share, framework.name) == {"en"}
    assert languages_of(share, welsh("Who can see it")) == {"cy"}
    assert languages_of(shared, framework.name) == {"en"}
    assert languages_of(shared, welsh("You are their")) == {"cy"}


def test_the_organisational_self_assessment_in_welsh_names_frameworks_in_english(
    client, carol, org
):
    workplace = builders.organisation_framework(org)
    SelfEvaluation.objects.create(owner=carol, organisation=org, framework=workplace)
    builders.finished_evaluation(carol, workplace, organisation=org)
    client.force_login(carol)
    client.cookies["django_language"] = "cy"

    page = client.get(reverse("assessments:organisation", args=[org.slug])).content.decode()

    assert languages_of(page, workplace.name) == {"en"}
    assert languages_of(page, welsh("Start an assessment")) == {"cy"}


def test_the_360_rounds_in_welsh_name_their_framework_in_english(in_welsh, alice, six):
    round = builders.feedback_round(alice, six)

    rounds = in_welsh.get(reverse("assessments:rounds")).content.decode()
    page = in_welsh.get(round.get_absolute_url()).content.decode()

    assert languages_of(rounds, six.name) == {"en"}
    assert languages_of(rounds, welsh("Your rounds")) == {"cy"}
    assert languages_of(page, six.name) == {"en"}
    assert languages_of(page, welsh("360° feedback")) == {"cy"}


def test_a_rater_in_welsh_is_told_the_framework_in_english(client, alice, six):
    round = builders.feedback_round(alice, six)
    _rater, token = builders.rater(round)
    client.cookies["django_language"] = "cy"

    page = client.get(reverse("assessments:respond", args=[token])).content.decode()

    assert languages_of(page, six.name) == {"en"}
    assert languages_of(page, welsh("Who will see your answers")) == {"cy"}


def test_claims_in_welsh_name_their_standard_in_english(in_welsh, alice, framework):
    claim = Claim.objects.create(owner=alice, framework=framework)

    claims = in_welsh.get(reverse("portfolio:claims")).content.decode()
    page = in_welsh.get(claim.get_absolute_url()).content.decode()

    assert languages_of(claims, framework.name) == {"en"}
    assert languages_of(claims, welsh("Start a claim")) == {"cy"}
    assert languages_of(page, framework.name, within="h1") == {"en"}
    assert languages_of(page, welsh("Items claimed")) == {"cy"}


def test_hours_in_welsh_head_each_framework_in_english(in_welsh, alice, six):
    entry = LearningEntry.objects.create(
        owner=alice, title="Shadowed a budget round", kind="other", date="2026-11-02", hours=2
    )
    entry.statements.add(six.statements.get(code="VIS.1"))

    page = in_welsh.get(reverse("portfolio:hours")).content.decode()

    assert languages_of(page, six.name) == {"en"}
    assert languages_of(page, six.statements.get(code="VIS.1").domain.name) == {"en"}
    assert languages_of(page, six.statements.get(code="VIS.1").text) == {"en"}
    assert languages_of(page, welsh("By capability")) == {"cy"}


def test_a_badge_in_welsh_lists_its_capabilities_in_english(in_welsh, alice, six):
    element = six.statements.get(code="VIS.1")
    with pooled_keys():
        achievement = achievement_ensure(
            key="test.vision",
            name="Vision",
            description="Set out a vision.",
            criteria="A reflection.",
            statements=[element],
        )
        credential = credential_award(achievement=achievement, recipient=alice)

    for url in (achievement.get_absolute_url(), credential.get_absolute_url()):
        page = in_welsh.get(url).content.decode()
        assert languages_of(page, element.text) == {"en"}, url
        assert languages_of(page, six.name) == {"en"}, url
        assert languages_of(page, welsh("How it is earned")) == {"cy"}, url


@pytest.fixture
def handed_in(alice, twenty_three_things):
    """Alice's work for Thing 1, waiting for a coordinator of her organisation."""
    activity = twenty_three_things.activities.order_by("position").first()
    return Submission.objects.create(
        activity=activity,
        participant=alice,
        status=Submission.Status.SUBMITTED,
        statement="What I learned about leadership.",
        submitted_at=timezone.now(),
    )


def test_work_waiting_for_review_in_welsh_names_the_programme_in_english(
    client, bob, handed_in, twenty_three_things
):
    client.force_login(bob)
    client.cookies["django_language"] = "cy"

    waiting = client.get(reverse("programmes:reviews")).content.decode()
    review = client.get(reverse("programmes:review", args=[handed_in.pk])).content.decode()

    assert languages_of(waiting, twenty_three_things.name) == {"en"}
    assert languages_of(waiting, handed_in.activity.label) == {"en"}
    assert languages_of(waiting, welsh("Handed in")) == {"cy"}
    assert languages_of(review, twenty_three_things.name) == {"en"}
    assert languages_of(review, handed_in.activity.label, within="h1") == {"en"}
    assert languages_of(review, handed_in.participant.full_name, within="h1") == {"cy"}
    assert languages_of(review, welsh("Save decision")) == {"cy"}


def test_an_activity_in_welsh_leads_back_to_its_programme_in_english(in_welsh, twenty_three_things):
    activity = twenty_three_things.activities.order_by("position").first()

    page = in_welsh.get(activity.get_absolute_url()).content.decode()

    assert languages_of(page, twenty_three_things.name, within="nav") == {"en"}
    assert languages_of(page, welsh("Programmes"), within="nav") == {"cy"}


def test_an_activity_and_a_pathway_in_welsh_list_their_capabilities_in_english(
    in_welsh, twenty_three_things
):
    activity = (
        twenty_three_things.activities.exclude(badge_name="")
        .filter(statements__isnull=False)
        .order_by("position")
        .first()
    )
    statement = activity.statements.order_by("pk").first()
    pathway = Pathway.objects.create(slug="welsh-pathway", name="Llwybr")
    step = PathwayStep.objects.create(pathway=pathway, position=1, title="Cam", activity=activity)
    step.statements.add(statement)

    page = in_welsh.get(activity.get_absolute_url()).content.decode()
    assert languages_of(page, statement.text) == {"en"}
    assert languages_of(page, activity.badge_name) == {"en"}
    assert languages_of(page, welsh("Capabilities it develops")) == {"cy"}

    page = in_welsh.get(reverse("programmes:pathway", args=[pathway.slug])).content.decode()
    assert languages_of(page, statement.text) == {"en"}
    assert languages_of(page, statement.domain.name) == {"en"}
    assert languages_of(page, welsh("Capabilities it covers")) == {"cy"}


def test_in_english_the_framework_and_programme_names_are_not_marked_apart(
    client, alice, bob, framework, six, handed_in, twenty_three_things
):
    SelfEvaluation.objects.create(owner=alice, framework=framework)
    builders.finished_evaluation(alice, framework)
    builders.feedback_round(alice, six)
    Claim.objects.create(owner=alice, framework=framework)
    client.force_login(alice)
    pages = {
        url: client.get(url).content.decode()
        for url in (
            reverse("home"),
            reverse("assessments:home"),
            reverse("assessments:rounds"),
            reverse("portfolio:claims"),
        )
    }
    client.force_login(bob)
    pages["reviews"] = client.get(reverse("programmes:reviews")).content.decode()

    for url, page in pages.items():
        assert 'lang="en"' not in page, url
    for url in (reverse("home"), reverse("assessments:home"), reverse("portfolio:claims")):
        assert languages_of(pages[url], framework.name) == {"en-GB"}, url
    assert languages_of(pages[reverse("assessments:rounds")], six.name) == {"en-GB"}
    assert languages_of(pages["reviews"], twenty_three_things.name) == {"en-GB"}
