import pytest

from peerpath.badges.services import achievement_ensure, credential_award
from tests.badges.key_pool import pooled_keys


@pytest.fixture(autouse=True)
def _fast_keys():
    with pooled_keys():
        yield


@pytest.fixture
def thing_one(db):
    """The site's badge for 23 Things, Thing 1."""
    return achievement_ensure(
        key="23things.1",
        name="Thing 1: What is leadership?",
        description="Explored what leadership means in public service.",
        criteria="A reflective statement of at least 200 words.",
    )


@pytest.fixture
def northfold_badge(org):
    return achievement_ensure(
        key="northfold.masterclass.1",
        name="Masterclass: leading change",
        description="Took part in Northfold's masterclass on leading change.",
        criteria="Attended the masterclass and wrote a reflection.",
        issuer=org,
    )


@pytest.fixture
def alices_badge(thing_one, alice):
    return credential_award(
        achievement=thing_one,
        recipient=alice,
        evidence_narrative="I reflected on three leaders I have worked with.",
    )
