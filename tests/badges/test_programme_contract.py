"""What the programmes app relies on: completing Things 1–4 and 11 of the 23 Things
gives five badges, each verifiable on its own and each in the portfolio timeline.

The programmes app calls these services when it accepts an activity; this test makes
the same calls, so the badge side of "five verifiable badges" holds whoever calls it.
"""

import json

from django.utils import timezone

from peerpath.badges import verification
from peerpath.badges.services import achievement_ensure, credential_award
from peerpath.frameworks.models import Statement
from peerpath.lib.timeline import collect_timeline

THINGS = {
    1: ("What is leadership?", "VIS.1"),
    2: ("Leadership styles", "SELF.2"),
    3: ("Values", "VIS.3"),
    4: ("360° feedback", "SELF.2"),
    11: ("Development plan", "SELF.2"),
}


def test_completing_five_things_gives_five_verifiable_badges(alice, shipped_frameworks):
    for number, (title, code) in THINGS.items():
        statement = Statement.objects.get(framework__slug="six-leadership-capabilities", code=code)
        achievement = achievement_ensure(
            key=f"23things.{number}",
            name=f"Thing {number}: {title}",
            description=f"Completed Thing {number} of the 23 Things.",
            criteria="A reflective statement of at least 200 words.",
            statements=[statement],
        )
        credential_award(
            achievement=achievement, recipient=alice, evidence_narrative="My reflection…"
        )
    credentials = list(alice.badge_credentials.all())
    assert len(credentials) == 5
    for credential in credentials:
        assert verification.verify(credential.signed_jwt).is_valid
        assert verification.verify(json.dumps(credential.signed_json)).is_valid
    today = timezone.localdate()
    timeline = collect_timeline(alice, today, today, evidence=True)
    badges = [item for item in timeline if item.kind == "Badge"]
    assert len(badges) == 5
    assert all(item.statement_ids for item in badges)
