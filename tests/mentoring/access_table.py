"""Who may use each mentoring URL; merged into tests/test_permissions.py's table.

ACCESS maps a URL name to (method, kwargs, {role: outcome}); see test_permissions.py for
the outcomes. Upper-case string kwargs are placeholders that world() fills in; ours start with M_ so
they never replace another table's (all tables share one placeholder dictionary).

The world: Northfold runs a scheme open to Northfold and Riverside (not to dan's Lough
Carra); bob coordinates it and carol, as Northfold's admin, may run it too. alice is a
mentee in an active pair with Mo Mentor from Riverside, with a session carrying private
notes. Site admins are not scheme staff: a pair's pages and a scheme's management pages
answer 404 to everyone outside them.
"""

from datetime import timedelta

from django.utils import timezone

from peerpath.mentoring.models import (
    Application,
    Cohort,
    MentorRequest,
    Pairing,
    PeerInvitation,
    Session,
    SessionNotes,
    TrainingSession,
)

OK, LOGIN, REDIRECT, FORBIDDEN, HIDDEN = "ok", "login", "redirect", "forbidden", "hidden"
ROLES = ["anonymous", "participant", "coordinator", "org_admin", "other_org_admin", "site_admin"]

SIGNED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}
# Members of the scheme's organisations and its staff; hidden from everyone else.
SCHEME_MEMBERS = {
    "anonymous": LOGIN,
    "participant": OK,
    "coordinator": OK,
    "org_admin": OK,
    "other_org_admin": HIDDEN,
    "site_admin": HIDDEN,
}
# The scheme's staff (bob) and the owning organisation's admin (carol).
STAFF = {
    "anonymous": LOGIN,
    "participant": HIDDEN,
    "coordinator": OK,
    "org_admin": OK,
    "other_org_admin": HIDDEN,
    "site_admin": HIDDEN,
}
STAFF_ACTION = {**STAFF, "coordinator": REDIRECT, "org_admin": REDIRECT}
# alice alone: her pair, her application, her invitation and request.
ALICE = {**dict.fromkeys(ROLES, HIDDEN), "anonymous": LOGIN, "participant": OK}
ALICE_ACTION = {**ALICE, "participant": REDIRECT}
STARTERS = {
    "anonymous": LOGIN,
    "participant": FORBIDDEN,
    "coordinator": OK,
    "org_admin": OK,
    "other_org_admin": OK,
    "site_admin": FORBIDDEN,
}

ROUND = {"cohort_id": "M_COHORT"}
PAIR = {"pairing_id": "M_PAIRING"}
SESSION = {"pairing_id": "M_PAIRING", "session_id": "M_SESSION"}

ACCESS = {
    "mentoring:home": ("get", {}, SIGNED_IN),
    "mentoring:scheme": ("get", {"slug": "M_SCHEME"}, SCHEME_MEMBERS),
    "mentoring:apply": ("get", ROUND, SCHEME_MEMBERS),
    "mentoring:withdraw": ("post", ROUND, ALICE_ACTION),
    "mentoring:invite": ("get", ROUND, SCHEME_MEMBERS),
    "mentoring:shortlist": ("get", ROUND, ALICE),
    "mentoring:invitation": ("get", {"invitation_id": "M_INVITATION"}, ALICE),
    "mentoring:request": ("get", {"request_id": "M_REQUEST"}, ALICE),
    "mentoring:pairing": ("get", PAIR, ALICE),
    "mentoring:agreement": ("get", PAIR, ALICE),
    "mentoring:end": ("get", PAIR, ALICE),
    "mentoring:review": ("get", PAIR, ALICE),
    "mentoring:pair-export": ("get", PAIR, ALICE),
    "mentoring:session-new": ("get", PAIR, ALICE),
    "mentoring:session-plan": ("get", PAIR, ALICE),
    "mentoring:session": ("get", SESSION, ALICE),
    "mentoring:session-edit": ("get", SESSION, ALICE),
    "mentoring:session-confirm": ("post", SESSION, ALICE_ACTION),
    "mentoring:session-cancel": ("post", SESSION, ALICE_ACTION),
    "mentoring:check-in": ("get", SESSION, ALICE),
    "mentoring:session-ics": ("get", SESSION, ALICE),
    "mentoring:scheme-new": ("get", {}, STARTERS),
    "mentoring:scheme-manage": ("get", {"slug": "M_SCHEME"}, STAFF),
    "mentoring:staff-remove": ("post", {"slug": "M_SCHEME", "staff_id": "M_STAFF"}, STAFF_ACTION),
    "mentoring:cohort-new": ("get", {"slug": "M_SCHEME"}, STAFF),
    "mentoring:cohort": ("get", ROUND, STAFF),
    "mentoring:cohort-settings": ("get", ROUND, STAFF),
    "mentoring:cohort-next": ("get", ROUND, STAFF),
    "mentoring:applications": ("get", ROUND, STAFF),
    "mentoring:application": ("get", {**ROUND, "application_id": "M_APPLICATION"}, STAFF),
    "mentoring:training": ("get", ROUND, STAFF),
    "mentoring:attendance": ("get", {**ROUND, "training_id": "M_TRAINING"}, STAFF),
    "mentoring:matching": ("get", ROUND, STAFF),
    "mentoring:pairs": ("get", ROUND, STAFF),
    "mentoring:outcomes": ("get", ROUND, STAFF),
    "mentoring:export": ("get", ROUND, STAFF),
}

# Downloads, not pages: the accessibility check in tests/browser skips them.
NOT_PAGES = {"mentoring:pair-export", "mentoring:session-ics", "mentoring:export"}

PRIVATE_NOTE = "PRIVATE-NOTE-only-alice-and-mo-may-read-this"


def world(people, org, other_org) -> dict:
    """Create what this app's URLs point at; return placeholder → value."""
    from peerpath.mentoring.services import pairing_create
    from tests.factories import OrganisationFactory

    from .factories import make_application, make_cohort, make_person, make_scheme

    riverside = OrganisationFactory(name="Riverside Libraries", slug="riverside")
    scheme = make_scheme(org, people["coordinator"], name="Library leaders", open_to="listed")
    scheme.member_organisations.set([riverside])
    cohort = make_cohort(
        scheme, phase=Cohort.Phase.ACTIVE, allow_peer_choice=True, allow_shortlist=True
    )
    alice = make_application(
        cohort, Application.Role.MENTEE, user=people["participant"], organisation=org
    )
    mo = make_person(organisation=riverside, name="Mo Mentor", email="mo@example.org")
    mentor = make_application(
        cohort, Application.Role.MENTOR, user=mo, organisation=riverside, capacity=2
    )
    pairing = pairing_create(mentee=alice, mentor=mentor, how_made="coordinator", by=None)
    Pairing.objects.filter(pk=pairing.pk).update(status=Pairing.Status.ACTIVE)
    session = Session.objects.create(
        pairing=pairing,
        starts_at=timezone.now() - timedelta(days=2),
        status=Session.Status.LOGGED,
        logged_by=mo,
        actions="Draft the restructure timeline",
    )
    SessionNotes.objects.create(session=session, text=PRIVATE_NOTE, updated_by=mo)
    pat = make_person(organisation=org, name="Pat Peer", email="pat@example.org")
    invitation = PeerInvitation.objects.create(
        cohort=cohort, inviter=alice, invitee=pat, expires_at=timezone.now() + timedelta(days=7)
    )
    request = MentorRequest.objects.create(
        cohort=cohort, mentee=alice, mentor=mentor, expires_at=timezone.now() + timedelta(days=7)
    )
    training = TrainingSession.objects.create(
        cohort=cohort, title="Mentoring skills", starts_at=timezone.now()
    )
    return {
        "M_SCHEME": scheme.slug,
        "M_COHORT": cohort.pk,
        "M_APPLICATION": alice.pk,
        "M_PAIRING": pairing.pk,
        "M_SESSION": session.pk,
        "M_INVITATION": invitation.pk,
        "M_REQUEST": request.pk,
        "M_TRAINING": training.pk,
        "M_STAFF": scheme.staff.get().pk,
    }
