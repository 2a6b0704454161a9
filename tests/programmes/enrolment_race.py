"""Many people signing up for one event at the same moment, each on its own connection.

`race` is used in-process on PostgreSQL. On SQLite the test database lives in shared
memory, where writers get "table is locked" instead of queueing, so the test runs this
file as a script against a fresh SQLite file configured exactly as in production (WAL,
IMMEDIATE transactions, busy timeout) and reads the JSON it prints.
"""

import json
import threading


def race(event, people) -> dict:
    """Every person signs up at once; returns errors and the enrolment statuses."""
    from django.db import connection

    from peerpath.programmes.services import enrolment_request

    start = threading.Barrier(len(people))
    errors: list[str] = []

    def sign_up(person):
        try:
            start.wait()
            enrolment_request(event=event, participant=person, confirmed_eligibility=False)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()  # each thread's own connection; none left open

    threads = [threading.Thread(target=sign_up, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = list(event.enrolments.values_list("status", flat=True))
    return {"errors": errors, "statuses": statuses}


def main(capacity: int, people_count: int) -> None:
    import datetime

    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from peerpath.accounts.models import Organisation
    from peerpath.accounts.services import user_create
    from peerpath.programmes.models import Event, Programme

    call_command("migrate", verbosity=0)
    org = Organisation.objects.create(name="Race", slug="race", kind="voluntary", nation="wales")
    programme = Programme.objects.create(
        slug="race", name="Race", kind="structured", owner=org, status="published"
    )
    starts = timezone.now() + datetime.timedelta(days=7)
    event = Event.objects.create(
        programme=programme,
        kind="masterclass",
        title="Popular masterclass",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        capacity=capacity,
    )
    people = [
        user_create(email=f"racer{n}@example.org", full_name=f"Racer {n}")
        for n in range(people_count)
    ]
    print(json.dumps(race(event, people)))


if __name__ == "__main__":
    import sys

    main(int(sys.argv[1]), int(sys.argv[2]))
