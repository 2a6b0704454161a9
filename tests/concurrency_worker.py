"""One writer for tests/test_sqlite_concurrency.py: saves entries and drafts until time is up.

Run as `python -m tests.concurrency_worker WORKER_NUMBER SECONDS`; prints a JSON line with
how many writes succeeded and the errors met.
"""

import datetime
import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerpath.settings")

import django

django.setup()

from peerpath.accounts.models import User  # noqa: E402
from peerpath.drafts.services import draft_save  # noqa: E402
from peerpath.portfolio.services import learning_entry_record  # noqa: E402


def main(worker: int, seconds: float) -> None:
    user = User.objects.get(email=f"writer{worker % 5}@example.org")
    written, errors = 0, []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            learning_entry_record(
                owner=user,
                title=f"w{worker}-{written}",
                kind="reading",
                date=datetime.date(2026, 11, 25),
                hours=1,
                reflection="x" * 500,
            )
            draft_save(owner=user, key=f"w{worker}.reflection", text=f"draft {written}")
            written += 1
        except Exception as error:
            errors.append(repr(error))
    print(
        json.dumps(
            {"worker": worker, "written": written, "errors": errors[:5], "error_count": len(errors)}
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]), float(sys.argv[2]))
