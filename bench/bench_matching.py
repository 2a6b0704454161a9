"""Benchmark the matching engine against greedy, stable and SciPy's dense assignment.

    .venv/bin/python bench/bench_matching.py [--sizes 100x50,1000x500] [--skip-dense-above N]

Each measurement runs in a fresh subprocess, so peak memory (the child's ru_maxrss) belongs
to one method alone; "base" is a child that only builds the problem, so a method's own
memory is its peak minus base. Times are the median of --repeats runs, wall clock, and
include scoring: each method starts from the same Problem arrays.

Methods:
  exact   peerpath's engine (shortlist + min-cost flow + pricing), with explanations
  dense   SciPy linear_sum_assignment on every pair, mentors repeated by capacity
  greedy  highest-scoring eligible pair first, over each mentee's 32 best mentors
  stable  peerpath's mentee-proposing deferred acceptance, with explanations
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synthetic import pool

from peerpath.mentoring.matching import Method, Scheme, match
from peerpath.mentoring.matching.blocking import count_blocking_pairs
from peerpath.mentoring.matching.dense import solve_dense
from peerpath.mentoring.matching.prepare import prepare
from peerpath.mentoring.matching.rules import quantised_scores

SIZES = "100x50,1000x500,5000x2500,20000x10000"
GREEDY_LIST = 32


def greedy(problem):
    """Mentor per mentee: repeatedly take the best remaining eligible pair."""
    prep = prepare(problem)
    cands = []
    for s in range(0, len(prep.rows), 512):
        r = prep.rows[s : s + 512]
        scores = prep.model.dense_rows(r)
        q = quantised_scores(prep.model, scores[:, prep.cols])
        ok = prep.rules.allowed_rows(r, scores)[:, prep.cols] & (q >= prep.rules.floor)
        q = np.where(ok, q, -1)
        k = min(GREEDY_LIST, len(prep.cols))
        top = np.argpartition(-q, k - 1, axis=1)[:, :k]
        tq = np.take_along_axis(q, top, 1)
        keep = tq >= 0
        cands.append((np.repeat(r, k)[keep.ravel()], prep.cols[top][keep], tq[keep]))
    i, j, q = (np.concatenate(x) for x in zip(*cands, strict=True))
    order = np.lexsort((j, i, -q))
    room = dict(zip(prep.cols.tolist(), prep.capacity.tolist(), strict=True))
    mentor_of = prep.pinned_to.copy()
    for a, b in zip(i[order].tolist(), j[order].tolist(), strict=True):
        if mentor_of[a] < 0 and room[b] > 0:
            mentor_of[a] = b
            room[b] -= 1
    return prep, mentor_of


def run_one(n: int, m: int, method: str, seed: int) -> dict:
    """Runs inside the child process."""
    problem = pool(
        n,
        m,
        seed=seed,
        scheme=Scheme(method=Method.STABLE if method == "stable" else Method.OPTIMAL),
    )
    start = time.perf_counter()
    if method in ("exact", "stable"):
        result = match(problem, blocking_pairs=False)
        mentor_of = np.full(n, -1)
        for p in result.pairings:
            mentor_of[p.mentee] = p.mentor
        prep = None
    elif method == "dense":
        prep = prepare(problem)
        mentor_of = prep.pinned_to.copy()
        mentor_of[prep.rows] = solve_dense(prep)
    elif method == "greedy":
        prep, mentor_of = greedy(problem)
    else:
        mentor_of = None
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"seconds": seconds, "peak_mb": peak_mb}
    if mentor_of is not None:
        prep = prep or prepare(problem)
        i = np.flatnonzero(mentor_of >= 0)
        q = quantised_scores(prep.model, prep.model.scores(i, mentor_of[i]))
        out.update(total_q=int(q.sum()), matched=len(i))
        if n <= 5000:
            out["blocking"] = count_blocking_pairs(prep, mentor_of[prep.rows])
    return out


def measure(n, m, method, seed, repeats):
    runs = []
    for _ in range(repeats):
        cmd = [sys.executable, __file__, "--child", f"{n}x{m}", method, str(seed)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = dict(runs[0])
    best["seconds"] = statistics.median(r["seconds"] for r in runs)
    best["peak_mb"] = statistics.median(r["peak_mb"] for r in runs)
    best["all_seconds"] = [round(r["seconds"], 3) for r in runs]
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default=SIZES, help="comma-separated MENTEESxMENTORS")
    parser.add_argument("--methods", default="greedy,stable,exact,dense")
    parser.add_argument(
        "--skip-dense-above",
        type=int,
        default=10**9,
        metavar="N",
        help="no dense run above N mentees",
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--dense-repeats-above",
        type=int,
        default=5000,
        metavar="N",
        help="dense runs once above N mentees",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        n, m = (int(x) for x in args.child[0].split("x"))
        print(json.dumps(run_one(n, m, args.child[1], int(args.child[2]))))
        return
    head = ("size", "method", "time s", "score", "% opt", "matched", "blocking", "peak MB")
    print(" ".join(f"{h:>{w}}" for h, w in zip(head, (12, 7, 8, 12, 8, 8, 8, 8), strict=True)))
    for size in args.sizes.split(","):
        n, m = (int(x) for x in size.split("x"))
        base = measure(n, m, "base", args.seed, 1)
        rows = {}
        for method in args.methods.split(","):
            if method == "dense" and n > args.skip_dense_above:
                continue
            repeats = 1 if method == "dense" and n > args.dense_repeats_above else args.repeats
            rows[method] = measure(n, m, method, args.seed, repeats)
        optimum = rows.get("exact", rows.get("dense", {})).get("total_q")
        for method, r in rows.items():
            pct = 100 * r["total_q"] / optimum if optimum else float("nan")
            print(
                f"{size:>12} {method:>7} {r['seconds']:8.3f} {r['total_q'] / 65536:12.2f}"
                f" {pct:8.3f} {r['matched']:8d} {r.get('blocking', '-')!s:>8}"
                f" {r['peak_mb']:8.0f}   runs {r['all_seconds']}"
            )
        if "exact" in rows and "dense" in rows:
            same = rows["exact"]["total_q"] == rows["dense"]["total_q"]
            speed = rows["dense"]["seconds"] / rows["exact"]["seconds"]
            print(f"{size:>12}  exact == dense optimum: {same}; exact is {speed:.1f}x faster")
        print(f"{size:>12}  base process (problem built, nothing solved): {base['peak_mb']:.0f} MB")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
