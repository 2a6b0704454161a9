"""Page speed under load, next to a floor measured by the same server in the same run.

    .venv/bin/python bench/bench_web.py [--seconds 15] [--connections 10] [--keep]

Seeds the large dataset (bench/seed_large.py) into a fresh SQLite database under
var/bench-web, starts gunicorn (2 workers) on loopback with production settings
(DEBUG off, collected static files), and drives each main page with wrk (Debian's
package), signed in where the page needs it. Prints requests/s and p50/p95/p99 latency
per page and each page's p95 as a multiple of the floor's (target: at most 1.5×). The
floor is a bare Django view rendering a 50-row table with one query.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
DATA = ROOT / "var" / "bench-web"

# label, path, who is signed in ("participant", "org_admin" or None). {org_slug} is filled in.
PAGES = [
    ("floor (bare view, 1 query)", "/bench/floor/", None),
    ("home (signed in)", "/", "participant"),
    ("frameworks list", "/frameworks/", None),
    ("framework page (50 statements)", "/frameworks/cld-peer-self-evaluation/1.0/", None),
    ("statement page", "/frameworks/cld-peer-self-evaluation/1.0/items/LEAD.1/", None),
    ("profile", "/accounts/profile/", "participant"),
    ("organisation admin page", "/organisations/{org_slug}/", "org_admin"),
    ("API: frameworks", "/api/frameworks/", None),
]


def env() -> dict:
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    environ.update(
        PEERPATH_DATA_DIR=str(DATA),
        PEERPATH_BENCH="true",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="peerpath.settings",
        PYTHONPATH=str(ROOT),
        LOG_LEVEL="WARNING",
    )
    return environ


def run(*args: str) -> str:
    return subprocess.run(
        args, env=env(), cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def prepare() -> dict:
    if DATA.exists():
        shutil.rmtree(DATA)
    started = time.monotonic()
    run(str(VENV / "peerpath"), "migrate", "--noinput")
    run(str(VENV / "peerpath"), "load-frameworks")
    people = json.loads(run(str(VENV / "python"), "bench/seed_large.py").strip().splitlines()[-1])
    run(str(VENV / "peerpath"), "collectstatic", "--noinput")
    print(f"seeded in {time.monotonic() - started:.0f} s: {people}", file=sys.stderr)
    return people


def session_cookie(email: str) -> str:
    code = (
        "import django; django.setup();"
        "from django.test import Client; from peerpath.accounts.models import User;"
        f"c = Client(); c.force_login(User.objects.get(email={email!r}));"
        "print(c.cookies['sessionid'].value)"
    )
    return run(str(VENV / "python"), "-c", code).strip()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def measure(url: str, cookie: str | None, seconds: int, connections: int) -> dict:
    args = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "-s",
        str(ROOT / "bench" / "wrk_report.lua"),
    ]
    if cookie:
        args += ["-H", f"Cookie: sessionid={cookie}"]
    out = subprocess.run([*args, url], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="reuse var/bench-web if seeded")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: sudo apt-get install wrk")
    people = json.loads((DATA / "people.json").read_text()) if options.keep else prepare()
    (DATA / "people.json").write_text(json.dumps(people))
    cookies = {role: session_cookie(people[role]) for role in ("participant", "org_admin")}
    port = free_port()
    server = subprocess.Popen(
        [
            str(VENV / "gunicorn"),
            "peerpath.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env(),
        cwd=ROOT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(f"{base}/healthz")
        rows = []
        for label, path, role in PAGES:
            url = base + path.format(**people)
            result = measure(url, cookies.get(role), options.seconds, options.connections)
            rows.append((label, result))
        floor = rows[0][1]["p95"]
        print(
            f"{'page':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
            f"{'p95/floor':>9} {'errors':>6}"
        )
        for label, r in rows:
            print(
                f"{label:<34} {r['rps']:>8.1f} {r['p50']:>8.1f} {r['p95']:>8.1f} "
                f"{r['p99']:>8.1f} {r['p95'] / floor:>9.2f} {r['errors']:>6}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
