import pytest

from peerpath.accounts.models import Membership
from tests.factories import MembershipFactory

from .factories import make_cohort, make_pair_in, make_scheme


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
    return make_pair_in
