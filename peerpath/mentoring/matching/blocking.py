"""Blocking pairs: an eligible mentee and mentor who would both rather be together.

Defined over the people the solver could move: pinned mentees never block, and a mentor
compares a newcomer only with the mentees it holds beyond its pinned ones.
"""

import numpy as np

from .preferences import NOT_ACCEPTABLE, Preferences
from .prepare import Prepared
from .rules import quantised_scores

ROW_CHUNK = 512


def count_blocking_pairs(prep: Prepared, mentor_of: np.ndarray) -> int:
    """Blocking pairs for `mentor_of` (mentor per mentee in `prep.rows`, -1 unmatched)."""
    prefs = Preferences(prep.problem)
    rows, cols = prep.rows, prep.cols
    if not len(rows) or not len(cols):
        return 0
    col_pos = np.full(prep.problem.n_mentors, -1)
    col_pos[cols] = np.arange(len(cols))
    matched = mentor_of >= 0
    held_q = quantised_scores(prep.model, prep.model.scores(rows[matched], mentor_of[matched]))
    my_key = np.full(len(rows), NOT_ACCEPTABLE, dtype=np.int64)
    my_key[matched] = prefs.mentee_keys(rows[matched], mentor_of[matched], held_q)
    worst = np.full(len(cols), -1, dtype=np.int64)  # a mentor with room accepts anyone
    load = np.bincount(col_pos[mentor_of[matched]], minlength=len(cols))
    their_key = prefs.mentor_keys(rows[matched], mentor_of[matched], held_q)
    full = load >= prep.capacity
    np.maximum.at(worst, col_pos[mentor_of[matched]], their_key)
    worst[~full] = NOT_ACCEPTABLE
    total = 0
    for s in range(0, len(rows), ROW_CHUNK):
        r = rows[s : s + ROW_CHUNK]
        scores = prep.model.dense_rows(r)
        q = quantised_scores(prep.model, scores[:, cols])
        ok = prep.rules.allowed_rows(r, scores)[:, cols] & (q >= prep.rules.floor)
        mentee_wants = (
            prefs.mentee_keys(r[:, None], cols[None, :], q) < my_key[s : s + len(r), None]
        )
        mentor_wants = prefs.mentor_keys(r[:, None], cols[None, :], q) < worst[None, :]
        total += int((ok & mentee_wants & mentor_wants).sum())
    return total
