"""Reading a coordinator's matching file: valid files become problems, bad ones list errors."""

import copy

import numpy as np
import pytest

from peerpath.mentoring.matching import match
from peerpath.mentoring.matching_io import InvalidFile, parse_matching, result_document

VALID = {
    "format": "peerpath-matching/1",
    "scheme": {"weights": {"topics": 2, "capabilities": 1, "region": 0.5, "availability": 1}},
    "mentees": [
        {
            "id": "ana",
            "organisation": "Leeds NHS",
            "region": "Yorkshire",
            "role_level": 2,
            "topics_wanted": ["budgets", "coaching"],
            "capability_needs": {"leading-change": 3},
            "availability": ["mon-am"],
            "conflicts": ["kim"],
        },
        {"id": "ben", "organisation": "Cardiff Council", "role_level": 3},
    ],
    "mentors": [
        {
            "id": "sam",
            "organisation": "York Council",
            "region": "Yorkshire",
            "role_level": 4,
            "capacity": 2,
            "topics_offered": ["budgets"],
            "capability_strengths": {"leading-change": 4},
            "availability": ["mon-am", "tue-pm"],
        },
        {"id": "kim", "organisation": "Bristol Council", "role_level": 6},
    ],
}


def errors_for(change) -> list[str]:
    data = copy.deepcopy(VALID)
    change(data)
    with pytest.raises(InvalidFile) as caught:
        parse_matching(data)
    return caught.value.errors


def test_a_valid_file_becomes_a_problem_with_conflicts_forbidden():
    parsed = parse_matching(copy.deepcopy(VALID))
    assert parsed.mentee_ids == ["ana", "ben"]
    assert parsed.problem.capacity.tolist() == [2, 1]
    assert parsed.problem.forbidden.tolist() == [[0, 1]]
    assert parsed.problem.mentees.topics.sum() == 2


def test_the_result_document_lists_pairs_and_unmatched_by_id():
    parsed = parse_matching(copy.deepcopy(VALID))
    doc = result_document(parsed, match(parsed.problem))
    assert {(p["mentee"], p["mentor"]) for p in doc["pairs"]} == {("ana", "sam"), ("ben", "sam")}
    assert doc["optimality"]["certified"] is True
    ana = next(p for p in doc["pairs"] if p["mentee"] == "ana")
    assert sum(c["points"] for c in ana["components"]) == pytest.approx(ana["score"], abs=1e-4)
    assert doc["unmatched"] == [
        {"side": "mentor", "id": "kim", "reason": "partners_matched_elsewhere", "blocked_by": {}}
    ]


def test_a_bad_capacity_names_the_field_and_record():
    def change(d):
        d["mentors"][1]["capacity"] = -1

    assert errors_for(change) == ["mentors[1].capacity: must be a whole number from 1 to 20"]


def test_all_errors_are_reported_at_once():
    def change(d):
        d["mentors"][0]["capacity"] = 2.5
        d["mentees"][1]["id"] = "ana"
        d["pinned"] = [{"mentee": "zed", "mentor": "sam"}]
        d["scheme"]["weights"]["topics"] = float("nan")

    assert errors_for(change) == [
        "scheme.weights.topics: must be a number from 0 to 100",
        'mentees[1].id: duplicate id "ana"',
        "mentors[0].capacity: must be a whole number from 1 to 20",
        'pinned[0].mentee: unknown mentee id "zed"',
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(mentees=[]), "mentees: must list at least one mentee"),
        (lambda d: d.pop("mentors"), "mentors: must list at least one mentor"),
        (
            lambda d: d["mentees"][0].update(conflicts=["nobody"]),
            'mentees[0].conflicts: unknown mentor id "nobody"',
        ),
        (
            lambda d: d["mentees"][0].update(role_level=True),
            "mentees[0].role_level: must be a whole number from 1 to 10",
        ),
        (
            lambda d: d["mentors"][0]["capability_strengths"].update({"x": 7}),
            "mentors[0].capability_strengths.x: must be a whole number from 0 to 4",
        ),
        (
            lambda d: d["scheme"].update(objective="fastest"),
            "scheme.objective: must be one of score_first, matched_first",
        ),
        (
            lambda d: d.update(pair_scores=[{"mentee": "ana", "mentor": "sam", "score": -1}]),
            "pair_scores[0].score: must be a number from 0 to 1000",
        ),
    ],
)
def test_bad_input_gets_a_clear_error(change, expected):
    assert expected in errors_for(change)


def test_pair_scores_replace_attribute_scoring():
    data = copy.deepcopy(VALID)
    data["pair_scores"] = [
        {"mentee": "ana", "mentor": "sam", "score": 3},
        {"mentee": "ben", "mentor": "kim", "score": 7.5},
    ]
    result = match(parse_matching(data).problem)
    assert result.total_score == 10.5
    assert result.pairings[1].explanation.components[0].name == "coordinator_score"


def test_a_peer_pool_reads_both_roles_from_each_person():
    data = {
        "scheme": {"mentor_level_at_least_mentee": False},
        "peers": [
            {"id": "p1", "topics_wanted": ["a"], "topics_offered": ["b"], "capacity": 1},
            {"id": "p2", "topics_wanted": ["b"], "topics_offered": ["a"], "capacity": 1},
        ],
    }
    parsed = parse_matching(data)
    assert parsed.problem.peer_pool
    pairs = {(p.mentee, p.mentor) for p in match(parsed.problem).pairings}
    assert pairs == {(0, 1), (1, 0)}
    assert np.array_equal(parsed.problem.mentees.organisation, parsed.problem.mentors.organisation)
