"""The framework commands admins and scripts use."""

import json

import pytest
from django.core.management import CommandError, call_command

from peerpath.frameworks.models import Framework


def test_list_frameworks_prints_sizes_as_json(shipped_frameworks, capsys):
    call_command("list_frameworks", "--json")
    rows = {row["slug"]: row for row in json.loads(capsys.readouterr().out)}
    assert (
        rows["cld-peer-self-evaluation"]["domains"],
        rows["cld-peer-self-evaluation"]["statements"],
    ) == (8, 50)
    assert (rows["peer-support-discussion-themes"]["statements"]) == 8
    assert (
        rows["six-leadership-capabilities"]["domains"],
        rows["six-leadership-capabilities"]["statements"],
    ) == (6, 22)
    assert (rows["cpd-standard-wales"]["domains"], rows["cpd-standard-wales"]["statements"]) == (
        3,
        30,
    )
    assert set(rows["cpd-standard-wales"]) >= {"slug", "name", "version", "domains", "statements"}


def test_export_then_import_under_a_new_slug_gives_the_same_items(
    shipped_frameworks, tmp_path, capsys
):
    out = tmp_path / "six.csv"
    call_command(
        "export_framework", "six-leadership-capabilities", "--format", "csv", "-o", str(out)
    )
    call_command("import_framework", str(out), "--slug", "six-copy", "--version", "1")
    copy = Framework.objects.get(slug="six-copy")
    original = Framework.objects.get(slug="six-leadership-capabilities")
    assert list(copy.statements.values_list("code", "text")) == list(
        original.statements.values_list("code", "text")
    )
    assert "Imported six-copy 1" in capsys.readouterr().out


def test_a_bad_file_fails_with_every_problem_and_imports_nothing(db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("domain_code,domain_name,statement_code,statement_text\nA,,A.1,\n")
    with pytest.raises(CommandError) as caught:
        call_command("import_framework", str(bad), "--slug", "bad", "--version", "1", "--name", "B")
    message = str(caught.value)
    assert "2 problems; nothing was imported" in message
    assert "line 2, name" in message and "line 2, text" in message
    assert not Framework.objects.exists()


def test_exporting_an_unknown_framework_names_the_known_ones(shipped_frameworks):
    with pytest.raises(CommandError, match="Known: cld-peer-self-evaluation"):
        call_command("export_framework", "nope")


def test_a_file_of_the_wrong_kind_is_named_as_such_on_the_command_line(db, tmp_path):
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(CommandError) as caught:
        call_command("import_framework", str(path))
    assert str(caught.value) == (
        f"{path}: 1 problem; nothing was imported.\n"
        "  This file is not a JSON or CSV file. Choose the framework file saved as .json or .csv."
    )
    assert not Framework.objects.exists()
