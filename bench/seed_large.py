"""Seed the large dataset bench/bench_web.py measures against.

10,000 people in 200 organisations, 100,000 learning entries, and the mentoring volume
(2,000 pairs, 50,000 sessions) once the mentoring app provides `peerpath.mentoring.bench`.
Bulk inserts; runs in about a minute. Prints the email of the person the pages are
requested as (a participant with a full portfolio) and of an organisation admin.
"""

import datetime
import importlib
import json
import os
import random
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerpath.settings")

import django

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402

from peerpath.accounts.models import Membership, Organisation, Profile, User  # noqa: E402
from peerpath.frameworks.models import Statement  # noqa: E402
from peerpath.portfolio.models import LearningEntry  # noqa: E402

ORGANISATIONS = 200
PEOPLE = 10_000
ENTRIES = 100_000


def seed(rng: random.Random) -> dict:
    password = make_password("bench-password")
    with transaction.atomic():
        orgs = Organisation.objects.bulk_create(
            Organisation(
                name=f"Bench organisation {n}",
                slug=f"bench-{n}",
                kind="local-authority",
                nation="england",
                region="North East",
            )
            for n in range(ORGANISATIONS)
        )
        users = User.objects.bulk_create(
            User(email=f"person{n}@bench.example", full_name=f"Person {n}", password=password)
            for n in range(PEOPLE)
        )
        Profile.objects.bulk_create(
            Profile(user=u, job_title="Officer", role_level=1 + n % 5) for n, u in enumerate(users)
        )
        Membership.objects.bulk_create(
            Membership(
                user=u,
                organisation=orgs[n % ORGANISATIONS],
                role="org-admin" if n < ORGANISATIONS else "participant",
            )
            for n, u in enumerate(users)
        )
        start = datetime.date(2024, 1, 1)
        kinds = [k for k, _ in LearningEntry.Kind.choices]
        LearningEntry.objects.bulk_create(
            (
                LearningEntry(
                    owner=users[n % PEOPLE],
                    title=f"Learning {n}",
                    kind=kinds[n % len(kinds)],
                    date=start + datetime.timedelta(days=n % 700),
                    hours=1 + n % 6,
                    reflection="Reflection text. " * 40,
                )
                for n in range(ENTRIES)
            ),
            batch_size=5000,
        )
        statements = list(Statement.objects.values_list("pk", flat=True))
        through = LearningEntry.statements.through
        entry_ids = LearningEntry.objects.values_list("pk", flat=True)
        through.objects.bulk_create(
            (through(learningentry_id=e, statement_id=rng.choice(statements)) for e in entry_ids),
            batch_size=5000,
        )
    extra = {}
    try:
        module = importlib.import_module("peerpath.mentoring.bench")
    except ModuleNotFoundError:
        pass
    else:
        extra = module.seed_bench(users=users, orgs=orgs, rng=rng)
    return {
        "participant": users[ORGANISATIONS + 1].email,
        "org_admin": users[0].email,
        "org_slug": orgs[0].slug,
        **extra,
    }


if __name__ == "__main__":
    print(json.dumps(seed(random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 7))))
