"""Twenty processes writing to one SQLite file at once: nothing fails, nothing is lost.

WAL mode lets readers and a writer work together; IMMEDIATE transactions make writers
queue for the lock at the start of a transaction (within the busy timeout) instead of
failing half-way with "database is locked".
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WRITERS = 20
SECONDS = float(os.environ.get("PEERPATH_CONCURRENCY_SECONDS", "30"))
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="exercises the SQLite configuration"
)


def run(args, env, **kwargs):
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, **kwargs
    )


def test_twenty_writers_for_thirty_seconds_lose_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env.update({"PEERPATH_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "peerpath.settings"})
    setup = (
        "import django; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from peerpath.accounts.services import user_create;"
        "[user_create(email=f'writer{n}@example.org', full_name=f'Writer {n}') for n in range(5)]"
    )
    assert run(["-c", setup], env, check=True).returncode == 0
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.concurrency_worker", str(n), str(SECONDS)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    reports = []
    for writer in writers:
        out, err = writer.communicate(timeout=SECONDS + 120)
        assert writer.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    errors = [e for r in reports for e in r["errors"]]
    assert errors == [], errors
    written = sum(r["written"] for r in reports)
    assert written > WRITERS  # every writer got through more than once
    print(f"{written} entries and {written} draft saves by {WRITERS} processes, no errors")
    count = run(
        [
            "-c",
            "import django; django.setup();"
            "from peerpath.portfolio.models import LearningEntry as E;"
            "from peerpath.drafts.models import Draft as D;"
            "print(E.objects.count(), D.objects.count())",
        ],
        env,
        check=True,
    ).stdout.split()
    assert [int(n) for n in count] == [written, WRITERS]
