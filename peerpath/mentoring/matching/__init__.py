"""The matching engine: pure NumPy in, pairings and explanations out. No Django here.

Use `match(Problem(...))`; see docs/matching-format.md for the coordinator's file format
that `peerpath match-file` reads and writes.
"""

from .engine import match
from .optimal import Certificate
from .prepare import InvalidProblem
from .problem import (
    COMPONENTS,
    MAX_SCORE,
    Method,
    Objective,
    PairScores,
    People,
    Problem,
    Scheme,
    Weights,
)
from .result import Component, Explanation, Pairing, Reason, Result, Unmatched

__all__ = [
    "COMPONENTS",
    "MAX_SCORE",
    "Certificate",
    "Component",
    "Explanation",
    "InvalidProblem",
    "Method",
    "Objective",
    "PairScores",
    "Pairing",
    "People",
    "Problem",
    "Reason",
    "Result",
    "Scheme",
    "Unmatched",
    "Weights",
    "match",
]
