"""Every main page costs the same number of queries for a few rows as for many.

Each test builds a SMALL amount of what a page lists, counts the page's queries, adds
more until there are LARGE, and counts again: a page whose count grows with its data
has an N+1 query. The portfolio's log, hours, capabilities and timeline pages are
covered in tests/portfolio/test_query_counts.py.
"""

import datetime
import json
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from peerpath.accounts.audit import audit_record
from peerpath.accounts.models import Invitation, Membership, hash_token
from peerpath.accounts.services import profile_set_expertise
from peerpath.assessments.models import SelfEvaluation
from peerpath.badges.services import achievement_ensure, credential_award, credential_revoke
from peerpath.frameworks.formats import read_framework_file
from peerpath.frameworks.models import Statement
from peerpath.frameworks.services import framework_import
from peerpath.mentoring import services as mentoring
from peerpath.mentoring.models import Application, Session
from peerpath.portfolio.services import (
    goal_note_add,
    goal_save,
    learning_entry_save,
    plan_comment_add,
    plan_item_create,
    plan_share,
)
from peerpath.programmes.models import Event, Pathway, PathwayStep, Programme
from peerpath.programmes.services import enrolment_request, module_create, submission_submit
from tests.assessments.builders import feedback_round, finished_evaluation, rater, submitted_answers
from tests.badges.key_pool import pooled_keys
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.mentoring.factories import make_application, make_cohort, make_pair_in, make_scheme
from tests.programmes.conftest import words

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 15


def queries_for(client, url: str, **post) -> int:
    """Queries for one GET of `url` (a POST when given data), with cold caches so that
    cached fragments count too."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, **post) if post else client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(captured)


def assert_constant(client, url: str | Callable[[], str], add, **post) -> None:
    """`add(n)` adds n more of what the page at `url` lists; `url` may be a function,
    asked again once the rows are added."""
    address = url if callable(url) else lambda: url
    add(SMALL)
    queries_for(client, address(), **post)  # a session's first request makes one-off queries
    few = queries_for(client, address(), **post)
    add(LARGE - SMALL)
    many = queries_for(client, address(), **post)
    assert many == few, f"{address()}: {few} queries with {SMALL} rows, {many} with {LARGE}"


def numbered(make):
    """`make(n)` makes the n-th row; returns an `add(count)` that carries on numbering."""
    made = []

    def add(count: int) -> None:
        for _ in range(count):
            made.append(make(len(made)))

    return add


def statement(code: str, framework: str = "six-leadership-capabilities") -> Statement:
    return Statement.objects.get(framework__slug=framework, framework__is_current=True, code=code)


def days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def _fast_keys():
    """Badges are signed with keys made once per run (see tests/badges/key_pool.py)."""
    with pooled_keys():
        yield


# --- signed-in home, profile, organisations ----------------------------------------------


def test_the_home_page_of_a_participant_with_much_of_everything(
    alice, client_for, shipped_frameworks, twenty_three_things, masterclasses
):
    six = shipped_frameworks["six-leadership-capabilities"]
    activities = list(twenty_three_things.activities.filter(tool="").order_by("position"))

    def add_one_of_each(n):
        learning_entry_save(
            owner=alice, title=f"Entry {n}", kind="reading", date=days_ago(n).date()
        )
        goal_save(owner=alice, title=f"Goal {n}", statements=[statement("VIS.1")])
        round = feedback_round(alice, six)
        rater(round, email=f"rater.{n}@example.org")
        submission_submit(activity=activities[n], participant=alice, statement=words(200))
        enrolment_request(
            event=event(masterclasses, n), participant=alice, confirmed_eligibility=True
        )
        credential_award(
            achievement=achievement_ensure(
                key=f"qc.{n}", name=f"Badge {n}", description="", criteria=""
            ),
            recipient=alice,
        )
        SelfEvaluation.objects.create(owner=alice, framework=six)

    assert_constant(client_for(alice), reverse("home"), numbered(add_one_of_each))


def test_the_profile_of_someone_with_many_roles_and_areas_of_expertise(alice, client_for):
    def add_role(n):
        MembershipFactory(user=alice, organisation=OrganisationFactory(), role="coordinator")
        profile_set_expertise(profile=alice.profile, names=[f"Area {i}" for i in range(n + 1)])

    assert_constant(client_for(alice), reverse("accounts:profile"), numbered(add_role))


@pytest.mark.parametrize("url_name", ["orgs:organisation", "orgs:audit-log"])
def test_an_organisations_admin_pages_with_many_members(org, carol, client_for, url_name):
    def add_member(n):
        person = UserFactory(full_name=f"Member {n}")
        MembershipFactory(user=person, organisation=org, role=Membership.Role.PARTICIPANT)
        if n % 3 == 0:
            MembershipFactory(user=person, organisation=org, role=Membership.Role.COORDINATOR)
        Invitation.objects.create(
            organisation=org,
            email=f"invited.{n}@example.org",
            role=Membership.Role.PARTICIPANT,
            token_hash=hash_token(f"token-{n}"),
            expires_at=Invitation.default_expiry(),
            invited_by=carol,
        )
        org_framework(org, f"values-{n}")
        audit_record(
            actor=carol, action="role.removed", summary="Removed", organisation=org, subject=person
        )

    url = reverse(url_name, kwargs={"org_slug": org.slug})
    assert_constant(client_for(carol), url, numbered(add_member))


# --- frameworks --------------------------------------------------------------------------


def org_framework(owner, slug: str, *, domains: int = 2, version: str = "1", publish=False):
    """A small framework of the organisation's: `domains` domains of three statements."""
    rows = ["domain_code,domain_name,statement_code,statement_text"]
    for d in range(domains):
        rows += [f"D{d},Domain {d},D{d}.{s},Statement {d}.{s}" for s in range(3)]
    data, _fmt = read_framework_file(
        f"{slug}.csv",
        "\n".join(rows).encode(),
        overrides={"slug": slug, "name": slug.title(), "version": version},
    )
    return framework_import(data=data, owner=owner, publish=publish).framework


@pytest.mark.parametrize("url_name", ["frameworks:list", "api:list_frameworks"])
def test_the_framework_list_with_many_frameworks(org, carol, client_for, url_name):
    def add_framework(n):
        org_framework(org, f"published-{n}", publish=True)
        org_framework(org, f"draft-{n}")

    assert_constant(client_for(carol), reverse(url_name), numbered(add_framework))


@pytest.mark.parametrize("url_name", ["frameworks:version", "api:get_framework"])
def test_a_framework_with_many_versions_and_items(org, client_for, alice, url_name):
    """Versions are immutable, so `add` publishes newer ones, each bigger than the last."""
    versions = []

    def add_versions(count):
        for _ in range(count):
            n = len(versions) + 1
            versions.append(org_framework(org, "values", domains=n, version=str(n), publish=True))

    def newest():
        return reverse(url_name, kwargs={"slug": "values", "version": versions[-1].version})

    assert_constant(client_for(alice), newest, add_versions)


# --- portfolio: goals, plan and the learning log's API ----------------------------------


@pytest.mark.parametrize(
    "url_name",
    ["portfolio:goals", "portfolio:plan", "portfolio:home", "api:list_entries", "api:hours"],
)
def test_a_portfolio_with_many_goals_and_plan_items(
    alice, bob, client_for, shipped_frameworks, url_name
):
    plan_share(owner=alice, email=bob.email)

    def add_goal_and_item(n):
        links = [statement("VIS.1"), statement("KS.1", "cpd-standard-wales")]
        goal = goal_save(owner=alice, title=f"Goal {n}", statements=links)
        goal_note_add(goal=goal, text=f"Progress {n}")
        item = plan_item_create(owner=alice, action=f"Action {n}", statement=links[n % 2])
        plan_comment_add(plan_owner=alice, author=bob, item=item, text=f"Comment {n}")
        learning_entry_save(
            owner=alice,
            title=f"Entry {n}",
            kind="reading",
            date=days_ago(n).date(),
            statements=links,
        )

    assert_constant(client_for(alice), reverse(url_name), numbered(add_goal_and_item))


# --- self-evaluation and 360° feedback ---------------------------------------------------


@pytest.mark.parametrize(
    "url_name", ["assessments:home", "assessments:result", "api:list_evaluations"]
)
def test_self_evaluations_with_many_past_evaluations(
    alice, client_for, shipped_frameworks, url_name
):
    six = shipped_frameworks["six-leadership-capabilities"]
    cld = shipped_frameworks["cld-peer-self-evaluation"]
    latest = finished_evaluation(alice, six, default=4)

    def add_evaluation(n):
        finished_evaluation(alice, six, {"VIS.1": 1 + n % 4}, when=days_ago(n + 1))
        finished_evaluation(alice, cld, when=days_ago(n + 1))
        SelfEvaluation.objects.create(owner=alice, framework=cld)

    kwargs = {"evaluation_id": latest.pk} if url_name == "assessments:result" else {}
    assert_constant(client_for(alice), reverse(url_name, kwargs=kwargs), numbered(add_evaluation))


GROUPS = ["peer", "direct-report", "line-manager", "other"]


@pytest.mark.parametrize("url_name", ["assessments:round", "assessments:report"])
def test_a_360_round_with_many_raters(alice, client_for, shipped_frameworks, url_name):
    six = shipped_frameworks["six-leadership-capabilities"]
    status = {"assessments:round": "open", "assessments:report": "closed"}[url_name]
    round = feedback_round(alice, six, status=status)
    codes = list(Statement.objects.filter(framework=six).values_list("code", flat=True))

    def add_rater(n):
        group = GROUPS[n % len(GROUPS)]
        rater(round, email=f"rater.{n}@example.org", group=group)
        values = {code: 1 + (n + i) % 4 for i, code in enumerate(codes)}
        submitted_answers(round, group, values, comments={"VIS": f"Comment {n}", None: "Well"})

    url = reverse(url_name, kwargs={"round_id": round.pk})
    assert_constant(client_for(alice), url, numbered(add_rater))


@pytest.mark.parametrize("url_name", ["assessments:rounds", "api:list_rounds", "home"])
def test_many_360_rounds(alice, client_for, shipped_frameworks, url_name):
    six = shipped_frameworks["six-leadership-capabilities"]

    def add_round(n):
        round = feedback_round(alice, six)
        rater(round, email=f"rater.{n}@example.org", group=GROUPS[n % len(GROUPS)])
        submitted_answers(round, "peer", {"VIS.1": 3})

    assert_constant(client_for(alice), reverse(url_name), numbered(add_round))


# --- mentoring ---------------------------------------------------------------------------


@pytest.fixture
def scheme(org, bob, shipped_frameworks):
    return make_scheme(
        org, bob, evaluation_framework=shipped_frameworks["six-leadership-capabilities"]
    )


@pytest.fixture
def cohort(scheme):
    return make_cohort(scheme)


def logged_session(pairing, n: int, *, by, themes=()) -> Session:
    session = Session(pairing=pairing, starts_at=days_ago(100 - n), own_themes=f"Theme {n}")
    return mentoring.session_log(session=session, by=by, themes=list(themes), notes="Private")


@pytest.mark.parametrize(
    "url_name", ["mentoring:pairing", "mentoring:pair-export", "api:my_sessions"]
)
def test_a_pairs_pages_with_many_sessions(alice, client_for, cohort, url_name):
    pairing = make_pair_in(cohort, alice)
    themes = [statement("VIS.1"), statement("SELF.2")]

    def add_session(n):
        session = logged_session(pairing, n, by=pairing.mentor, themes=themes)
        if n % 2:
            mentoring.session_confirm(session=session, by=alice)
            mentoring.check_in_record(session=session, person=alice, usefulness=4)

    url = reverse(url_name, kwargs={"pairing_id": pairing.pk})
    assert_constant(client_for(alice), url, numbered(add_session))


@pytest.mark.parametrize("url_name", ["mentoring:home", "home", "api:my_pairings"])
def test_a_mentors_pages_with_many_pairings(scheme, client_for, url_name):
    mentor = make_application(make_cohort(scheme, name="Mentors"), "mentor").applicant

    def add_pairing(n):
        pairing = make_pair_in(make_cohort(scheme, name=f"Round {n}"), mentor_user=mentor)
        logged_session(pairing, n, by=pairing.mentee)

    assert_constant(client_for(mentor), reverse(url_name), numbered(add_pairing))


@pytest.mark.parametrize(
    "url_name", ["mentoring:home", "home", "mentoring:scheme-manage", "mentoring:scheme"]
)
def test_a_coordinators_pages_with_many_rounds(scheme, bob, client_for, url_name):
    def add_round(n):
        cohort = make_cohort(scheme, name=f"Round {n}", phase="applications")
        make_application(cohort, "mentee", status=Application.Status.SUBMITTED)

    url = reverse(url_name, kwargs={"slug": scheme.slug} if "scheme" in url_name else {})
    assert_constant(client_for(bob), url, numbered(add_round))


@pytest.mark.parametrize(
    "url_name",
    [
        "mentoring:cohort",
        "mentoring:applications",
        "mentoring:training",
        "mentoring:matching",
        "mentoring:outcomes",
    ],
)
def test_a_round_with_many_applications(cohort, bob, client_for, url_name):
    def add_applicants(count):
        """Per mentor, two mentees (one left out by the optimiser) and one undecided."""
        for _ in range(count):
            make_application(cohort, "mentor", topics=["Budgeting"], capacity=1)
            make_application(cohort, "mentee", topics=["Budgeting"])
            make_application(cohort, "mentee", topics=["Budgeting"])
            make_application(cohort, "mentee", status=Application.Status.SUBMITTED)
        mentoring.match_run(cohort=cohort, by=bob)

    url = reverse(url_name, kwargs={"cohort_id": cohort.pk})
    assert_constant(client_for(bob), url, add_applicants)


@pytest.mark.parametrize(
    "url_name", ["mentoring:pairs", "mentoring:outcomes", "mentoring:export", "api:pair_health"]
)
def test_a_round_with_many_pairs(cohort, bob, client_for, url_name):
    def add_pair(n):
        pairing = make_pair_in(cohort)
        session = logged_session(pairing, n, by=pairing.mentor)
        mentoring.session_confirm(session=session, by=pairing.mentee)
        mentoring.check_in_record(session=session, person=pairing.mentee, usefulness=3)

    url = reverse(url_name, kwargs={"cohort_id": cohort.pk})
    assert_constant(client_for(bob), url, numbered(add_pair))


def test_a_mentees_shortlist_with_many_mentors(scheme, alice, client_for):
    cohort = make_cohort(scheme, allow_shortlist=True, shortlist_size=LARGE)
    mentee = make_application(cohort, "mentee", user=alice, topics=["Budgeting"])

    def add_mentors(count):
        for _ in range(count):
            make_application(cohort, "mentor", topics=["Budgeting"])
        mentee.shortlist.update(released_at=timezone.now())  # a new list, of them all
        mentoring.shortlist_build(mentee=mentee)

    url = reverse("mentoring:shortlist", kwargs={"cohort_id": cohort.pk})
    assert_constant(client_for(alice), url, add_mentors)


# --- programmes --------------------------------------------------------------------------


def event(programme, n: int) -> Event:
    """The n-th event of the programme, in a module of its own, n weeks ahead."""
    starts = timezone.now() + datetime.timedelta(weeks=n + 1)
    return Event.objects.create(
        programme=programme,
        module=module_create(programme=programme, title=f"Module {n}"),
        kind=Event.Kind.MASTERCLASS,
        title=f"Masterclass {n}",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        capacity=1,
    )


@pytest.mark.parametrize(
    "url_name",
    [
        "programmes:list",
        "programmes:detail",
        "programmes:manage",
        "api:list_programmes",
        "api:my_events",
    ],
)
def test_programmes_with_many_events_and_people(
    org, alice, bob, client_for, masterclasses, url_name
):
    def add_programme_and_event(n):
        Programme.objects.create(
            slug=f"programme-{n}",
            name=f"Programme {n}",
            kind=Programme.Kind.STRUCTURED if n % 2 else Programme.Kind.SELF_PACED,
            owner=org if n % 3 else None,
            status=Programme.Status.PUBLISHED,
        )
        session = event(masterclasses, n)
        enrolment_request(event=session, participant=alice, confirmed_eligibility=True)
        someone = UserFactory()
        MembershipFactory(user=someone, organisation=org)
        enrolment_request(event=session, participant=someone, confirmed_eligibility=True)

    person = bob if url_name == "programmes:manage" else alice
    one = url_name in {"programmes:detail", "programmes:manage"}
    url = reverse(url_name, kwargs={"slug": masterclasses.slug} if one else {})
    assert_constant(client_for(person), url, numbered(add_programme_and_event))


@pytest.mark.parametrize("url_name", ["programmes:detail", "api:my_progress"])
def test_a_participants_progress_through_many_activities(
    alice, client_for, twenty_three_things, url_name
):
    activities = list(twenty_three_things.activities.filter(tool="").order_by("position"))

    def hand_in(n):
        submission_submit(activity=activities[n], participant=alice, statement=words(400))

    url = reverse(url_name, kwargs={"slug": twenty_three_things.slug})
    assert_constant(client_for(alice), url, numbered(hand_in))


def test_a_pathway_with_many_steps_and_capabilities(alice, client_for, shipped_frameworks):
    six = shipped_frameworks["six-leadership-capabilities"]
    statements = list(
        Statement.objects.filter(framework=six).order_by("domain__position", "position")
    )
    pathway = Pathway.objects.create(slug="many-steps", name="Many steps")

    def add_step(n):
        step = PathwayStep.objects.create(pathway=pathway, position=n, title=f"Step {n}")
        step.statements.set(statements[n % len(statements) : n % len(statements) + 2])

    url = reverse("programmes:pathway", kwargs={"pathway_slug": pathway.slug})
    assert_constant(client_for(alice), url, numbered(add_step))


# --- badges ------------------------------------------------------------------------------


def award(org, recipient, n: int, *, statements=()):
    achievement = achievement_ensure(
        key=f"northfold.{n}",
        name=f"Masterclass {n}",
        description="Took part in a masterclass.",
        criteria="Attended and reflected.",
        issuer=org,
        statements=statements,
    )
    return credential_award(achievement=achievement, recipient=recipient)


@pytest.mark.parametrize("url_name", ["badges:home", "api:my_badges", "home"])
def test_someone_with_many_badges(org, alice, client_for, shipped_frameworks, url_name):
    def add_badge(n):
        credential = award(org, alice, n, statements=[statement("VIS.1"), statement("SELF.2")])
        if n % 4 == 0:
            credential_revoke(credential=credential, reason="Awarded in error")

    assert_constant(client_for(alice), reverse(url_name), numbered(add_badge))


@pytest.fixture
def alices_badge(org, alice):
    return award(org, alice, 0)


def others_badges(org):
    """An `add` of badges from the same issuer to other people, every other one revoked."""

    def add_badge(n):
        other = award(org, UserFactory(), n + 1)
        if n % 2:
            credential_revoke(credential=other, reason="Awarded in error")

    return numbered(add_badge)


@pytest.mark.parametrize("url_name", ["badges:credential", "badges:issuer", "badges:issuer-manage"])
def test_a_badge_and_its_issuer_with_many_other_badges(
    org, carol, client_for, alices_badge, url_name
):
    if url_name == "badges:credential":
        url = reverse(url_name, kwargs={"credential_uuid": alices_badge.uuid})
    else:
        url = reverse(url_name, kwargs={"issuer_uuid": alices_badge.issuer.uuid})
    assert_constant(client_for(carol), url, others_badges(org))


def test_checking_a_badge_of_an_issuer_with_many_other_badges(org, client, alices_badge):
    """Anyone can check a badge; the issuer's other badges must not slow that down."""
    body = {"data": json.dumps(alices_badge.signed_json), "content_type": "application/json"}
    assert_constant(client, reverse("badges:verify-api"), others_badges(org), **body)
