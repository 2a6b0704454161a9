"""A person can download everything held about them, and have it erased."""

import io
import json
import sys
import types
import zipfile

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.urls import reverse

from peerpath.accounts.models import AuditEvent, Membership, User
from peerpath.drafts.models import Draft
from peerpath.drafts.services import draft_save
from peerpath.portfolio.models import (
    Claim,
    ClaimItem,
    LearningEntry,
    PlanComment,
    PlanShare,
    PortfolioExport,
)
from peerpath.portfolio.privacy import person_erase
from peerpath.portfolio.services import (
    Decision,
    claim_assess,
    claim_item_add,
    claim_start,
    claim_submit,
    evidence_add_bytes,
    plan_comment_add,
    plan_item_create,
    plan_share,
)
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def lives_entwined(alice, bob, statement, a_year_of_learning, shipped_frameworks):
    """Alice's portfolio, and what she did in others' (she comments on and assesses Bob's)."""
    evidence_add_bytes(entry=a_year_of_learning[0], name="notes.txt", content=b"my notes")
    plan_item_create(owner=alice, action="Shadow a director")
    plan_share(owner=alice, email=bob.email)
    plan_item_create(owner=bob, action="Run a team away-day")
    plan_share(owner=bob, email=alice.email)
    plan_comment_add(plan_owner=bob, author=alice, text="Happy to help plan it.")
    plan_comment_add(plan_owner=bob, author=bob, text="Thank you, Alice.")
    draft_save(owner=alice, key="portfolio.entry.new.reflection", text="half a thought")
    bobs_entry = LearningEntry.objects.create(
        owner=bob, title="Budget course", kind="course", date=a_year_of_learning[0].date
    )
    claim = claim_start(owner=bob, framework=statement("KS.1", "cpd-standard-wales").framework)
    claim_item_add(
        claim=claim, statement=statement("KS.1", "cpd-standard-wales"), entries=[bobs_entry]
    )
    claim_submit(
        claim=claim, assessor_name="Alice", assessor_email=alice.email, assessor_role="mentor"
    )
    claim_assess(
        claim=claim,
        assessor_name="Alice Participant",
        decisions={claim.items.get().pk: Decision("accepted")},
    )
    return claim


@pytest.fixture
def download(made_file):
    def get(client) -> tuple[dict, dict[str, bytes]]:
        return unpack(made_file(client, "personal-data"))

    return get


def unpack(content: bytes) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        data = json.loads(archive.read("personal-data.json"))
        files = {n: archive.read(n) for n in archive.namelist() if n != "personal-data.json"}
    return data, files


def test_the_download_holds_account_portfolio_drafts_and_files(
    alice, client_for, lives_entwined, download
):
    data, files = download(client_for(alice))
    assert data["format"] == "peerpath-personal-data"
    assert data["account"]["email"] == "alice@example.org"
    assert data["account"]["roles"][0]["organisation"] == "Northfold Libraries"
    assert data["account"]["unsaved_drafts"][0]["text"] == "half a thought"
    portfolio = data["apps"]["portfolio"]
    assert len(portfolio["learning_entries"]) == 8
    assert portfolio["my_comments_on_other_plans"][0]["text"] == "Happy to help plan it."
    assert portfolio["plans_shared_with_me"][0]["owner"] == "Bob Coordinator"
    assert portfolio["claims_i_assessed"][0]["claim_of"] == "Bob Coordinator"
    assert list(files.values()) == [b"my notes"]


def test_erasure_removes_her_content_and_keeps_what_others_rely_on_without_her_name(
    alice,
    bob,
    org,
    client_for,
    lives_entwined,
    private_media,
    made_file,
    django_capture_on_commit_callbacks,
):
    members_before = Membership.objects.filter(organisation=org).count()
    client = client_for(alice)
    made_file(client, "pdf")  # a copy she made earlier must go too
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("portfolio:erase"), {"password": TEST_PASSWORD, "understood": "on"}
        )
    assert "Your account has been erased" in response.content.decode()

    erased = User.objects.get(pk=alice.pk)
    assert (erased.email, erased.full_name, erased.is_active) == (
        f"erased-{alice.pk}@erased.invalid",
        "Erased person",
        False,
    )
    assert authenticate(username="alice@example.org", password=TEST_PASSWORD) is None
    assert client.get(reverse("portfolio:home")).status_code == 302, "signed out"
    assert not LearningEntry.objects.filter(owner=erased).exists()
    assert not Draft.objects.filter(owner=erased).exists()
    assert not PlanShare.objects.filter(viewer=erased).exists()
    assert not PortfolioExport.objects.filter(owner=erased).exists()
    assert [p for p in private_media.rglob("*") if p.is_file()] == []

    # What Bob keeps: his plan's conversation and the assessment of his claim.
    comment = PlanComment.objects.get(plan_owner=bob, text="Happy to help plan it.")
    assert (comment.author, comment.author_name) == (None, "A former member")
    claim = Claim.objects.get(pk=lives_entwined.pk)
    assert "Alice" not in claim.assessor_name and claim.assessor_email == ""
    assert ClaimItem.objects.get(claim=claim).decision == "accepted"
    assert "alice" not in ClaimItem.objects.get(claim=claim).decided_by.lower()
    # What the organisation keeps: its count of people, and a note in its audit log.
    assert Membership.objects.filter(organisation=org).count() == members_before
    event = AuditEvent.objects.get(organisation=org, action="person-erased")
    assert event.subject_name == "Erased person"


def test_erasure_needs_the_password_and_the_tick(alice, client_for, lives_entwined):
    response = client_for(alice).post(reverse("portfolio:erase"), {"password": "wrong"})
    page = response.content.decode()
    assert "That is not your password." in page
    assert "Tick the box to confirm you understand." in page
    assert User.objects.get(pk=alice.pk).is_active
    assert LearningEntry.objects.filter(owner=alice).count() == 8


def test_an_admin_can_erase_someone_who_asks_by_email(alice, lives_entwined):
    out = io.StringIO()
    call_command("erase_person", "alice@example.org", "--yes", stdout=out)
    assert not User.objects.filter(email="alice@example.org").exists()
    assert f"Erased account {alice.pk}." in out.getvalue()


@pytest.fixture
def mentoring_hook(monkeypatch):
    """What the mentoring app will plug in: its own export and erasure."""
    module = types.ModuleType("peerpath.mentoring.personal_data")
    module.calls = []
    module.export = lambda user: {"sessions": [f"session of {user.full_name}"]}
    module.erase = lambda user: module.calls.append(("erase", user.email))
    monkeypatch.setitem(sys.modules, "peerpath.mentoring.personal_data", module)
    return module


def test_every_apps_hook_adds_its_part_to_the_download_and_to_the_erasure(
    alice, client_for, mentoring_hook, download
):
    data, _files = download(client_for(alice))
    assert data["apps"]["mentoring"] == {"sessions": ["session of Alice Participant"]}
    person_erase(user=alice)
    assert mentoring_hook.calls == [("erase", "alice@example.org")], "called before anonymising"


def test_if_any_app_cannot_erase_nothing_is_erased(alice, mentoring_hook, lives_entwined):
    def refuse(user):
        raise RuntimeError("mentoring database unavailable")

    mentoring_hook.erase = refuse
    with pytest.raises(RuntimeError):
        person_erase(user=alice)
    alice.refresh_from_db()
    assert alice.email == "alice@example.org" and alice.is_active
    assert LearningEntry.objects.filter(owner=alice).count() == 8
