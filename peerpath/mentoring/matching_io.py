"""Read a coordinator's matching file and write the result (docs/matching-format.md).

Parsing and validation live here so the engine stays pure. Every problem in a file is
reported at once, each naming its field and record, e.g.
`mentors[3].capacity: must be a whole number from 1 to 20`.
"""

import json
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from peerpath.mentoring.matching import (
    COMPONENTS,
    Method,
    Objective,
    PairScores,
    People,
    Problem,
    Result,
    Scheme,
    Weights,
)

FORMAT = "peerpath-matching/1"
RESULT_FORMAT = "peerpath-matching-result/1"
MAX_CAPACITY, MAX_LEVEL, MAX_WEIGHT, MAX_PAIR_SCORE, MAX_PREFERENCES = 20, 10, 100, 1000, 50


class InvalidFile(ValueError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class MatchingFile:
    """A parsed file: the engine's problem plus the ids to report results with."""

    problem: Problem
    mentee_ids: list[str]
    mentor_ids: list[str]


class _Errors:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _number(value: Any, low: float, high: float) -> bool:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return ok and math.isfinite(value) and low <= value <= high


def _strings(errors: _Errors, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(x, str) and x for x in value):
        errors.add(where, "must be a list of non-empty strings")
        return []
    return value


def read_matching_file(path: str | Path) -> MatchingFile:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidFile([f"{path}: cannot be read ({error})"]) from None
    except json.JSONDecodeError as error:
        raise InvalidFile([f"{path}: not valid JSON ({error})"]) from None
    return parse_matching(data)


def parse_matching(data: Any) -> MatchingFile:
    """Validate a decoded file and build the engine's Problem; raises InvalidFile."""
    errors = _Errors()
    if not isinstance(data, dict):
        raise InvalidFile(["(file): must be a JSON object"])
    if data.get("format", FORMAT) != FORMAT:
        errors.add("format", f'must be "{FORMAT}"')
    scheme = _scheme(errors, data.get("scheme", {}))
    peer_pool = "peers" in data
    if peer_pool and ("mentees" in data or "mentors" in data):
        errors.add("peers", "give either peers or mentees and mentors, not both")
    sides = ("peers", "peers") if peer_pool else ("mentees", "mentors")
    needs_level = scheme.mentor_level_at_least_mentee
    mentees = _records(errors, sides[0], data.get(sides[0]), "mentee", needs_level)
    mentors = (
        mentees
        if peer_pool
        else _records(errors, sides[1], data.get(sides[1]), "mentor", needs_level)
    )
    ids = ({r["id"]: k for k, r in enumerate(mentees)}, {r["id"]: k for k, r in enumerate(mentors)})
    forbidden = _pairs(errors, data, "forbidden", ids)
    forbidden += _conflicts(errors, sides, mentees, mentors, ids)
    pinned = _pairs(errors, data, "pinned", ids)
    pair_scores = _pair_scores(errors, data, ids) if "pair_scores" in data else None
    prefs = (
        _preferences(errors, sides[0], mentees, ids[1]),
        _preferences(errors, sides[1], mentors, ids[0]),
    )
    if errors.items:
        raise InvalidFile(errors.items)
    vocab = _Vocabulary(mentees + ([] if peer_pool else mentors))
    problem = Problem(
        scheme=scheme,
        mentees=vocab.people(mentees, "wanted", "needs"),
        mentors=vocab.people(mentors, "offered", "strengths"),
        capacity=np.array([r.get("capacity", 1) for r in mentors], dtype=np.int64),
        forbidden=np.array(forbidden, dtype=np.int64).reshape(-1, 2),
        pinned=np.array(pinned, dtype=np.int64).reshape(-1, 2),
        pair_scores=pair_scores,
        mentee_preferences=prefs[0],
        mentor_preferences=prefs[1],
        peer_pool=peer_pool,
    )
    return MatchingFile(problem, [r["id"] for r in mentees], [r["id"] for r in mentors])


def _scheme(errors: _Errors, raw: Any) -> Scheme:
    if not isinstance(raw, dict):
        errors.add("scheme", "must be an object")
        return Scheme()
    weights = raw.get("weights", {})
    if not isinstance(weights, dict):
        errors.add("scheme.weights", "must be an object")
        weights = {}
    for name in weights:
        if name not in COMPONENTS:
            errors.add(
                f"scheme.weights.{name}", f"unknown component (known: {', '.join(COMPONENTS)})"
            )
        elif not _number(weights[name], 0, MAX_WEIGHT):
            errors.add(f"scheme.weights.{name}", f"must be a number from 0 to {MAX_WEIGHT}")
    choices = {"method": [m.value for m in Method], "objective": [o.value for o in Objective]}
    for name, allowed in choices.items():
        if raw.get(name, allowed[0]) not in allowed:
            errors.add(f"scheme.{name}", f"must be one of {', '.join(allowed)}")
    for name in ("forbid_same_organisation", "mentor_level_at_least_mentee"):
        if not isinstance(raw.get(name, True), bool):
            errors.add(f"scheme.{name}", "must be true or false")
    if not _number(raw.get("score_floor", 0), 0, MAX_PAIR_SCORE):
        errors.add("scheme.score_floor", f"must be a number from 0 to {MAX_PAIR_SCORE}")
    if not _whole(raw.get("seed", 0), 0, 2**32 - 1):
        errors.add("scheme.seed", "must be a whole number from 0 to 4294967295")
    if errors.items:
        return Scheme()
    valid = {k: float(v) for k, v in weights.items()}
    return Scheme(
        weights=Weights(**valid),
        forbid_same_organisation=raw.get("forbid_same_organisation", True),
        mentor_level_at_least_mentee=raw.get("mentor_level_at_least_mentee", True),
        objective=Objective(raw.get("objective", Objective.SCORE_FIRST)),
        method=Method(raw.get("method", Method.OPTIMAL)),
        score_floor=float(raw.get("score_floor", 0)),
        seed=raw.get("seed", 0),
    )


PERSON_FIELDS = {
    "mentee": ("topics_wanted", "capability_needs"),
    "mentor": ("topics_offered", "capability_strengths"),
}


def _records(errors: _Errors, side: str, raw: Any, role: str, needs_level: bool) -> list[dict]:
    if not isinstance(raw, list) or not raw:
        errors.add(side, f"must list at least one {side.rstrip('s')}")
        return []
    out, seen = [], set()
    for k, rec in enumerate(raw):
        where = f"{side}[{k}]"
        if not isinstance(rec, dict):
            errors.add(where, "must be an object")
            continue
        pid = rec.get("id")
        if not isinstance(pid, str) or not pid:
            errors.add(f"{where}.id", "must be a non-empty string")
            continue
        if pid in seen:
            errors.add(f"{where}.id", f'duplicate id "{pid}"')
        seen.add(pid)
        out.append(_person(errors, where, side, rec, needs_level))
    return out


def _person(errors: _Errors, where: str, side: str, rec: dict, needs_level: bool) -> dict:
    for name in ("organisation", "region"):
        if rec.get(name) is not None and not isinstance(rec[name], str):
            errors.add(f"{where}.{name}", "must be a string")
    if ("role_level" in rec or needs_level) and not _whole(rec.get("role_level"), 1, MAX_LEVEL):
        errors.add(f"{where}.role_level", f"must be a whole number from 1 to {MAX_LEVEL}")
    roles = ("mentee", "mentor") if side == "peers" else (side.rstrip("s"),)
    for role in roles:
        topics, capabilities = PERSON_FIELDS[role]
        _strings(errors, f"{where}.{topics}", rec.get(topics))
        caps = rec.get(capabilities, {})
        if not isinstance(caps, dict):
            errors.add(f"{where}.{capabilities}", "must be an object of capability: 0-4")
        else:
            for code, level in caps.items():
                if not _whole(level, 0, 4):
                    errors.add(
                        f"{where}.{capabilities}.{code}", "must be a whole number from 0 to 4"
                    )
    _strings(errors, f"{where}.availability", rec.get("availability"))
    if "mentor" in roles and "capacity" in rec and not _whole(rec["capacity"], 1, MAX_CAPACITY):
        errors.add(f"{where}.capacity", f"must be a whole number from 1 to {MAX_CAPACITY}")
    return rec


def _pairs(errors: _Errors, data: dict, name: str, ids: tuple[dict, dict]) -> list[tuple[int, int]]:
    raw = data.get(name, [])
    if not isinstance(raw, list):
        errors.add(name, "must be a list of {mentee, mentor} objects")
        return []
    out = []
    for k, rec in enumerate(raw):
        pair = _pair(errors, f"{name}[{k}]", rec, ids)
        if pair is not None:
            out.append(pair)
    return out


def _pair(errors: _Errors, where: str, rec: Any, ids: tuple[dict, dict]) -> tuple[int, int] | None:
    if not isinstance(rec, dict):
        errors.add(where, "must be an object with mentee and mentor ids")
        return None
    found = []
    for side, known in zip(("mentee", "mentor"), ids, strict=True):
        value = rec.get(side)
        if value not in known:
            errors.add(f"{where}.{side}", f"unknown {side} id {json.dumps(value)}")
        found.append(known.get(value))
    return None if None in found else (found[0], found[1])


def _conflicts(errors, sides, mentees, mentors, ids) -> list[tuple[int, int]]:
    """Declared conflicts forbid the pair, whichever side declares them."""
    out = []
    for k, rec in enumerate(mentees):
        for name in _strings(errors, f"{sides[0]}[{k}].conflicts", rec.get("conflicts")):
            if name in ids[1]:
                out.append((k, ids[1][name]))
            elif sides[0] != "peers":
                errors.add(f"{sides[0]}[{k}].conflicts", f"unknown mentor id {json.dumps(name)}")
    if sides[0] == "peers":
        return out + [(b, a) for a, b in out]
    for k, rec in enumerate(mentors):
        for name in _strings(errors, f"{sides[1]}[{k}].conflicts", rec.get("conflicts")):
            if name in ids[0]:
                out.append((ids[0][name], k))
            else:
                errors.add(f"{sides[1]}[{k}].conflicts", f"unknown mentee id {json.dumps(name)}")
    return out


def _preferences(errors: _Errors, side: str, records: list[dict], other: dict) -> np.ndarray:
    triples = []
    for k, rec in enumerate(records):
        ranked = _strings(errors, f"{side}[{k}].preferences", rec.get("preferences"))
        if len(ranked) > MAX_PREFERENCES:
            errors.add(f"{side}[{k}].preferences", f"at most {MAX_PREFERENCES} ids")
        for rank, name in enumerate(ranked):
            if name not in other:
                errors.add(f"{side}[{k}].preferences[{rank}]", f"unknown id {json.dumps(name)}")
            else:
                triples.append((k, other[name], rank))
    return np.array(triples, dtype=np.int64).reshape(-1, 3)


def _pair_scores(errors: _Errors, data: dict, ids: tuple[dict, dict]) -> PairScores | None:
    raw = data["pair_scores"]
    if not isinstance(raw, list) or not raw:
        errors.add("pair_scores", "must be a non-empty list of {mentee, mentor, score}")
        return None
    rows, seen = [], set()
    for k, rec in enumerate(raw):
        pair = _pair(errors, f"pair_scores[{k}]", rec, ids)
        score = rec.get("score") if isinstance(rec, dict) else None
        if isinstance(rec, dict) and not _number(score, 0, MAX_PAIR_SCORE):
            errors.add(f"pair_scores[{k}].score", f"must be a number from 0 to {MAX_PAIR_SCORE}")
        elif pair in seen:
            errors.add(f"pair_scores[{k}]", "this pair is already scored")
        elif pair is not None:
            seen.add(pair)
            rows.append((*pair, float(score)))
    table = np.array(rows, dtype=np.float64).reshape(-1, 3)
    return PairScores(table[:, 0].astype(np.int64), table[:, 1].astype(np.int64), table[:, 2])


class _Vocabulary:
    """Column codes for topics, capabilities, slots, regions and organisations."""

    def __init__(self, records: list[dict]) -> None:
        def names(*fields: str) -> list[str]:
            found = {x for r in records for f in fields for x in (r.get(f) or [])}
            return sorted(found)

        self.topics = names("topics_wanted", "topics_offered")
        self.capabilities = names("capability_needs", "capability_strengths")
        self.slots = names("availability")
        self.regions = sorted({r["region"] for r in records if r.get("region")})
        self.organisations = sorted({r["organisation"] for r in records if r.get("organisation")})

    def people(self, records: list[dict], topic_kind: str, capability_kind: str) -> People:
        n = len(records)
        topic_col = {t: k for k, t in enumerate(self.topics)}
        cap_col = {c: k for k, c in enumerate(self.capabilities)}
        slot_col = {s: k for k, s in enumerate(self.slots)}
        topics = np.zeros((n, len(self.topics)), dtype=bool)
        caps = np.zeros((n, len(self.capabilities)), dtype=np.int8)
        slots = np.zeros((n, len(self.slots)), dtype=bool)
        for k, r in enumerate(records):
            topics[k, [topic_col[t] for t in r.get(f"topics_{topic_kind}") or []]] = True
            for code, level in (r.get(f"capability_{capability_kind}") or {}).items():
                caps[k, cap_col[code]] = level
            slots[k, [slot_col[s] for s in r.get("availability") or []]] = True
        org_code = {o: k for k, o in enumerate(self.organisations)}
        # A person with no organisation shares it with nobody: give each a code of their own.
        orgs = [
            org_code.get(r.get("organisation"), len(org_code) + k) for k, r in enumerate(records)
        ]
        region_code = {g: k for k, g in enumerate(self.regions)}
        return People(
            organisation=np.array(orgs, dtype=np.int64),
            region=np.array(
                [region_code.get(r.get("region"), -1) for r in records], dtype=np.int64
            ),
            level=np.array([r.get("role_level", 0) for r in records], dtype=np.int64),
            topics=topics,
            capabilities=caps,
            availability=slots,
        )


def result_document(parsed: MatchingFile, result: Result) -> dict:
    """The output file's content (see docs/matching-format.md)."""
    mentees, mentors = parsed.mentee_ids, parsed.mentor_ids
    cert = result.certificate
    return {
        "format": RESULT_FORMAT,
        "method": result.method,
        "objective": result.objective,
        "objective_value": {"total_score": result.total_score, "matched": result.matched},
        "optimality": None
        if cert is None
        else {
            "certified": cert.holds,
            "primal": cert.primal,
            "dual": cert.dual,
            "passes": cert.passes,
        },
        "blocking_pairs": result.blocking_pairs,
        "pairs": [
            {
                "mentee": mentees[p.mentee],
                "mentor": mentors[p.mentor],
                "score": p.score,
                "pinned": p.explanation.pinned,
                "mentor_full": p.explanation.mentor_full,
                "components": [
                    {"name": c.name, "value": c.value, "weight": c.weight, "points": c.points}
                    for c in p.explanation.components
                ],
                "higher_scoring_mentors": [
                    mentors[j] for j in p.explanation.higher_scoring_mentors
                ],
            }
            for p in result.pairings
        ],
        "unmatched": [
            {
                "side": u.side,
                "id": (mentees if u.side == "mentee" else mentors)[u.index],
                "reason": str(u.reason),
                "blocked_by": u.blocked_by,
            }
            for u in result.unmatched
        ],
    }


def write_result(path: str | Path, parsed: MatchingFile, result: Result) -> None:
    """Write atomically: a reader never sees half a file, and a failure leaves none."""
    path = Path(path)
    text = json.dumps(result_document(parsed, result), indent=2, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
