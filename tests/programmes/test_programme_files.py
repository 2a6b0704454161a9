"""Programme files: export and import round trip; bad files change nothing."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from peerpath.programmes.formats import (
    ProgrammeFileError,
    dump,
    load_json,
    read_programme,
)
from peerpath.programmes.models import Programme
from peerpath.programmes.selectors.exporting import programme_as_data
from peerpath.programmes.services import programme_import, submission_submit
from peerpath.programmes.shipped import SHIPPED_DIR
from tests.programmes.conftest import words

SHIPPED = SHIPPED_DIR / "23-things-elc-leadership.json"


def small_programme(**changes) -> dict:
    data = {
        "format": "peerpath-programme/1",
        "slug": "induction",
        "name": "Knowing the business: induction",
        "kind": "structured",
        "capabilities_framework": "six-leadership-capabilities",
        "activities": [
            {
                "code": "context",
                "title": "The national context",
                "capabilities": ["VIS.3"],
                "evidence": {"min_words": 300},
            }
        ],
    }
    return {**data, **changes}


def read(raw: dict):
    return read_programme(load_json(json.dumps(raw).encode()))


def test_exporting_the_shipped_programme_gives_back_the_file_it_came_from(twenty_three_things):
    assert dump(programme_as_data(twenty_three_things)) == SHIPPED.read_text(encoding="utf-8")


def test_a_file_with_many_mistakes_lists_them_all_and_saves_nothing(shipped_frameworks, org):
    raw = small_programme(
        kind="course",
        start_with={"activities": ["intro"]},
        activities=[
            {"code": "a", "title": "One", "capabilities": ["VIS.9"], "evidence": {"tool": "quiz"}},
            {"code": "a", "title": "", "hours": "lots"},
        ],
    )
    with pytest.raises(ProgrammeFileError) as refused:
        programme_import(data=read(raw), owner=org)
    assert {(p.where, p.message) for p in refused.value.problems} >= {
        ("kind", "Expected one of: self-paced, structured."),
        ("activities[0].evidence.tool",
         "Expected one of: self-evaluation, feedback-360, development-plan, learning-log."),
        ("activities[1].title", "This is required."),
        ("activities[1].hours", "Expected a number of hours, such as 2 or 1.5."),
        ("activities[1].code", "“a” is used twice."),
        ("start_with.activities[0]", "No activity has the code “intro”."),
    }  # fmt: skip
    assert not Programme.objects.exists()


def test_an_unknown_capability_is_caught_against_the_loaded_framework(shipped_frameworks, org):
    raw = small_programme()
    raw["activities"][0]["capabilities"] = ["VIS.3", "VIS.9"]
    with pytest.raises(ProgrammeFileError) as refused:
        programme_import(data=read(raw), owner=org)
    [problem] = refused.value.problems
    assert problem.where == "activities[0].capabilities[1]"
    assert "VIS.9" in problem.message
    assert not Programme.objects.exists()


def test_broken_json_names_the_line():
    with pytest.raises(ProgrammeFileError) as refused:
        load_json(b'{\n  "slug": "x",\n  "name": }\n')
    [problem] = refused.value.problems
    assert problem.where == "line 3, column 11"
    assert problem.message == (
        "This is not valid JSON: a value is missing here, or the file is not JSON."
    )


def test_broken_json_is_explained_in_welsh_without_pythons_english():
    with translation.override("cy"), pytest.raises(ProgrammeFileError) as refused:
        load_json(b'{\n  "slug": "x"\n  "name": "y"}\n')
    [problem] = refused.value.problems
    assert problem.where == "llinell 3, colofn 3"
    assert problem.message == "Nid yw hwn yn JSON dilys: mae coma ar goll yma."


NOT_JSON = "This file is not a JSON file. Choose the programme file saved as .json."


@pytest.mark.parametrize(
    "content",
    [
        b"slug,name,kind\ninduction,Knowing the business,programme\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b'<?xml version="1.0"?>\n<programme slug="induction"/>\n',
    ],
)
def test_a_csv_a_picture_or_xml_is_named_as_not_json(content):
    with pytest.raises(ProgrammeFileError) as refused:
        load_json(content)
    assert [(p.where, p.message) for p in refused.value.problems] == [("file", NOT_JSON)]


def test_a_csv_uploaded_as_a_programme_gets_one_message_and_saves_nothing(
    shipped_frameworks, bob, client_for
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "induction.csv", b"slug,name,kind\ninduction,Knowing the business,programme\n"
    )
    response = client_for(bob).post(
        reverse("programmes:import", args=["northfold"]), {"file": upload}
    )
    page = response.content.decode()
    assert "The file cannot be imported: 1 problem," in page
    assert NOT_JSON in page
    assert "line 1, column 1" not in page and "Expecting value" not in page
    assert not Programme.objects.exists()


def test_reimporting_keeps_work_and_retires_activities_that_people_worked_on(
    shipped_frameworks, org, alice
):
    raw = small_programme(
        activities=[
            {"code": "context", "title": "The national context", "evidence": {"min_words": 20}},
            {"code": "council", "title": "Your council", "evidence": {"min_words": 20}},
            {"code": "unused", "title": "Unused", "evidence": {"min_words": 20}},
        ]
    )
    programme = programme_import(data=read(raw), owner=org, publish=True).thing
    worked_on = programme.activities.get(code="council")
    submission_submit(activity=worked_on, participant=alice, statement=words(20))
    raw["activities"] = raw["activities"][:1] + [
        {"code": "partners", "title": "Partners", "evidence": {"min_words": 20}}
    ]
    outcome = programme_import(data=read(raw), owner=org)
    assert outcome.changed and not outcome.created
    codes = dict(programme.activities.values_list("code", "retired"))
    assert codes == {"context": False, "partners": False, "council": True}
    assert worked_on.submissions.get().is_accepted


def test_a_slug_belongs_to_one_organisation(shipped_frameworks, org, other_org):
    programme_import(data=read(small_programme()), owner=org)
    with pytest.raises(ProgrammeFileError, match="already used by someone else"):
        programme_import(data=read(small_programme(name="Ours now")), owner=other_org)
    assert Programme.objects.get().name == "Knowing the business: induction"


def test_an_upload_with_problems_shows_them_in_a_table(shipped_frameworks, bob, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("x.json", json.dumps(small_programme(slug="Bad Slug")).encode())
    response = client_for(bob).post(
        reverse("programmes:import", args=["northfold"]), {"file": upload}
    )
    page = response.content.decode()
    assert "The file cannot be imported: 1 problem," in page
    assert "“Bad Slug” is not allowed here." in page
    assert not Programme.objects.exists()


def test_a_coordinator_imports_a_programme_as_a_draft_of_their_organisation(
    shipped_frameworks, bob, org, client_for
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("induction.json", json.dumps(small_programme()).encode())
    client_for(bob).post(reverse("programmes:import", args=["northfold"]), {"file": upload})
    programme = Programme.objects.get()
    assert (programme.owner, programme.status) == (org, Programme.Status.DRAFT)


def test_the_import_command_names_every_problem(tmp_path, shipped_frameworks):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(small_programme(slug="", name="")))
    with pytest.raises(CommandError) as refused:
        call_command("import_programme", str(path))
    assert "slug: This is required." in str(refused.value)
    assert "name: This is required." in str(refused.value)


def test_a_programme_keeps_the_language_its_file_gives_and_exports_it(shipped_frameworks, org):
    welsh = programme_import(data=read(small_programme(language="cy")), owner=org).thing
    plain = programme_import(data=read(small_programme(slug="plain")), owner=org).thing

    assert welsh.language == "cy"
    assert json.loads(dump(programme_as_data(welsh)))["language"] == "cy"
    assert plain.language == "en"


def test_a_language_that_is_not_a_code_is_refused_and_nothing_is_saved(shipped_frameworks, org):
    with pytest.raises(ProgrammeFileError) as refused:
        programme_import(data=read(small_programme(language="Welsh")), owner=org)

    assert [(p.where, p.message) for p in refused.value.problems] == [
        ("language", "Use a language code, such as “en” or “cy”.")
    ]
    assert not Programme.objects.exists()
