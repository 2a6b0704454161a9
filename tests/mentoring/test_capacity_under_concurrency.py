"""Capacity is never exceeded, even when two coordinators publish at the same moment."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from peerpath.mentoring import services
from peerpath.mentoring.models import Place

from .factories import make_application

ROOT = Path(__file__).resolve().parent.parent.parent


def run_together(*jobs):
    """Start every job at the same moment in its own thread (and database connection);
    return what each returned or raised."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def run(k, job):
        try:
            barrier.wait()
            outcomes[k] = job()
        except Exception as error:
            outcomes[k] = error
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=(k, job)) for k, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.fixture(scope="module")
def sqlite_file(tmp_path_factory):
    """A migrated SQLite file shared by the races in this module (each has its own round)."""
    return tmp_path_factory.mktemp("race")


@pytest.mark.parametrize("second", ["pair", "publish"])
def test_two_coordinators_acting_at_once_for_the_last_place_make_one_pair(second, sqlite_file):
    """Two processes on the real SQLite configuration (a file, WAL, IMMEDIATE writes):
    one publishes the draft that gives a mentor's last place to one mentee while the
    other pairs the same mentor with another mentee (or publishes the same draft). One
    pair is made; the other coordinator is told why; one place is taken."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        {"PEERPATH_DATA_DIR": str(sqlite_file), "DJANGO_SETTINGS_MODULE": "peerpath.settings"}
    )

    def worker(*args):
        command = [sys.executable, "-m", "tests.mentoring.concurrent_worker", *args]
        return subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)

    def result(process):
        out, _err = process.communicate(timeout=120)
        assert process.returncode == 0
        return json.loads(out.strip().splitlines()[-1])

    ids = result(worker("setup", second))
    go = sqlite_file / f"go-{second}"
    racers = [worker("publish", json.dumps(ids), str(go)), worker(second, json.dumps(ids), str(go))]
    for racer in racers:  # both have loaded everything and wait for the same signal
        assert racer.stdout.readline().strip() == "ready"
    go.touch()
    outcomes = sorted(result(p)["outcome"] for p in racers)

    assert outcomes == ["made", "refused"]
    with sqlite3.connect(sqlite_file / "peerpath.sqlite3") as db:
        query = "SELECT count(*) FROM mentoring_{} WHERE {} = ?"
        pairs = db.execute(query.format("pairing", "mentor_application_id"), [ids["mentor"]])
        places = db.execute(query.format("place", "application_id"), [ids["mentor"]])
        assert (pairs.fetchone()[0], places.fetchone()[0]) == (1, 1)


@pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="threads need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_two_publishers_at_once_never_exceed_capacity(cohort, bob, other_coordinator):
    mentor = make_application(cohort, "mentor", capacity=1)
    first, second = make_application(cohort, "mentee"), make_application(cohort, "mentee")
    services.draft_choose(cohort=cohort, mentee=first, mentor=mentor)

    outcomes = run_together(
        lambda: services.drafts_publish(cohort=cohort, by=bob),
        lambda: services.pairing_create(
            mentee=second, mentor=mentor, how_made="coordinator", by=other_coordinator
        ),
    )

    assert Place.objects.filter(application=mentor).count() == 1
    assert sum(isinstance(o, ValidationError) for o in outcomes) == 1, outcomes


def test_the_database_itself_refuses_a_second_holder_of_a_place(cohort):
    """The last line of defence: whatever the timing, a place is held once."""
    mentor = make_application(cohort, "mentor", capacity=1)
    pairing = services.pairing_create(
        mentee=make_application(cohort, "mentee"), mentor=mentor, how_made="coordinator", by=None
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Place.objects.create(application=mentor, number=1, pairing=pairing)
