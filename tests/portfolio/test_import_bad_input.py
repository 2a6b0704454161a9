"""A bad portfolio file gets a clear message and changes nothing at all."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from peerpath.frameworks.models import Framework
from peerpath.portfolio.models import Evidence, Goal, LearningEntry
from peerpath.portfolio.services import evidence_add_bytes, goal_save
from peerpath.portfolio.transfer import importing
from peerpath.portfolio.transfer.exporting import write_portfolio_zip

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(alice, a_year_of_learning) -> tuple[dict, dict[str, bytes]]:
    """Alice's exported portfolio as (JSON, evidence files), ready to be spoiled."""
    goal_save(owner=alice, title="Chair a meeting")
    evidence_add_bytes(entry=a_year_of_learning[0], name="notes.txt", content=b"my notes")
    buffer = io.BytesIO()
    write_portfolio_zip(alice, buffer)
    with zipfile.ZipFile(buffer) as archive:
        data = json.loads(archive.read("portfolio.json"))
        files = {n: archive.read(n) for n in archive.namelist() if n.startswith("evidence/")}
    return data, files


def make_zip(data, files) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("portfolio.json", json.dumps(data) if isinstance(data, dict) else data)
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def web_import(client, content: bytes):
    upload = SimpleUploadedFile("portfolio.zip", content, content_type="application/zip")
    return client.post(reverse("portfolio:import"), {"file": upload})


@pytest.fixture
def newcomer(carol):
    """Carol has an empty portfolio: a file may be imported into it."""
    return carol


def nothing_was_written(person, media) -> bool:
    stored = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
    return (
        not person.learning_entries.exists()
        and not person.goals.exists()
        and not Evidence.objects.filter(entry__owner=person).exists()
        and all(f"/evidence/{person.pk}/" not in str(p) for p in stored)
    )


def test_a_good_file_imports_through_the_web_page(newcomer, client_for, exported):
    response = web_import(client_for(newcomer), make_zip(*exported))
    assert response.status_code == 302
    assert newcomer.learning_entries.count() == 8 and newcomer.goals.count() == 1
    assert Evidence.objects.get(entry__owner=newcomer).file.read() == b"my notes"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text", "This is not a Peerpath portfolio export"),
        (make_zip("{not json", {}), "portfolio.json is damaged and cannot be read"),
        (make_zip({"format": "something-else"}, {}), "portfolio.json is not a Peerpath portfolio"),
    ],
)
def test_a_file_that_is_not_a_portfolio_is_refused(newcomer, client_for, content, message):
    response = web_import(client_for(newcomer), content)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "nothing was changed" in page


def test_a_zip_without_the_portfolio_json_is_refused(newcomer, client_for):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("holiday.jpg", b"\xff\xd8\xff")
    page = web_import(client_for(newcomer), buffer.getvalue()).content.decode()
    assert "The zip has no portfolio.json" in page


def test_a_file_from_another_schema_version_is_refused_with_advice(newcomer, client_for, exported):
    data, files = exported
    data["schema_version"] = 2
    page = web_import(client_for(newcomer), make_zip(data, files)).content.decode()
    assert (
        "This file uses version 2 of the portfolio format, and this Peerpath reads version 1"
        in page
    )


def test_every_problem_is_listed_with_where_it_is_and_nothing_is_written(
    newcomer, client_for, exported, private_media
):
    data, files = exported
    data["learning_entries"][0]["date"] = "2099-01-01"
    data["learning_entries"][1]["hours"] = "-3"
    data["learning_entries"][2]["kind"] = "holiday"
    data["learning_entries"][3]["statements"][0]["code"] = "NOPE.9"
    data["goals"][0]["title"] = ""
    page = web_import(client_for(newcomer), make_zip(data, files)).content.decode()
    assert "learning_entries[0].date: is in the future" in page
    assert "learning_entries[1].hours: must be between 0 and 9999" in page
    assert "learning_entries[2].kind: must be one of" in page
    assert "has no item NOPE.9" in page
    assert "goals[0].title: is required" in page
    assert nothing_was_written(newcomer, private_media)


def test_a_changed_evidence_file_is_detected(newcomer, client_for, exported, private_media):
    data, files = exported
    [name] = files
    files[name] = b"someone else's notes"
    page = web_import(client_for(newcomer), make_zip(data, files)).content.decode()
    assert "has been changed or damaged (its checksum differs)" in page
    assert nothing_was_written(newcomer, private_media)


def test_a_missing_evidence_file_is_detected(newcomer, client_for, exported, private_media):
    data, _files = exported
    page = web_import(client_for(newcomer), make_zip(data, {})).content.decode()
    assert "is missing from the zip" in page
    assert nothing_was_written(newcomer, private_media)


def test_an_evidence_file_over_this_peerpaths_limit_is_refused(
    newcomer, client_for, exported, settings, private_media
):
    settings.PORTFOLIO_EVIDENCE_MAX_BYTES = 4
    page = web_import(client_for(newcomer), make_zip(*exported)).content.decode()
    assert "The file must be smaller than" in page
    assert nothing_was_written(newcomer, private_media)


def test_a_framework_this_peerpath_lacks_is_not_installed_from_the_web(
    newcomer, client_for, exported, private_media
):
    data, files = exported
    Framework.objects.filter(slug="six-leadership-capabilities").update(version="9")
    page = web_import(client_for(newcomer), make_zip(data, files)).content.decode()
    assert "six-leadership-capabilities version 1.0 is not on this Peerpath yet" in page
    assert page.count("six-leadership-capabilities version 1.0") == 1, "said once, not per entry"
    assert nothing_was_written(newcomer, private_media)


def test_importing_into_a_portfolio_that_has_content_is_refused(alice, client_for, exported):
    before = LearningEntry.objects.filter(owner=alice).count()
    response = web_import(client_for(alice), make_zip(*exported))
    assert "already has content" in response.content.decode()
    assert LearningEntry.objects.filter(owner=alice).count() == before


def test_a_failure_half_way_through_leaves_no_rows_and_no_files(
    newcomer, exported, private_media, monkeypatch, tmp_path
):
    def broken(self, raw):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(importing._Writer, "plan_item", broken)
    data, files = exported
    data["development_plan"]["items"] = [
        {
            "ref": "plan-1",
            "action": "Anything",
            "status": "not-started",
            "created_at": "2026-01-01T00:00:00+00:00",
            "updated_at": "2026-01-01T00:00:00+00:00",
        }
    ]
    path = tmp_path / "portfolio.zip"
    path.write_bytes(make_zip(data, files))
    with pytest.raises(RuntimeError):
        call_command("import_portfolio", str(path), "--email", newcomer.email)
    assert nothing_was_written(newcomer, private_media)
    assert not Goal.objects.filter(owner=newcomer).exists()


def test_the_command_lists_problems_and_names_a_missing_account(newcomer, exported, tmp_path):
    data, files = exported
    data["schema_version"] = 0
    path = tmp_path / "portfolio.zip"
    path.write_bytes(make_zip(data, files))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_portfolio", str(path), "--email", newcomer.email)
    with pytest.raises(CommandError, match="add --create-account"):
        call_command("import_portfolio", str(path), "--email", "new@example.org")
