"""Page speed under load, next to a floor measured by the same server in the same run.

    .venv/bin/python bench/bench_web.py [--seconds 15] [--connections 10] [--keep]
                                        [--floor-every 6] [--only TEXT]

Seeds the large dataset (bench/seed_large.py: 10,000 people, 100,000 learning entries,
2,000 mentoring pairs with 50,000 sessions, programmes, 360° rounds) into a fresh SQLite
database under var/bench-web, starts gunicorn (2 workers) on loopback with production
settings (DEBUG off, collected static files), checks that every page answers 200 (not a
redirect to sign-in) for the person it is requested as, then drives each page with wrk
(Debian's package) for --seconds at --connections. Prints requests/s and p50/p95/p99
latency per page and each page's p95 as a multiple of the floor's (target: at most
1.5×). The floor is a bare Django view rendering a 50-row table with one query; it is
measured again every --floor-every pages and each page is compared with the floor runs
either side of it, so a shared, noisy machine moves both sides of the ratio together.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
DATA = ROOT / "var" / "bench-web"

# label, where, who is signed in. `where` is a URL name and its kwargs (reversed by
# Django; "{key}" values come from the seed's people.json) or a literal path. Who: a key
# of people.json ("participant", "org_admin", "coordinator") or None for anonymous.
FLOOR = ("floor (bare view, 1 query)", "/bench/floor/", None)
PAGES = [
    # The floor again, signed in: what a session, the user and the navigation add to it
    ("floor, signed in", "/bench/floor/", "participant"),
    # Foundation
    ("home (participant)", "home", "participant"),
    ("home (coordinator)", "home", "coordinator"),
    ("frameworks list", "frameworks:list", None),
    (
        "framework page (50 statements)",
        ("frameworks:version", {"slug": "cld-peer-self-evaluation", "version": "1.0"}),
        None,
    ),
    (
        "statement page",
        (
            "frameworks:item",
            {"slug": "cld-peer-self-evaluation", "version": "1.0", "code": "LEAD.1"},
        ),
        None,
    ),
    ("profile", "accounts:profile", "participant"),
    ("organisation admin page", ("orgs:organisation", {"org_slug": "{org_slug}"}), "org_admin"),
    ("audit log (3,000 events)", ("orgs:audit-log", {"org_slug": "{org_slug}"}), "org_admin"),
    # Portfolio: the participant has ~500 entries, 12 goals, 25 plan items
    ("portfolio overview", "portfolio:home", "participant"),
    ("learning log (~500 entries)", "portfolio:log", "participant"),
    ("learning log, page 10", ("portfolio:log", {}, "page=10"), "participant"),
    ("learning log, search", ("portfolio:log", {}, "q=session"), "participant"),
    ("learning hours", "portfolio:hours", "participant"),
    ("timeline", "portfolio:timeline", "participant"),
    ("capabilities", "portfolio:capabilities", "participant"),
    (
        "one capability's evidence",
        ("portfolio:capability", {"statement_id": "{statement_id}"}),
        "participant",
    ),
    ("goals (12)", "portfolio:goals", "participant"),
    ("development plan (25 items)", "portfolio:plan", "participant"),
    # Self-evaluation and 360°
    ("self-evaluations (5)", "assessments:home", "participant"),
    (
        "self-evaluation result (50 statements)",
        ("assessments:result", {"evaluation_id": "{evaluation_id}"}),
        "participant",
    ),
    ("360° rounds", "assessments:rounds", "participant"),
    (
        "360° round page (13 raters)",
        ("assessments:round", {"round_id": "{round_id}"}),
        "participant",
    ),
    (
        "360° report (11 responses)",
        ("assessments:report", {"round_id": "{round_id}"}),
        "participant",
    ),
    # Mentoring
    ("mentoring home (4 pairs)", "mentoring:home", "participant"),
    (
        "pair page (40 sessions)",
        ("mentoring:pairing", {"pairing_id": "{pairing_id}"}),
        "participant",
    ),
    ("scheme page", ("mentoring:scheme", {"slug": "{scheme_slug}"}), "coordinator"),
    (
        "scheme settings (staff)",
        ("mentoring:scheme-manage", {"slug": "{scheme_slug}"}),
        "coordinator",
    ),
    ("round page (coordinator)", ("mentoring:cohort", {"cohort_id": "{cohort_id}"}), "coordinator"),
    (
        "applications (~850)",
        ("mentoring:applications", {"cohort_id": "{cohort_id}"}),
        "coordinator",
    ),
    ("pair health (100 pairs)", ("mentoring:pairs", {"cohort_id": "{cohort_id}"}), "coordinator"),
    ("round outcomes", ("mentoring:outcomes", {"cohort_id": "{cohort_id}"}), "coordinator"),
    # Programmes and badges
    ("programmes list", "programmes:list", "participant"),
    (
        "programme page (23 Things)",
        ("programmes:detail", {"slug": "{programme_slug}"}),
        "participant",
    ),
    (
        "programme page (structured)",
        ("programmes:detail", {"slug": "{structured_slug}"}),
        "participant",
    ),
    ("my badges (14)", "badges:home", "participant"),
    ("badge verification page (public)", "{credential_path}", None),
    # API (a signed-in session authenticates like a token)
    ("API: frameworks", "api:list_frameworks", None),
    ("API: learning entries (~500)", "api:list_entries", "participant"),
    ("API: hours", "api:hours", "participant"),
    ("API: self-evaluations", "api:list_evaluations", "participant"),
    ("API: 360° rounds", "api:list_rounds", "participant"),
    ("API: my pairings", "api:my_pairings", "participant"),
    (
        "API: a pair's sessions (40)",
        ("api:my_sessions", {"pairing_id": "{pairing_id}"}),
        "participant",
    ),
    (
        "API: pair health (100 pairs)",
        ("api:pair_health", {"cohort_id": "{cohort_id}"}),
        "coordinator",
    ),
    ("API: programmes", "api:list_programmes", "participant"),
    ("API: my badges", "api:my_badges", "participant"),
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
    done = subprocess.run(args, env=env(), cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    if done.stderr.strip():
        print(done.stderr.rstrip(), file=sys.stderr)
    return done.stdout


def prepare() -> dict:
    if DATA.exists():
        shutil.rmtree(DATA)
    started = time.monotonic()
    run(str(VENV / "peerpath"), "migrate", "--noinput")
    run(str(VENV / "peerpath"), "load-frameworks")
    run(str(VENV / "peerpath"), "load-programmes")
    print("seeding (bench/seed_large.py):", file=sys.stderr)
    seeding = time.monotonic()
    people = json.loads(run(str(VENV / "python"), "bench/seed_large.py").strip().splitlines()[-1])
    seeded = time.monotonic() - seeding
    run(str(VENV / "peerpath"), "collectstatic", "--noinput")
    print(
        f"prepared in {time.monotonic() - started:.0f} s (seeding {seeded:.0f} s): "
        f"{json.dumps(people)}",
        file=sys.stderr,
    )
    return people


def session_cookie(email: str) -> str:
    code = (
        "import django; django.setup();"
        "from django.test import Client; from peerpath.accounts.models import User;"
        f"c = Client(); c.force_login(User.objects.get(email={email!r}));"
        "print(c.cookies['sessionid'].value)"
    )
    return run(str(VENV / "python"), "-c", code).strip()


def fill(value, people: dict):
    if isinstance(value, str):
        return value.format(**people)
    return {k: fill(v, people) for k, v in value.items()}


def resolve(pages: list, people: dict) -> list[str]:
    """Each page's path: URL names reversed by Django itself, so a renamed route fails here."""
    wanted = []
    for _label, where, _role in pages:
        if isinstance(where, str) and where.startswith(("/", "{")):
            wanted.append(fill(where, people))
        else:
            name, kwargs, query = (where, {}, "") if isinstance(where, str) else (*where, "")[:3]
            wanted.append([name, fill(kwargs, people), query])
    code = (
        "import json, sys, django; django.setup(); from django.urls import reverse;"
        "pages = json.load(sys.stdin);"
        "print(json.dumps([p if isinstance(p, str) else reverse(p[0], kwargs=p[1])"
        " + ('?' + p[2] if p[2] else '') for p in pages]))"
    )
    done = subprocess.run(
        [str(VENV / "python"), "-c", code],
        input=json.dumps(wanted),
        env=env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"Could not reverse the pages' URLs:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check(url: str, cookie: str | None) -> tuple[int, int]:
    """(status, bytes) of one GET without following redirects: a page that sends the
    benchmark to the sign-in page must not be timed as if it were the page."""
    request = urllib.request.Request(url)  # noqa: S310 - loopback only
    if cookie:
        request.add_header("Cookie", f"sessionid={cookie}")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:  # loopback only
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, 0


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


def drain(base: str, timeout: float = 120) -> None:
    """Wait until both workers are free. wrk stops sending when its time is up, but the
    requests already queued at gunicorn still run; without this, a slow page's backlog
    would be counted against the page (or the floor) measured after it."""
    quick, deadline = 0, time.monotonic() + timeout
    while quick < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        urllib.request.urlopen(f"{base}/healthz", timeout=timeout)  # noqa: S310 - loopback
        quick = quick + 1 if time.monotonic() - started < 0.1 else 0


def measure(url: str, cookie: str | None, seconds: int, connections: int) -> dict:
    args = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(ROOT / "bench" / "wrk_report.lua"),
    ]
    if cookie:
        args += ["-H", f"Cookie: sessionid={cookie}"]
    out = subprocess.run([*args, url], check=True, capture_output=True, text=True).stdout
    drain(url.split("/", 3)[0] + "//" + url.split("/", 3)[2])
    return json.loads(out.strip().splitlines()[-1])


def profile(targets: list, people: dict, repeat: int) -> None:
    """In-process, one request at a time (no gunicorn, no wrk): per page the median time,
    the queries (count, total time, the most repeated shape, the slowest), and the time
    that is not SQL (Python and templates). For finding out why a page is slow."""
    os.environ.update(env(), ALLOWED_HOSTS="testserver")
    import re
    import statistics

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from peerpath.accounts.models import User

    def shape(sql: str) -> str:
        return re.sub(r"\b\d+\b|'[^']*'", "?", sql)

    clients: dict = {}
    for label, path, role in targets:
        if role not in clients:
            clients[role] = Client()
            if role:
                clients[role].force_login(User.objects.get(email=people[role]))
        client = clients[role]
        assert client.get(path).status_code == 200, label  # warm caches and templates
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries = captured.captured_queries
        sql_ms = sum(float(q["time"]) for q in queries) * 1000
        shapes: dict[str, int] = {}
        for q in queries:
            shapes[shape(q["sql"])] = shapes.get(shape(q["sql"]), 0) + 1
        repeated, times_repeated = max(shapes.items(), key=lambda kv: kv[1], default=("", 0))
        slowest = max(queries, key=lambda q: float(q["time"]), default={"sql": "", "time": 0})
        median = statistics.median(times)
        print(
            f"{label:<40} {median:>7.1f} ms  {len(queries):>4} queries  SQL {sql_ms:>6.1f} ms  "
            f"other {median - sql_ms:>6.1f} ms"
        )
        print(f"    slowest ({float(slowest['time']) * 1000:.1f} ms): {slowest['sql'][:400]}")
        if times_repeated > 2:
            print(f"    repeated {times_repeated}x: {repeated[:300]}")


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="reuse var/bench-web if seeded")
    parser.add_argument(
        "--floor-every",
        type=int,
        default=6,
        help="measure the floor again after this many pages; each page is compared with "
        "the mean of the floors measured just before and just after it",
    )
    parser.add_argument("--only", default="", help="time only pages whose label contains this")
    parser.add_argument(
        "--profile",
        type=int,
        metavar="N",
        default=0,
        help="instead of wrk: request each page N times in-process and show its queries",
    )
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: sudo apt-get install wrk")
    if options.keep:
        # The seeded data is kept, but the code may have moved on since it was made.
        run(str(VENV / "peerpath"), "migrate", "--noinput")
        run(str(VENV / "peerpath"), "collectstatic", "--noinput")
        people = json.loads((DATA / "people.json").read_text())
    else:
        people = prepare()
    (DATA / "people.json").write_text(json.dumps(people))
    pages = [p for p in PAGES if options.only.lower() in p[0].lower()]
    paths = resolve([FLOOR, *pages], people)
    if options.profile:
        targets = [(label, path, role) for (label, _w, role), path in
                   zip([FLOOR, *pages], paths, strict=True)]  # fmt: skip
        profile(targets, people, options.profile)
        return
    roles = {role for _l, _w, role in pages if role}
    cookies = {role: session_cookie(people[role]) for role in sorted(roles)}
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
        targets = [(label, base + path, cookies.get(role)) for (label, _w, role), path in
                   zip([FLOOR, *pages], paths, strict=True)]  # fmt: skip
        failures, sizes = [], {}
        for label, url, cookie in targets:
            status, sizes[label] = check(url, cookie)
            if status != 200:
                failures.append(f"  {status} {label}: {url}")
        if failures:
            sys.exit("Pages that do not answer 200 for their user:\n" + "\n".join(failures))
        floor_label, floor_url, _c = targets[0]
        floors = [measure(floor_url, None, options.seconds, options.connections)]
        floors[0]["kb"] = sizes[floor_label] / 1024
        rows = []
        for k, (label, url, cookie) in enumerate(targets[1:], start=1):
            result = measure(url, cookie, options.seconds, options.connections)
            result["floor_before"] = len(floors) - 1
            result["kb"] = sizes[label] / 1024
            rows.append((label, result))
            print(f"  {label}: p95 {result['p95']:.0f} ms (load {load_average()})", file=sys.stderr)
            if k % options.floor_every == 0 or k == len(targets) - 1:
                floors.append(measure(floor_url, None, options.seconds, options.connections))
                floors[-1]["kb"] = sizes[floor_label] / 1024
                print(f"  floor: p95 {floors[-1]['p95']:.0f} ms", file=sys.stderr)
        report(floor_label, floors, rows, options)
    finally:
        server.terminate()
        server.wait(timeout=10)


def report(floor_label: str, floors: list[dict], rows: list, options) -> None:
    def line(label, r, ratio):
        return (
            f"{label:<40} {r['rps']:>7.1f} {r['p50']:>8.1f} {r['p95']:>8.1f} "
            f"{r['p99']:>8.1f} {ratio:>9} {r['errors']:>6} {r['kb']:>6.0f}"
        )

    header = (
        f"{'page':<40} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'p95/floor':>9} {'errors':>6} {'KB':>6}"
    )
    print(
        f"wrk: {options.connections} connections, {options.seconds} s per page; gunicorn, "
        f"2 workers; floor measured {len(floors)} times (every {options.floor_every} pages)"
    )
    print(header)
    for k, floor in enumerate(floors):
        print(line(f"{floor_label} #{k + 1}", floor, ""))
    over = []
    for label, r in rows:
        near = floors[r["floor_before"] : r["floor_before"] + 2]
        floor_p95 = sum(f["p95"] for f in near) / len(near)
        ratio = r["p95"] / floor_p95
        flag = " *" if ratio > 1.5 else ""
        print(line(label, r, f"{ratio:.2f}{flag}"))
        if ratio > 1.5:
            over.append(label)
    print(
        f"{len(rows) - len(over)} of {len(rows)} pages within 1.5x the floor's p95 "
        "(the mean of the floor runs just before and after each page)."
    )
    if over:
        print("Over the target (*): " + ", ".join(over))


if __name__ == "__main__":
    main()
