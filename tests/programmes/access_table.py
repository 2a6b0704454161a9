"""Who may use each programmes URL; merged into tests/test_permissions.py's table.

ACCESS maps a URL name to (method, kwargs, {role: outcome}); see test_permissions.py for
the outcomes. Upper-case string kwargs are placeholders that world() fills in.

The world: Northfold runs a members-only programme with one event (alice has a place)
and one activity (alice's work waits for review); alice is in a learning set that a
facilitator from outside the roles runs, and has a placement of her own.
"""

import datetime

from django.utils import timezone

from peerpath.programmes.models import (
    Activity,
    Enrolment,
    Event,
    LearningSetAction,
    LearningSetIssue,
    Pathway,
    PathwayStep,
    Placement,
    Programme,
    ProgrammeCompletion,
    Submission,
)
from peerpath.programmes.services import learning_set_create
from tests.factories import UserFactory

ROLES = ["anonymous", "participant", "coordinator", "org_admin", "other_org_admin", "site_admin"]
OK, LOGIN, REDIRECT, FORBIDDEN, HIDDEN = "ok", "login", "redirect", "forbidden", "hidden"

SIGNED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}
SIGNED_IN_ACTION = {**dict.fromkeys(ROLES, REDIRECT), "anonymous": LOGIN}
# A members-only programme of Northfold: dan (another organisation) must not learn of it.
PROGRAMME_READERS = {**SIGNED_IN, "other_org_admin": HIDDEN}
PROGRAMME_RUNNERS = {**PROGRAMME_READERS, "participant": FORBIDDEN}
PROGRAMME_ACTION = {**SIGNED_IN_ACTION, "other_org_admin": HIDDEN}
ORG_RUNNERS = {**SIGNED_IN, "participant": FORBIDDEN, "other_org_admin": FORBIDDEN}
SITE_ADMIN_ONLY = {**dict.fromkeys(ROLES, FORBIDDEN), "anonymous": LOGIN, "site_admin": OK}
# Alice's own things: everyone else, site admins included, gets 404.
ALICE_ONLY = {**dict.fromkeys(ROLES, HIDDEN), "anonymous": LOGIN, "participant": OK}
ALICE_ONLY_ACTION = {**ALICE_ONLY, "participant": REDIRECT}
REVIEWERS = {**PROGRAMME_READERS, "participant": HIDDEN}
SET_RUNNERS = {**ORG_RUNNERS, "participant": HIDDEN, "other_org_admin": HIDDEN}

# Downloads, not pages: the accessibility check skips them.
NOT_PAGES = {"programmes:export", "programmes:event-calendar", "programmes:certificate"}

P = {"slug": "PROGRAMME"}
E = {"slug": "PROGRAMME", "event_id": "EVENT"}
S = {"set_id": "SET"}
N = {"org_slug": "northfold"}

ACCESS: dict = {
    "programmes:list": ("get", {}, SIGNED_IN),
    "programmes:reviews": ("get", {}, SIGNED_IN),
    "programmes:review": ("get", {"submission_id": "SUBMISSION"}, REVIEWERS),
    "programmes:detail": ("get", P, PROGRAMME_READERS),
    "programmes:manage": ("get", P, PROGRAMME_RUNNERS),
    # Only alice has completed the programme; her certificate is hers alone.
    "programmes:certificate": ("get", P, ALICE_ONLY),
    "programmes:export": ("get", P, PROGRAMME_RUNNERS),
    "programmes:module-create": ("get", P, PROGRAMME_RUNNERS),
    "programmes:activity": ("get", {**P, "code": "reflection"}, PROGRAMME_READERS),
    "programmes:event-create": ("get", P, PROGRAMME_RUNNERS),
    "programmes:event": ("get", E, PROGRAMME_READERS),
    "programmes:event-edit": ("get", E, PROGRAMME_RUNNERS),
    "programmes:event-enrol": ("post", E, PROGRAMME_ACTION),
    "programmes:event-leave": ("post", E, {**ALICE_ONLY_ACTION}),
    "programmes:event-calendar": ("get", E, PROGRAMME_READERS),
    "programmes:event-cancel": ("post", E, {**PROGRAMME_ACTION, "participant": FORBIDDEN}),
    "programmes:event-attendance": ("get", E, PROGRAMME_RUNNERS),
    "programmes:create": ("get", N, ORG_RUNNERS),
    "programmes:import": ("get", N, ORG_RUNNERS),
    "programmes:import-site": ("get", {}, SITE_ADMIN_ONLY),
    "programmes:learning-sets": ("get", {}, SIGNED_IN),
    "programmes:learning-set-create": ("get", N, ORG_RUNNERS),
    "programmes:learning-set": ("get", S, ALICE_ONLY),
    "programmes:learning-set-manage": ("get", S, SET_RUNNERS),
    "programmes:learning-set-add-member": (
        "post",
        S,
        {**SET_RUNNERS, "coordinator": REDIRECT, "org_admin": REDIRECT, "site_admin": REDIRECT},
    ),
    "programmes:set-issue-add": ("post", S, ALICE_ONLY_ACTION),
    "programmes:set-note-add": ("post", S, ALICE_ONLY_ACTION),
    "programmes:set-meeting-add": ("post", S, ALICE_ONLY_ACTION),
    "programmes:set-action-add": ("post", S, ALICE_ONLY_ACTION),
    "programmes:set-action-toggle": ("post", {**S, "action_id": "ACTION"}, ALICE_ONLY_ACTION),
    "programmes:placements": ("get", {}, SIGNED_IN),
    "programmes:placement-create": ("get", {}, SIGNED_IN),
    "programmes:placement": ("get", {"placement_id": "PLACEMENT"}, ALICE_ONLY),
    "programmes:placement-delete": ("post", {"placement_id": "PLACEMENT"}, ALICE_ONLY_ACTION),
    "programmes:pathways": ("get", {}, SIGNED_IN),
    "programmes:pathway": ("get", {"pathway_slug": "PATHWAY"}, SIGNED_IN),
    "programmes:pathway-follow": ("post", {"pathway_slug": "PATHWAY"}, SIGNED_IN_ACTION),
    "programmes:pathway-step": (
        "post",
        {"pathway_slug": "PATHWAY", "step_id": "STEP"},
        SIGNED_IN_ACTION,
    ),
}


def world(people, org, other_org) -> dict:
    """Create what this app's URLs point at; return placeholder → value."""
    alice = people["participant"]
    now = timezone.now()
    programme = Programme.objects.create(
        slug="northfold-masterclasses",
        name="Northfold leadership masterclasses",
        kind=Programme.Kind.STRUCTURED,
        owner=org,
        status=Programme.Status.PUBLISHED,
        review=Programme.Review.REVIEWER,
    )
    activity = Activity.objects.create(
        programme=programme, code="reflection", position=1, title="Reflection", min_words=10
    )
    submission = Submission.objects.create(
        activity=activity,
        participant=alice,
        status=Submission.Status.SUBMITTED,
        statement="What I learned at the masterclass.",
        submitted_at=now,
    )
    event = Event.objects.create(
        programme=programme,
        kind=Event.Kind.MASTERCLASS,
        title="Leading through change",
        starts_at=now + datetime.timedelta(days=30),
        ends_at=now + datetime.timedelta(days=30, hours=3),
        capacity=20,
    )
    Enrolment.objects.create(
        event=event, participant=alice, status=Enrolment.Status.ENROLLED, queued_at=now
    )
    ProgrammeCompletion.objects.create(programme=programme, participant=alice, completed_at=now)
    facilitator = UserFactory(full_name="Faye Facilitator")
    learning_set = learning_set_create(
        owner=org, name="Set A", theme="Leading change", facilitator=facilitator, members=[alice]
    )
    issue = LearningSetIssue.objects.create(
        learning_set=learning_set, member=alice, title="A restructure"
    )
    action = LearningSetAction.objects.create(issue=issue, text="Talk to the union rep")
    placement = Placement.objects.create(
        person=alice,
        kind=Placement.Kind.SECONDMENT,
        host="Cwm Derwen County Council",
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 3, 27),
        purpose="See a merged children's services department at work.",
    )
    pathway = Pathway.objects.create(slug="test-pathway", name="Test pathway")
    step = PathwayStep.objects.create(
        pathway=pathway, position=1, title="Read a book", url="https://example.org/"
    )
    return {
        "PROGRAMME": programme.slug,
        "EVENT": event.pk,
        "SUBMISSION": submission.pk,
        "SET": learning_set.pk,
        "ACTION": action.pk,
        "PLACEMENT": placement.pk,
        "PATHWAY": pathway.slug,
        "STEP": step.pk,
    }
