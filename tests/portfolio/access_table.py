"""Who may use each portfolio URL; merged into tests/test_permissions.py's table.

ACCESS maps a URL name to (method, kwargs, {role: outcome}); see test_permissions.py for
the outcomes. Upper-case string kwargs are placeholders that world() fills in.

A portfolio is private: everything in it belongs to the participant (alice), and anyone
else gets 404 for her rows. Pages without an id show each person their own portfolio.
The one exception is a plan alice shared with bob, and a claim's assessor link, which
works for whoever holds it (it needs no account).
"""

import datetime

from django.core.files.base import ContentFile

from peerpath.accounts.models import hash_token
from peerpath.frameworks.models import Framework, Statement
from peerpath.portfolio.models import (
    Claim,
    ClaimItem,
    Evidence,
    Goal,
    LearningEntry,
    OrganisationObjective,
    PlanItem,
    PlanShare,
    PortfolioExport,
)

ROLES = ["anonymous", "participant", "coordinator", "org_admin", "other_org_admin", "site_admin"]
ASSESSOR_TOKEN = "a-test-assessor-token"


def _each(outcome: str, **exceptions) -> dict:
    return {**dict.fromkeys(ROLES, outcome), **exceptions}


SIGNED_IN = _each("ok", anonymous="login")
SIGNED_IN_BAD_POST = _each("bad-request", anonymous="login")
OWNER = _each("hidden", anonymous="login", participant="ok")
OWNER_ACTION = _each("hidden", anonymous="login", participant="redirect")
OWNER_BAD_POST = _each("hidden", anonymous="login", participant="bad-request")
SHARED_WITH_BOB = _each("hidden", anonymous="login", coordinator="ok")
LINK_HOLDERS = _each("ok")
ORG_ADMINS = _each("forbidden", anonymous="login", org_admin="ok", site_admin="ok")
ORG_ADMIN_ACTIONS = {**ORG_ADMINS, "org_admin": "redirect", "site_admin": "redirect"}

# Downloads, not pages: the accessibility walk skips them.
NOT_PAGES = {
    "portfolio:evidence",
    "portfolio:assess-evidence",
    "portfolio:export-json",
    "portfolio:export-status",
    "portfolio:export-download",
    "portfolio:export-clr",
    "portfolio:statement-search",
}

ENTRY = {"entry_id": "ENTRY"}
EVIDENCE = {"entry_id": "ENTRY", "evidence_id": "EVIDENCE"}

ACCESS: dict = {
    "portfolio:home": ("get", {}, SIGNED_IN),
    "portfolio:timeline": ("get", {}, SIGNED_IN),
    "portfolio:capabilities": ("get", {}, SIGNED_IN),
    # Anyone signed in sees their own evidence for a capability of a published framework.
    "portfolio:capability": ("get", {"statement_id": "STATEMENT"}, SIGNED_IN),
    "portfolio:hours": ("get", {}, SIGNED_IN),
    "portfolio:log": ("get", {}, SIGNED_IN),
    "portfolio:entry-new": ("get", {}, SIGNED_IN),
    "portfolio:entry": ("get", ENTRY, OWNER),
    "portfolio:entry-edit": ("get", ENTRY, OWNER),
    "portfolio:entry-delete": ("get", ENTRY, OWNER),
    # An empty upload is refused with the form again (400); others never see the entry.
    "portfolio:evidence-upload": ("post", ENTRY, OWNER_BAD_POST),
    "portfolio:evidence-link": ("post", ENTRY, OWNER_BAD_POST),
    "portfolio:evidence": ("get", EVIDENCE, OWNER),
    "portfolio:evidence-remove": ("post", EVIDENCE, OWNER_ACTION),
    "portfolio:statement-search": ("get", {}, SIGNED_IN),
    "portfolio:goals": ("get", {}, SIGNED_IN),
    "portfolio:goal-new": ("get", {}, SIGNED_IN),
    "portfolio:goal": ("get", {"goal_id": "GOAL"}, OWNER),
    "portfolio:goal-edit": ("get", {"goal_id": "GOAL"}, OWNER),
    "portfolio:goal-note": ("post", {"goal_id": "GOAL"}, OWNER_BAD_POST),
    "portfolio:goal-delete": ("get", {"goal_id": "GOAL"}, OWNER),
    "portfolio:plan": ("get", {}, SIGNED_IN),
    "portfolio:plan-item-new": ("get", {}, SIGNED_IN),
    "portfolio:plan-item-edit": ("get", {"item_id": "PLAN_ITEM"}, OWNER),
    "portfolio:plan-item-delete": ("get", {"item_id": "PLAN_ITEM"}, OWNER),
    "portfolio:plan-share": ("post", {}, SIGNED_IN_BAD_POST),
    "portfolio:plan-share-withdraw": ("post", {"share_id": "PLAN_SHARE"}, OWNER_ACTION),
    "portfolio:plan-comment": ("post", {}, SIGNED_IN_BAD_POST),
    "portfolio:shared-with-me": ("get", {}, SIGNED_IN),
    "portfolio:shared-plan": ("get", {"share_id": "PLAN_SHARE"}, SHARED_WITH_BOB),
    "portfolio:claims": ("get", {}, SIGNED_IN),
    "portfolio:claim-new": ("get", {}, SIGNED_IN),
    "portfolio:claim": ("get", {"claim_id": "DRAFT_CLAIM"}, OWNER),
    "portfolio:claim-item-remove": (
        "post",
        {"claim_id": "DRAFT_CLAIM", "item_id": "CLAIM_ITEM"},
        OWNER_ACTION,
    ),
    "portfolio:claim-submit": ("get", {"claim_id": "DRAFT_CLAIM"}, OWNER),
    "portfolio:claim-withdraw": ("post", {"claim_id": "DRAFT_CLAIM"}, OWNER_ACTION),
    "portfolio:claim-again": ("post", {"claim_id": "ASSESSED_CLAIM"}, OWNER_ACTION),
    "portfolio:assess": ("get", {"token": "ASSESSOR_TOKEN"}, LINK_HOLDERS),
    "portfolio:assess-evidence": (
        "get",
        {"token": "ASSESSOR_TOKEN", "evidence_id": "EVIDENCE"},
        LINK_HOLDERS,
    ),
    "portfolio:objectives": ("get", {"org_slug": "northfold"}, ORG_ADMINS),
    "portfolio:objective-toggle": (
        "post",
        {"org_slug": "northfold", "objective_id": "OBJECTIVE"},
        ORG_ADMIN_ACTIONS,
    ),
    "portfolio:export": ("get", {}, SIGNED_IN),
    "portfolio:export-json": ("get", {}, SIGNED_IN),
    "portfolio:export-make": ("post", {"kind": "pdf"}, _each("redirect", anonymous="login")),
    "portfolio:export-file": ("get", {"export_id": "EXPORT"}, OWNER),
    "portfolio:export-status": ("get", {"export_id": "EXPORT"}, OWNER),
    "portfolio:export-download": ("get", {"export_id": "EXPORT"}, OWNER),
    # The participant holds a badge (tests/badges/access_table.py awards it), so has a
    # learner record; everyone else is sent back to the export page with a message.
    "portfolio:export-clr": (
        "get",
        {},
        _each("redirect", anonymous="login", participant="ok"),
    ),
    "portfolio:import": ("post", {}, SIGNED_IN_BAD_POST),
    "portfolio:personal-data": ("get", {}, SIGNED_IN),
    "portfolio:erase": ("get", {}, SIGNED_IN),
}


def world(people, org, other_org) -> dict:
    """Alice's portfolio: an entry with a file, a goal, a plan shared with bob, claims."""
    alice, bob = people["participant"], people["coordinator"]
    statement = Statement.objects.get(framework__slug="cpd-standard-wales", code="KS.1")
    entry = LearningEntry.objects.create(
        owner=alice, title="Masterclass", kind="masterclass", date=datetime.date(2026, 3, 2)
    )
    evidence = Evidence(entry=entry, original_name="notes.txt", content_type="text/plain", size=5)
    evidence.file.save("notes.txt", ContentFile(b"notes"), save=True)
    export = PortfolioExport(owner=alice, kind="zip", status="ready", size=2)
    export.file.save("portfolio.zip", ContentFile(b"PK"), save=True)
    objective = OrganisationObjective.objects.create(organisation=org, title="Community hubs")
    goal = Goal.objects.create(owner=alice, title="Lead a restructure well", objective=objective)
    item = PlanItem.objects.create(owner=alice, action="Shadow a head of service")
    share = PlanShare.objects.create(owner=alice, viewer=bob)
    standard = Framework.objects.get(slug="cpd-standard-wales", is_current=True)
    draft = Claim.objects.create(owner=alice, framework=standard)
    claim_item = ClaimItem.objects.create(claim=draft, statement=statement)
    claim_item.entries.set([entry])
    sent = Claim.objects.create(
        owner=alice,
        framework=standard,
        status=Claim.Status.SUBMITTED,
        token_hash=hash_token(ASSESSOR_TOKEN),
        assessor_email="assessor@example.org",
    )
    ClaimItem.objects.create(claim=sent, statement=statement).entries.set([entry])
    assessed = Claim.objects.create(owner=alice, framework=standard, status=Claim.Status.ASSESSED)
    ClaimItem.objects.create(
        claim=assessed, statement=statement, decision=ClaimItem.Decision.RETURNED
    ).entries.set([entry])
    return {
        "ENTRY": entry.pk,
        "STATEMENT": statement.pk,
        "EVIDENCE": evidence.pk,
        "GOAL": goal.pk,
        "EXPORT": export.pk,
        "OBJECTIVE": objective.pk,
        "PLAN_ITEM": item.pk,
        "PLAN_SHARE": share.pk,
        "DRAFT_CLAIM": draft.pk,
        "CLAIM_ITEM": claim_item.pk,
        "ASSESSED_CLAIM": assessed.pk,
        "ASSESSOR_TOKEN": ASSESSOR_TOKEN,
    }
