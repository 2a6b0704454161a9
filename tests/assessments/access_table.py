"""Who may use each assessments URL; merged into tests/test_permissions.py's table.

ACCESS maps a URL name to (method, kwargs, {role: outcome}); see test_permissions.py for
the outcomes. Upper-case string kwargs are placeholders that world() fills in.

The world belongs to alice (participant). Self-evaluations, rounds and reports are hers
alone: every other role, coordinators and admins included, is told they do not exist.
Her evaluation is shared with a mentor who holds none of the table's roles, so sharing
never leaks to anyone else. Rater links work for anyone holding the token.
"""

from peerpath.accounts.models import User
from peerpath.assessments.models import FeedbackRound, SelfEvaluation, Share
from peerpath.frameworks.models import Framework
from tests.factories import UserFactory

from . import builders

ROLES = ["anonymous", "participant", "coordinator", "org_admin", "other_org_admin", "site_admin"]
SIGNED_IN = {**dict.fromkeys(ROLES, "ok"), "anonymous": "login"}
EVERYONE = dict.fromkeys(ROLES, "ok")
ALICE_ONLY = {**dict.fromkeys(ROLES, "hidden"), "anonymous": "login", "participant": "ok"}
ALICE_ACTS = {**ALICE_ONLY, "participant": "redirect"}
NOBODY_HERE = {**dict.fromkeys(ROLES, "hidden"), "anonymous": "login"}
ORG_ADMINS = {
    "anonymous": "login",
    "participant": "forbidden",
    "coordinator": "forbidden",
    "org_admin": "ok",
    "other_org_admin": "forbidden",
    "site_admin": "ok",
}
ORGANISATION_EDITORS = {**NOBODY_HERE, "org_admin": "redirect", "site_admin": "redirect"}

FINISHED = {"evaluation_id": "EVALUATION"}
UNFINISHED = {"evaluation_id": "UNFINISHED"}
OPEN = {"round_id": "OPEN_ROUND"}
CLOSED = {"round_id": "CLOSED_ROUND"}
NORTHFOLD = {"org_slug": "northfold"}

# Downloads rather than pages: the accessibility walk skips them.
NOT_PAGES = {"assessments:report-pdf"}

ACCESS: dict = {
    "assessments:home": ("get", {}, SIGNED_IN),
    "assessments:start": ("get", {"slug": "cld-peer-self-evaluation"}, SIGNED_IN),
    "assessments:shared-with-me": ("get", {}, SIGNED_IN),
    "assessments:evaluation": ("get", UNFINISHED, ALICE_ONLY),
    "assessments:domain": ("get", {**UNFINISHED, "code": "LEAD"}, ALICE_ONLY),
    "assessments:finish": ("get", UNFINISHED, ALICE_ONLY),
    "assessments:discard": ("get", UNFINISHED, ALICE_ONLY),
    "assessments:result": ("get", FINISHED, ALICE_ONLY),
    "assessments:share": ("get", FINISHED, ALICE_ONLY),
    "assessments:plan": ("get", FINISHED, ALICE_ONLY),
    "assessments:share-withdraw": ("post", {"share_id": "EVALUATION_SHARE"}, ALICE_ACTS),
    "assessments:share-comment": ("post", {"share_id": "EVALUATION_SHARE"}, NOBODY_HERE),
    "assessments:add-contributor": (
        "post",
        {"evaluation_id": "ORGANISATION_EVALUATION"},
        ORGANISATION_EDITORS,
    ),
    "assessments:organisation": ("get", NORTHFOLD, ORG_ADMINS),
    "assessments:organisation-start": (
        "get",
        {**NORTHFOLD, "slug": "supportive-workplace"},
        ORG_ADMINS,
    ),
    "assessments:anonymity": ("get", NORTHFOLD, ORG_ADMINS),
    "assessments:rounds": ("get", {}, SIGNED_IN),
    "assessments:round-new": ("get", {}, SIGNED_IN),
    "assessments:round": ("get", OPEN, ALICE_ONLY),
    "assessments:round-raters": ("get", OPEN, ALICE_ONLY),
    "assessments:round-launch": ("post", OPEN, ALICE_ACTS),
    "assessments:round-remind": ("post", OPEN, ALICE_ACTS),
    "assessments:round-last-day": ("get", OPEN, ALICE_ONLY),
    "assessments:round-close": ("get", OPEN, ALICE_ONLY),
    "assessments:round-discard": ("post", OPEN, ALICE_ACTS),
    "assessments:report": ("get", CLOSED, ALICE_ONLY),
    "assessments:report-pdf": ("get", CLOSED, ALICE_ONLY),
    "assessments:share-report": ("get", CLOSED, ALICE_ONLY),
    "assessments:report-plan": ("get", CLOSED, ALICE_ONLY),
    # Rater links: no account needed; the token is the key.
    "assessments:respond": ("get", {"token": "RATER_TOKEN"}, EVERYONE),
    "assessments:respond-section": ("get", {"token": "RATER_TOKEN", "code": "VIS"}, EVERYONE),
    "assessments:respond-finish": ("get", {"token": "RATER_TOKEN"}, EVERYONE),
}


def world(people, org, other_org) -> dict:
    """Create what this app's URLs point at; return placeholder → value."""
    alice = people["participant"]
    cld = Framework.objects.get(slug="cld-peer-self-evaluation", is_current=True)
    six = Framework.objects.get(slug="six-leadership-capabilities", is_current=True)
    finished = builders.finished_evaluation(alice, cld)
    unfinished = SelfEvaluation.objects.create(owner=alice, framework=cld)
    mentor = User.objects.filter(email="mentor@example.org").first() or UserFactory(
        email="mentor@example.org", full_name="Mo Mentor"
    )
    share = Share.objects.create(
        owner=alice, shared_with=mentor, relationship="mentor", evaluation=finished
    )
    open_round = builders.feedback_round(alice, six)
    _rater, token = builders.rater(open_round, email="peer@example.org")
    closed_round = builders.feedback_round(alice, six, status=FeedbackRound.Status.CLOSED)
    workplace = builders.organisation_framework(org)
    organisational = SelfEvaluation.objects.create(
        owner=people["org_admin"], organisation=org, framework=workplace
    )
    return {
        "EVALUATION": finished.pk,
        "UNFINISHED": unfinished.pk,
        "EVALUATION_SHARE": share.pk,
        "OPEN_ROUND": open_round.pk,
        "CLOSED_ROUND": closed_round.pk,
        "RATER_TOKEN": token,
        "ORGANISATION_EVALUATION": organisational.pk,
    }
