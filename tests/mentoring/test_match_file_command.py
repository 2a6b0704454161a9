"""`peerpath match-file`, run as coordinators run it: a file in, a file out."""

import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from .test_matching_io import VALID


def test_the_command_writes_pairs_reasons_and_the_objective(tmp_path):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(VALID))
    call_command("match_file", str(source), "-o", str(target))
    result = json.loads(target.read_text())
    assert result["format"] == "peerpath-matching-result/1"
    assert result["objective_value"]["matched"] == 2
    assert {p["mentor"] for p in result["pairs"]} == {"sam"}
    assert result["unmatched"][0]["id"] == "kim"


def test_an_invalid_file_fails_with_every_error_and_writes_nothing(tmp_path):
    bad = json.loads(json.dumps(VALID))
    bad["mentors"][1]["capacity"] = 0
    bad["pinned"] = [{"mentee": "ana", "mentor": "kim"}]
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(bad))
    with pytest.raises(CommandError) as caught:
        call_command("match_file", str(source), "-o", str(target))
    assert "mentors[1].capacity: must be a whole number from 1 to 20" in str(caught.value)
    assert not target.exists()


def test_a_forbidden_pin_is_reported_by_the_console_script(tmp_path):
    bad = json.loads(json.dumps(VALID))
    bad["pinned"] = [{"mentee": "ana", "mentor": "kim"}]  # ana declared a conflict with kim
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(bad))
    run = subprocess.run(
        [sys.executable, "-m", "peerpath", "match-file", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "pinned[0]: this pair is not allowed (forbidden)" in run.stderr
    assert not target.exists()
