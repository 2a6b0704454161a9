"""Shared fixtures: named people in named roles, as healthchecks' tests do.

alice is a participant, bob a coordinator and carol the admin of Northfold Libraries;
dan administers another organisation; erin is a site admin. Tests read as sentences
about them.
"""

import os

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from peerpath.accounts.models import Invitation, Membership, hash_token
from peerpath.frameworks.formats import read_framework_file
from peerpath.frameworks.services import framework_import
from peerpath.frameworks.shipped import load_shipped_frameworks
from peerpath.programmes.models import Activity, Programme
from peerpath.programmes.shipped import load_shipped_programmes
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

# Playwright drives the browser from an event loop in the test thread; Django's ORM
# refuses to run there unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROLES = ["anonymous", "participant", "coordinator", "org_admin", "other_org_admin", "site_admin"]


@pytest.fixture(autouse=True)
def _language_reset_after_each_test():
    """A request in Welsh leaves Welsh active in this thread; the next test starts in English."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Nothing a test cached (keyed by ids the next test's database reuses) outlives it."""
    yield
    cache.clear()


@pytest.fixture
def org(db):
    return OrganisationFactory(name="Northfold Libraries", slug="northfold")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Lough Carra Library Service", slug="lough-carra")


@pytest.fixture
def alice(org):
    user = UserFactory(email="alice@example.org", full_name="Alice Participant")
    MembershipFactory(user=user, organisation=org, role=Membership.Role.PARTICIPANT)
    return user


@pytest.fixture
def bob(org):
    user = UserFactory(email="bob@example.org", full_name="Bob Coordinator")
    MembershipFactory(user=user, organisation=org, role=Membership.Role.COORDINATOR)
    return user


@pytest.fixture
def carol(org):
    user = UserFactory(email="carol@example.org", full_name="Carol Admin")
    MembershipFactory(user=user, organisation=org, role=Membership.Role.ORG_ADMIN)
    return user


@pytest.fixture
def dan(other_org):
    user = UserFactory(email="dan@example.org", full_name="Dan Elsewhere")
    MembershipFactory(user=user, organisation=other_org, role=Membership.Role.ORG_ADMIN)
    return user


@pytest.fixture
def erin(db):
    return UserFactory(
        email="erin@example.org", full_name="Erin Siteadmin", is_staff=True, is_superuser=True
    )


@pytest.fixture
def people(alice, bob, carol, dan, erin):
    """Every named role, keyed as in ROLES (anonymous is None)."""
    return {
        "anonymous": None,
        "participant": alice,
        "coordinator": bob,
        "org_admin": carol,
        "other_org_admin": dan,
        "site_admin": erin,
    }


@pytest.fixture
def client_for():
    def make(user) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def shipped_frameworks(db):
    return {outcome.framework.slug: outcome.framework for outcome in load_shipped_frameworks()}


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab; `page.base_url` is the live server's address."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.base_url = live_server.url
    yield tab
    context.close()


@pytest.fixture
def sign_in(page):
    """Sign a person in through the real form, as they would."""
    from tests.factories import TEST_PASSWORD

    def do(user, password=TEST_PASSWORD):
        page.goto("/accounts/sign-in/")
        page.get_by_label("Email address").fill(user.email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/sign-in/" not in url)

    return do


def permission_tables():
    from tests.test_permissions import APP_TABLES

    return APP_TABLES


@pytest.fixture
def world(people, org, other_org, shipped_frameworks):
    """What the table's URLs point at: a pending invitation, a role, a draft framework."""
    invitation = Invitation.objects.create(
        organisation=org,
        email="newcomer@example.org",
        role=Membership.Role.PARTICIPANT,
        token_hash=hash_token("PENDING"),
        expires_at=Invitation.default_expiry(),
    )
    membership = Membership.objects.get(user=people["participant"], organisation=org)
    content = (
        b"domain_code,domain_name,statement_code,statement_text\n"
        b"VAL,Our values,VAL.1,We listen first\n"
    )
    data, _fmt = read_framework_file(
        "values.csv",
        content,
        overrides={"slug": "northfold-values", "name": "Northfold values", "version": "1"},
    )
    framework_import(data=data, owner=org, publish=False)
    from peerpath.accounts.services import api_token_create

    token, _raw = api_token_create(user=people["participant"], name="Reports")
    placeholders = {"INVITATION": invitation.pk, "MEMBERSHIP": membership.pk, "TOKEN": token.pk}
    for table in permission_tables():
        added = table.world(people, org, other_org)
        clashes = placeholders.keys() & added.keys()
        assert not clashes, f"{table.__name__} reuses placeholder names {sorted(clashes)}"
        placeholders.update(added)
    return placeholders


# --- programmes, used by the programme tests and the query-count tests ------------------
@pytest.fixture
def twenty_three_things(shipped_frameworks):
    load_shipped_programmes()
    return Programme.objects.get(slug="23-things-elc-leadership")


@pytest.fixture
def masterclasses(org):
    """Northfold's masterclass series: attend 2 events and write a reflection to complete."""
    programme = Programme.objects.create(
        slug="masterclasses",
        name="Leadership masterclasses",
        kind=Programme.Kind.STRUCTURED,
        owner=org,
        status=Programme.Status.PUBLISHED,
        completion_attendance=2,
        completion_activities=1,
    )
    Activity.objects.create(
        programme=programme, code="reflection", position=1, title="Reflection", min_words=50
    )
    return programme
