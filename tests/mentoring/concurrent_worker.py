"""A separate process for tests/mentoring/test_capacity_under_concurrency.py.

`setup` builds a round in a fresh SQLite file and prints its ids; `publish` and `pair`
load everything, say "ready", wait until the go file appears, then try to take the same
mentor's last place, and print what happened. Run with PEERPATH_DATA_DIR pointing at the
test's own directory.
"""

import json
import sys
import time
from pathlib import Path

import django


def setup(tag: str) -> dict:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from peerpath.accounts.models import Membership, Organisation
    from peerpath.accounts.services import user_create
    from peerpath.mentoring.models import Application
    from peerpath.mentoring.services import cohort_create, draft_choose, scheme_create

    def person(n):
        org = Organisation.objects.create(
            name=f"Org {tag} {n}", slug=f"org-{tag}-{n}", kind="voluntary", nation="england"
        )
        user = user_create(email=f"p{n}.{tag}@example.org", full_name=f"Person {n}")
        Membership.objects.create(user=user, organisation=org, role="coordinator")
        return user, org

    coordinators = [person(n)[0] for n in (1, 2)]
    scheme = scheme_create(
        owner=Organisation.objects.get(memberships__user=coordinators[0]),
        created_by=coordinators[0],
        name="Race",
        kind="mentoring",
        summary="",
    )
    cohort = cohort_create(scheme=scheme, name="Round", phase="matching", training_required=False)
    apps = {}
    for n, role, capacity in [(3, "mentor", 1), (4, "mentee", 1), (5, "mentee", 1)]:
        user, org = person(n)
        apps[n] = Application.objects.create(
            cohort=cohort,
            applicant=user,
            organisation=org,
            role=role,
            status="accepted",
            capacity=capacity,
            role_level=4,
        )
    draft_choose(cohort=cohort, mentee=apps[4], mentor=apps[3])
    return {
        "cohort": cohort.pk,
        "mentor": apps[3].pk,
        "second": apps[5].pk,
        "coordinators": [c.pk for c in coordinators],
    }


def attempt(action: str, ids: dict, go: Path) -> dict:
    from django.core.exceptions import ValidationError

    from peerpath.accounts.models import User
    from peerpath.mentoring import services
    from peerpath.mentoring.models import Application, Cohort

    cohort = Cohort.objects.get(pk=ids["cohort"])
    mentor = Application.objects.get(pk=ids["mentor"])
    second = Application.objects.get(pk=ids["second"])
    bob, olu = User.objects.filter(pk__in=ids["coordinators"]).order_by("pk")
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    try:
        if action == "publish":
            services.drafts_publish(cohort=cohort, by=bob)
        else:
            services.pairing_create(mentee=second, mentor=mentor, how_made="coordinator", by=olu)
    except ValidationError as error:
        return {"outcome": "refused", "messages": error.messages}
    return {"outcome": "made"}


if __name__ == "__main__":
    django.setup()
    command = sys.argv[1]
    ids = json.loads(sys.argv[2]) if command != "setup" else {}
    if command == "setup":
        print(json.dumps(setup(sys.argv[2])))
    else:
        print(json.dumps(attempt(command, ids, Path(sys.argv[3]))))
