"""Synthetic mentoring pools for benchmarks: realistic shapes, reproducible from a seed.

Mentors are drawn more senior than mentees, some topics and regions are more popular than
others (so popular mentors appear on many shortlists), capacity is 1-3, and supply is tight
(total capacity about the number of mentees). About 15% of pairs are ineligible: same
organisation, mentor more junior, or a declared conflict.
"""

import numpy as np

from peerpath.mentoring.matching import People, Problem, Scheme

TOPICS, CAPABILITIES, SLOTS, REGIONS, ORGS = 24, 12, 14, 12, 40


def _people(rng: np.random.Generator, n: int, senior: bool, popularity: np.ndarray) -> People:
    level = rng.integers(2, 7, n) if senior else rng.integers(1, 6, n)
    topics = rng.random((n, TOPICS)) < (popularity * (0.5 if senior else 0.25))
    return People(
        organisation=rng.integers(0, ORGS, n),
        region=rng.choice(REGIONS, n, p=_zipf(REGIONS)),
        level=level,
        topics=topics,
        capabilities=rng.integers(0, 5, (n, CAPABILITIES)).astype(np.int8),
        availability=rng.random((n, SLOTS)) < 0.35,
    )


def _zipf(k: int) -> np.ndarray:
    w = 1.0 / np.arange(1, k + 1)
    return w / w.sum()


def pool(mentees: int, mentors: int, seed: int = 0, scheme: Scheme | None = None) -> Problem:
    rng = np.random.default_rng(seed)
    popularity = np.sort(rng.random(TOPICS) * 1.6 + 0.2)[::-1]
    capacity = rng.integers(1, 4, mentors)
    conflicts = max(1, mentees // 20)
    forbidden = np.column_stack(
        [rng.integers(0, mentees, conflicts), rng.integers(0, mentors, conflicts)]
    )
    return Problem(
        scheme=scheme or Scheme(),
        mentees=_people(rng, mentees, senior=False, popularity=popularity),
        mentors=_people(rng, mentors, senior=True, popularity=popularity),
        capacity=capacity,
        forbidden=forbidden,
    )
