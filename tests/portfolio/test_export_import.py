"""A portfolio exported as JSON + evidence files imports into a fresh Peerpath with
everything equal: the round trip compares the whole document and every file's bytes."""

import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from peerpath.accounts.models import User
from peerpath.frameworks.formats import read_framework_file
from peerpath.frameworks.models import Domain, Framework
from peerpath.frameworks.services import framework_import
from peerpath.portfolio.models import LearningEntry, OrganisationObjective
from peerpath.portfolio.services import (
    Decision,
    claim_assess,
    claim_item_add,
    claim_start,
    claim_submit,
    evidence_add_file,
    evidence_add_link,
    goal_note_add,
    goal_save,
    learning_entry_record,
    plan_comment_add,
    plan_item_create,
    plan_share,
)
from peerpath.portfolio.transfer.exporting import write_portfolio_zip

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a certificate\n%%EOF\n"


@pytest.fixture
def nos(shipped_frameworks):
    """An external standard an organisation loaded: it is not shipped with Peerpath."""
    rows = "domain_code,domain_name,statement_code,statement_text\n"
    rows += "SCDLMCA1,Lead and manage provision of care services,SCDLMCA1.1,Lead practice\n"
    rows += "SCDLMCA1,Lead and manage provision of care services,SCDLMCA1.2,Support staff\n"
    data, _fmt = read_framework_file(
        "nos.csv",
        rows.encode(),
        overrides={"slug": "nos-leadership-care", "name": "NOS leadership in care", "version": "2"},
    )
    return framework_import(data=data, publish=True).framework


@pytest.fixture
def full_portfolio(alice, bob, org, statement, nos, a_year_of_learning):
    """Everything a portfolio can hold, including awkward text and two kinds of evidence."""
    entries = a_year_of_learning
    objective = OrganisationObjective.objects.create(organisation=org, title="Hubs for all")
    goal = goal_save(
        owner=alice,
        title="Lead the hub pilot",
        why="Because *people* need a place – “safe & warm”.\n\n- one\n- two",
        statements=[statement("VIS.1")],
        objective=objective,
        status="achieved",
    )
    goal_note_add(goal=goal, text="First branch open.")
    goal_save(owner=alice, title="Learn Welsh – Dysgu Cymraeg")
    entries[0].goals.add(goal)
    entries[2].practice = "I <b>pause</b> before replying.\nNew line."
    entries[2].impact = "Calmer visits 🙂"
    entries[2].save()
    evidence_add_file(
        entry=entries[0], upload=ContentFile(PDF, name="certificate.pdf"), title="Certificate"
    )
    evidence_add_file(entry=entries[0], upload=ContentFile("café ☕".encode(), name="nótes.txt"))
    evidence_add_link(entry=entries[1], url="https://blog.example.org/dare", title="Blog post")
    entries[6].statements.add(nos.statements.get(code="SCDLMCA1.2"))
    learning_entry_record(
        owner=alice,
        title="Thing 1: What is leadership?",
        kind="e-learning",
        date=entries[3].date,
        hours=2,
        statements=[statement("VIS.1")],
        source_key="programmes.submission.1",
        source_url="/programmes/23-things/1/",
    )
    item = plan_item_create(
        owner=alice, action="Shadow budget setting", statement=statement("VIS.4"), source="360"
    )
    plan_item_create(
        owner=alice, action="Work on empowering", domain=Domain.objects.get(code="EMP")
    )
    plan_share(owner=alice, email=bob.email)
    plan_comment_add(plan_owner=alice, author=bob, text="Booked for February.", item=item)
    plan_comment_add(plan_owner=alice, author=alice, text="Thanks!")
    standard = Framework.objects.get(slug="cpd-standard-wales")
    assessed = claim_start(owner=alice, framework=standard)
    for code, entry in [("KS.1", entries[0]), ("PQV.1", entries[1])]:
        claim_item_add(claim=assessed, statement=statement(code, standard.slug), entries=[entry])
    claim_submit(
        claim=assessed, assessor_name="R", assessor_email="r@uni.example", assessor_role="external"
    )
    ks1, pqv1 = assessed.items.order_by("statement__code")
    claim_assess(
        claim=assessed,
        assessor_name="Dr Rhian Evans",
        decisions={ks1.pk: Decision("accepted"), pqv1.pk: Decision("returned", "More, please")},
    )
    waiting = claim_start(owner=alice, framework=standard)
    claim_item_add(claim=waiting, statement=statement("PC.1", standard.slug), entries=entries[6:7])
    claim_submit(
        claim=waiting, assessor_name="Bob", assessor_email=bob.email, assessor_role="line-manager"
    )
    claim_start(owner=alice, framework=nos)
    return alice


def export_zip(user) -> bytes:
    buffer = io.BytesIO()
    write_portfolio_zip(user, buffer)
    return buffer.getvalue()


def unpack(content: bytes) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        data = json.loads(archive.read("portfolio.json"))
        files = {
            name: archive.read(name) for name in archive.namelist() if name.startswith("evidence/")
        }
    data.pop("exported_at")
    return data, files


def wipe_to_a_fresh_instance():
    """As good as a new Peerpath: no people, no portfolios, not even shipped frameworks."""
    User.objects.all().delete()
    Framework.objects.all().delete()


def test_a_whole_portfolio_survives_export_and_import_into_a_fresh_peerpath(
    full_portfolio, tmp_path, private_media
):
    before, files_before = unpack(export_zip(full_portfolio))
    assert len(before["learning_entries"]) == 9 and len(before["claims"]) == 3
    assert len(files_before) == 2
    path = tmp_path / "portfolio.zip"
    path.write_bytes(export_zip(full_portfolio))
    wipe_to_a_fresh_instance()

    out = io.StringIO()
    call_command(
        "import_portfolio",
        str(path),
        "--email",
        "alice@example.org",
        "--create-account",
        stdout=out,
    )
    assert "Installed the framework nos-leadership-care 2" in out.getvalue()
    assert "9 entries, 2 goals, 2 plan items, 3 claims, 2 evidence files" in out.getvalue()

    alice_again = User.objects.get(email="alice@example.org")
    after, files_after = unpack(export_zip(alice_again))
    assert after == before
    assert files_after == files_before


def test_a_claim_still_with_its_assessor_arrives_without_a_working_link(full_portfolio, tmp_path):
    path = tmp_path / "portfolio.zip"
    path.write_bytes(export_zip(full_portfolio))
    wipe_to_a_fresh_instance()
    call_command("import_portfolio", str(path), "--email", "alice@example.org", "--create-account")
    waiting = User.objects.get().claims.get(status="submitted")
    assert waiting.token_hash == ""


def test_an_entry_another_app_made_keeps_its_source_so_it_is_never_doubled(
    full_portfolio, tmp_path
):
    path = tmp_path / "portfolio.zip"
    path.write_bytes(export_zip(full_portfolio))
    wipe_to_a_fresh_instance()
    call_command("import_portfolio", str(path), "--email", "alice@example.org", "--create-account")
    alice = User.objects.get()
    learning_entry_record(
        owner=alice,
        title="Thing 1: What is leadership? (revised)",
        kind="e-learning",
        date=LearningEntry.objects.get(source_key="programmes.submission.1").date,
        source_key="programmes.submission.1",
    )
    assert alice.learning_entries.filter(title__startswith="Thing 1").count() == 1


def test_the_json_names_its_format_and_schema_version_and_hides_database_ids(full_portfolio):
    data, _files = unpack(export_zip(full_portfolio))
    assert (data["format"], data["schema_version"]) == ("peerpath-portfolio", 1)
    entry = data["learning_entries"][0]
    assert entry["ref"] == "entry-1" and "id" not in entry
    assert entry["statements"][0] == {
        "framework": "cpd-standard-wales",
        "version": "1.0",
        "code": "KS.1",
    }
    assert {f["slug"] for f in data["frameworks"]} == {
        "cpd-standard-wales",
        "six-leadership-capabilities",
        "nos-leadership-care",
    }
