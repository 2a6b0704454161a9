"""Stable matching: mentee-proposing deferred acceptance with mentor capacities.

The result is the mentee-optimal stable matching: no mentee and mentor would both rather be
paired with each other than keep what they have (no blocking pair), and every mentee does at
least as well as in any other stable matching. It does not maximise total score.
"""

import heapq
from collections import deque

import numpy as np

from .preferences import NOT_ACCEPTABLE, Preferences
from .prepare import Prepared
from .rules import quantised_scores

ROW_CHUNK = 512
LIST_LENGTH = 64


def _ranked_row(prep: Prepared, prefs: Preferences, rows: np.ndarray, length: int):
    """Each mentee's best `length` acceptable mentors (global indices), best first, with
    the pair's quantised score; -1 pads. Also whether the list was cut short."""
    scores = prep.model.dense_rows(rows)
    q = quantised_scores(prep.model, scores[:, prep.cols])
    ok = prep.rules.allowed_rows(rows, scores)[:, prep.cols] & (q >= prep.rules.floor)
    keys = prefs.mentee_keys(rows[:, None], prep.cols[None, :], q)
    keys[~ok] = NOT_ACCEPTABLE
    k = min(length, len(prep.cols))
    part = np.argpartition(keys, k - 1, axis=1)[:, :k] if k < len(prep.cols) else None
    top = part if part is not None else np.tile(np.arange(len(prep.cols)), (len(rows), 1))
    top = np.take_along_axis(top, np.argsort(np.take_along_axis(keys, top, 1), 1), 1)
    top_keys = np.take_along_axis(keys, top, 1)
    mentors = np.where(top_keys < NOT_ACCEPTABLE, prep.cols[top], -1)
    cut = ok.sum(1) > k
    return mentors, np.take_along_axis(q, top, 1), cut


def solve_stable(prep: Prepared) -> tuple[np.ndarray, dict[int, list[int]]]:
    """Mentor per mentee in `prep.rows` (-1 unmatched), and for each mentee the mentors who
    turned them down (the higher-preference mentors that were full)."""
    prefs = Preferences(prep.problem)
    lists: dict[int, tuple[list[int], list[int], bool]] = {}
    for s in range(0, len(prep.rows), ROW_CHUNK):
        rows = prep.rows[s : s + ROW_CHUNK]
        mentors, q, cut = _ranked_row(prep, prefs, rows, LIST_LENGTH)
        for k, i in enumerate(rows):
            lists[int(i)] = (mentors[k].tolist(), q[k].tolist(), bool(cut[k]))
    room = dict(zip(prep.cols.tolist(), prep.capacity.tolist(), strict=True))
    held: dict[int, list[tuple[int, int]]] = {j: [] for j in room}
    next_choice = dict.fromkeys(lists, 0)
    turned_down: dict[int, list[int]] = {int(i): [] for i in prep.rows}
    waiting = deque(int(i) for i in prep.rows)
    while waiting:
        i = waiting.popleft()
        mentors, qs, cut = lists[i]
        k = next_choice[i]
        if (k < len(mentors) and mentors[k] < 0) or (k >= len(mentors) and not cut):
            continue  # nobody acceptable left: stays unmatched
        if k >= len(mentors):
            full, fq, _ = _ranked_row(prep, prefs, np.array([i]), len(prep.cols))
            lists[i] = mentors, qs, cut = (full[0].tolist(), fq[0].tolist(), False)
            if k >= len(mentors) or mentors[k] < 0:
                continue
        j, qj = mentors[k], qs[k]
        next_choice[i] = k + 1
        key = int(prefs.mentor_keys(np.int64(i), np.int64(j), np.int64(qj)))
        heap = held[j]
        if len(heap) < room[j]:
            heapq.heappush(heap, (-key, i))
            continue
        if -heap[0][0] > key:
            _, out = heapq.heapreplace(heap, (-key, i))
            turned_down[out].append(j)
            waiting.append(out)
        else:
            turned_down[i].append(j)
            waiting.append(i)
    mentor_of = np.full(len(prep.rows), -1, dtype=np.int64)
    position = {int(i): k for k, i in enumerate(prep.rows)}
    for j, heap in held.items():
        for _, i in heap:
            mentor_of[position[i]] = j
    return mentor_of, turned_down
