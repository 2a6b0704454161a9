"""Reading and writing framework files: every format, every kind of bad input."""

import json

import pytest
from django.utils import translation

from peerpath.frameworks.formats import FrameworkFileError, dump_framework, read_framework_file
from peerpath.frameworks.shipped import shipped_files

SIMPLE_CSV = (
    "domain_code,domain_name,statement_code,statement_text\n"
    "LEAD,Leading,LEAD.1,Sets a clear direction\n"
    "LEAD,Leading,LEAD.2,Listens to the team\n"
    "PPL,People,PPL.1,Gives useful feedback\n"
)
META = {"slug": "team-leading", "name": "Team leading", "version": "1.0"}


WRONG_KIND = (
    "This file is not a JSON or CSV file. Choose the framework file saved as .json or .csv."
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
XML = b'<?xml version="1.0" encoding="UTF-8"?>\n<framework><domain code="A"/></framework>\n'


def problems_of(content, name="f.csv", **kwargs) -> list[str]:
    with pytest.raises(FrameworkFileError) as caught:
        read_framework_file(name, content, **kwargs)
    return [str(problem) for problem in caught.value.problems]


def shipped(slug: str):
    for path in shipped_files():
        data, _fmt = read_framework_file(path.name, path.read_bytes())
        if data.slug == slug:
            return data
    raise LookupError(slug)


def test_a_spreadsheet_with_the_four_columns_imports():
    data, fmt = read_framework_file("f.csv", SIMPLE_CSV.encode(), overrides=META)
    assert fmt == "csv"
    assert [d.code for d in data.domains] == ["LEAD", "PPL"]
    assert [s.text for s in data.domains[0].statements] == [
        "Sets a clear direction",
        "Listens to the team",
    ]


def test_a_byte_order_mark_from_excel_is_fine():
    data, _fmt = read_framework_file("f.csv", b"\xef\xbb\xbf" + SIMPLE_CSV.encode(), overrides=META)
    assert data.domains[0].code == "LEAD"


def test_every_problem_is_reported_with_its_line():
    content = (
        b"domain_code,domain_name,statement_code,statement_text\n"
        b"LEAD,Leading,LEAD.1,Sets a clear direction\n"
        b"LEAD,Leading,LEAD.1,Duplicate code\n"
        b"PPL,,PPL 2,\n"
    )
    problems = problems_of(content, overrides=META)
    assert 'line 3, code: "LEAD.1" is used twice (also at line 2)' in problems
    assert "line 4, name: is required and cannot be empty" in problems
    assert any(p.startswith("line 4, code:") and "PPL 2" in p for p in problems)
    assert "line 4, text: is required and cannot be empty" in problems


def test_a_missing_column_is_named():
    problems = problems_of(b"domain,statement\nA,B\n", overrides=META)
    assert "missing: domain_code, domain_name, statement_code, statement_text" in problems[0]


def test_a_file_saved_in_windows_encoding_gets_advice():
    content = SIMPLE_CSV.replace("Listens", "Listens \u2019").encode("cp1252")
    [problem] = problems_of(content, overrides=META)
    assert "not UTF-8" in problem and "CSV UTF-8" in problem and problem.startswith("line 3")


def test_a_huge_file_is_refused_before_reading_it():
    [problem] = problems_of(b"x" * 10, max_bytes=5 * 1024 * 1024, size=50 * 1024 * 1024)
    assert problem.startswith("the file is 50.0 MB; the limit is 5.0 MB.")


def test_an_empty_file_is_refused():
    assert problems_of(b"  \n") == ["the file is empty"]


def test_a_name_and_version_are_needed():
    problems = problems_of(SIMPLE_CSV.encode())
    assert "name: is required and cannot be empty" in problems
    assert any(p.startswith("version:") for p in problems)


def test_an_unknown_scale_level_numbering_is_refused():
    raw = shipped("cld-peer-self-evaluation").as_dict()
    raw["rating_scale"]["levels"][2]["value"] = 7
    problems = problems_of(json.dumps(raw).encode(), name="f.json")
    assert problems == [
        "rating_scale.levels[2].value: levels must be numbered 1, 2, 3… in order; "
        "expected 3, found 7"
    ]


def test_json_with_the_wrong_types_names_the_field():
    raw = shipped("six-leadership-capabilities").as_dict()
    raw["domains"][1]["statements"][0]["text"] = 42
    raw["domains"][2]["statements"] = "none"
    problems = problems_of(json.dumps(raw).encode(), name="f.json")
    assert "domains[1].statements[0].text: must be text" in problems
    assert "domains[2].statements: must be a list" in problems


def test_broken_json_says_where_and_why_in_words():
    [problem] = problems_of(b'{"format": "peerpath-framework/1",\n "slug": }', name="f.json")
    assert problem == (
        "line 2, column 10: "
        "This is not valid JSON: a value is missing here, or the file is not JSON."
    )
    [problem] = problems_of(b'{"format": "peerpath-framework/1"\n "slug": "x"}', name="f.json")
    assert problem == "line 2, column 2: This is not valid JSON: a comma is missing here."


def test_broken_json_is_explained_in_welsh_without_pythons_english():
    with translation.override("cy"):
        [problem] = problems_of(b'{"format": "peerpath-framework/1",\n "slug": }', name="f.json")
    assert problem == (
        "llinell 2, colofn 10: Nid yw hwn yn JSON dilys: mae gwerth ar goll yma, "
        "neu nid JSON yw'r ffeil."
    )
    assert "Expecting" not in problem


def test_json_field_problems_are_in_welsh_with_the_paths_as_they_are():
    raw = shipped("six-leadership-capabilities").as_dict()
    raw["domains"][1]["statements"][0]["text"] = 42
    raw["format"] = "other/1"
    with translation.override("cy"):
        problems = problems_of(json.dumps(raw).encode(), name="f.json")
    assert 'format: rhaid iddo fod yn "peerpath-framework/1" (canfuwyd "other/1")' in problems
    assert "domains[1].statements[0].text: rhaid iddo fod yn destun" in problems


def test_spreadsheet_problems_are_in_welsh_with_their_lines():
    content = (
        b"domain_code,domain_name,statement_code,statement_text\n"
        b"LEAD,Leading,LEAD.1,Sets a clear direction\n"
        b"LEAD,Leading,LEAD.1,Duplicate code\n"
        b"PPL,,PPL.2,\n"
    )
    with translation.override("cy"):
        problems = problems_of(content, overrides=META)
    assert 'llinell 3, code: mae "LEAD.1" wedi\'i ddefnyddio ddwywaith (hefyd yn llinell 2)' in (
        problems
    )
    assert "llinell 4, name: mae angen hwn ac ni all fod yn wag" in problems
    with translation.override("cy"):
        [problem] = problems_of(b"domain,statement\nA,B\n", overrides=META)
    assert problem.startswith("llinell 1: mae angen y colofnau domain_code, domain_name")


@pytest.mark.parametrize(
    "name, content",
    [
        ("logo.png", PNG),
        ("framework.json", PNG),
        ("standards.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        ("framework.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00"),
        ("framework.xml", XML),
        ("framework.csv", XML),
        ("page.html", b"\n<!DOCTYPE html>\n<html lang=en><title>Frameworks</title></html>\n"),
    ],
)
def test_a_file_of_the_wrong_kind_gets_one_plain_message(name, content):
    assert problems_of(content, name=name, overrides=META) == [WRONG_KIND]


def test_the_wrong_kind_is_named_even_when_a_format_is_chosen():
    assert problems_of(XML, name="f.xml", overrides=META, fmt="csv") == [WRONG_KIND]
    with translation.override("cy"):
        [problem] = problems_of(PNG, name="f.png", fmt="json")
    assert problem.startswith("Nid ffeil JSON na CSV yw'r ffeil hon.")


def test_a_spreadsheet_saved_as_utf16_is_told_to_save_as_utf8_not_refused_as_binary():
    [problem] = problems_of(SIMPLE_CSV.encode("utf-16"), overrides=META)
    assert "not UTF-8" in problem and "CSV UTF-8" in problem


@pytest.mark.parametrize("fmt", ["json", "csv", "moodle", "case"])
@pytest.mark.parametrize("slug", ["cld-peer-self-evaluation", "six-leadership-capabilities"])
def test_every_format_round_trips_the_items(fmt, slug):
    original = shipped(slug)
    text = dump_framework(original, fmt, base_uri="https://peerpath.example")
    overrides = {"slug": slug, "version": original.version, "name": original.name}
    again, detected = read_framework_file(
        f"x.{'csv' if fmt in {'csv', 'moodle'} else 'json'}", text.encode(), overrides=overrides
    )
    assert detected == fmt
    assert [(d.code, d.name) for d in again.domains] == [(d.code, d.name) for d in original.domains]
    assert [[(s.code, s.text) for s in d.statements] for d in again.domains] == [
        [(s.code, s.text) for s in d.statements] for d in original.domains
    ]
    assert [lv.label for lv in again.rating_scale.levels] == [
        lv.label for lv in original.rating_scale.levels
    ]


def test_our_json_is_lossless():
    original = shipped("cpd-standard-wales")
    again, _ = read_framework_file("x.json", dump_framework(original, "json").encode())
    assert again == original


def test_our_csv_keeps_the_details_in_comment_lines():
    original = shipped("cld-peer-self-evaluation")
    text = dump_framework(original, "csv")
    assert text.startswith("# slug: cld-peer-self-evaluation\n")
    again, _ = read_framework_file("x.csv", text.encode())
    assert (again.name, again.version, again.statement_stem) == (
        original.name,
        original.version,
        original.statement_stem,
    )
    assert again.source == original.source
    assert again.domains[0].evidence_prompt == original.domains[0].evidence_prompt


def test_case_export_links_every_item_to_its_parent():
    original = shipped("six-leadership-capabilities")
    package = json.loads(dump_framework(original, "case", base_uri="https://pp.example"))
    assert package["CFDocument"]["title"] == original.name
    assert len(package["CFItems"]) == 6 + 22
    assert len(package["CFAssociations"]) == 6 + 22
    assert {a["associationType"] for a in package["CFAssociations"]} == {"isChildOf"}
    vis1 = next(i for i in package["CFItems"] if i["humanCodingScheme"] == "VIS.1")
    assert vis1["uri"] == (
        "https://pp.example/frameworks/six-leadership-capabilities/1.0/items/VIS.1/"
    )


def test_case_identifiers_are_stable_across_exports():
    original = shipped("six-leadership-capabilities")
    first = dump_framework(original, "case", base_uri="https://a.example")
    second = dump_framework(original, "case", base_uri="https://a.example")
    ids = lambda text: [i["identifier"] for i in json.loads(text)["CFItems"]]  # noqa: E731
    assert ids(first) == ids(second)


def test_moodle_rows_under_an_unknown_parent_are_reported():
    content = (
        b'"Parent ID number","ID number","Short name","Description","Description format",'
        b'"Scale values","Scale configuration","Rule type (optional)","Rule outcome (optional)",'
        b'"Rule config (optional)","Cross-referenced competency ID numbers",'
        b'"Exported ID (optional)","Is framework","Taxonomy"\n'
        b',nos-lead,"NOS leadership",,1,"Not yet,Competent",,,,,,,1,\n'
        b',U1,"Unit one",,1,,,,,,,,0,\n'
        b'U9,U1.1,"Lead a team",,1,,,,,,,,0,\n'
    )
    [problem] = problems_of(content, overrides={"version": "1"})
    assert (
        problem == 'line 4, Parent ID number: "U9" does not match the ID number of an earlier row'
    )


def test_a_scale_can_be_given_for_a_spreadsheet_without_one():
    data, _ = read_framework_file(
        "f.csv",
        SIMPLE_CSV.encode(),
        overrides={**META, "rating_scale": "Confidence = Low | Medium | High"},
    )
    assert data.rating_scale.name == "Confidence"
    assert [lv.label for lv in data.rating_scale.levels] == ["Low", "Medium", "High"]
