import pytest

from peerpath.accounts.models import Membership
from tests.factories import MembershipFactory

from .factories import make_cohort, make_scheme


@pytest.fixture
def scheme(org, bob, shipped_frameworks):
    """Northfold's mentoring scheme, run by bob, with the six capabilities as its baseline."""
    return make_scheme(
        org,
        bob,
        name="Library leaders peer mentoring",
        evaluation_framework=shipped_frameworks["six-leadership-capabilities"],
    )


@pytest.fixture
def cohort(scheme):
    """A round at its matching phase."""
    return make_cohort(scheme)


@pytest.fixture
def peer_scheme(org, bob, shipped_frameworks):
    return make_scheme(
        org,
        bob,
        kind="peer-support",
        name="CLD peer support",
        forbid_same_organisation=False,
        evaluation_framework=shipped_frameworks["cld-peer-self-evaluation"],
    )


@pytest.fixture
def peer_cohort(peer_scheme):
    return make_cohort(peer_scheme, name="2026", phase="active", training_required=False)


@pytest.fixture
def other_coordinator(org):
    from tests.factories import UserFactory

    user = UserFactory(email="olu@example.org", full_name="Olu Coordinator")
    MembershipFactory(user=user, organisation=org, role=Membership.Role.COORDINATOR)
    return user


@pytest.fixture
def make_pair():
    """A pair in `cohort` (alice as mentee unless told), agreement signed by both."""
    from peerpath.mentoring.services import agreement_save, pairing_create

    from .factories import make_application

    def make(cohort, mentee_user=None, *, signed=True, **mentee_fields):
        peer = cohort.scheme.is_peer
        mentee = make_application(
            cohort, "peer" if peer else "mentee", user=mentee_user, **mentee_fields
        )
        mentor = make_application(cohort, "peer" if peer else "mentor")
        pairing = pairing_create(mentee=mentee, mentor=mentor, how_made="coordinator", by=None)
        if signed:
            agreement = pairing.agreement
            agreement.frequency = "Every four weeks"
            agreement.commit_professional_learning = agreement.commit_self_care = True
            for person in (pairing.mentor, pairing.mentee):
                agreement = agreement_save(agreement=agreement, by=person, sign=True)
            pairing.refresh_from_db()
        return pairing

    return make
