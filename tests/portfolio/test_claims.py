"""Assessment against a Standard: claim, send to an assessor by email, accept or return."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from peerpath.frameworks.models import Framework
from peerpath.portfolio.models import Claim, ClaimItem, Evidence
from peerpath.portfolio.services import (
    Decision,
    claim_assess,
    claim_item_add,
    claim_start,
    claim_submit,
    claim_withdraw,
)

pytestmark = pytest.mark.django_db

RHIAN = "rhian.evans@university.example.ac.uk"


@pytest.fixture
def standard(shipped_frameworks):
    return Framework.objects.get(slug="cpd-standard-wales", is_current=True)


@pytest.fixture
def claim(alice, standard, statement, a_year_of_learning):
    budgets, book = a_year_of_learning[0], a_year_of_learning[1]
    draft = claim_start(owner=alice, framework=standard)
    claim_item_add(
        claim=draft,
        statement=statement("KS.1", "cpd-standard-wales"),
        entries=[budgets],
        note="The budgets course is what my role asks of me.",
    )
    claim_item_add(claim=draft, statement=statement("PQV.1", "cpd-standard-wales"), entries=[book])
    return draft


def link_path(text: str) -> str:
    return re.search(r"https?://[^/\s]+(/portfolio/assess/[^/\s]+/)", text).group(1)


def test_an_external_assessor_is_emailed_a_link_and_assesses_without_an_account(
    alice, client_for, claim, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(
            reverse("portfolio:claim-submit", args=[claim.pk]),
            {
                "assessor_name": "Dr Rhian Evans",
                "assessor_email": RHIAN,
                "assessor_role": "external",
                "note": "Thank you for looking at this.",
            },
        )
    [invitation] = smtp_inbox.wait_for(1)
    assert invitation["To"] == RHIAN
    assert invitation["Subject"] == "Alice Participant asks you to assess their evidence"
    path = link_path(invitation.get_payload(decode=True).decode())

    assessor = client_for(None)
    page = assessor.get(path).content.decode()
    assert "Managing budgets in a small service" in page
    assert "What I learned from managing budgets in a small service." in page
    assert "Equality and diversity refresher" not in page, "only the claimed entries are shown"
    items = {item.statement.code: item for item in claim.items.all()}
    with django_capture_on_commit_callbacks(execute=True):
        done = assessor.post(
            path,
            {
                "assessor_name": "Dr Rhian Evans",
                f"decision-{items['KS.1'].pk}": "accepted",
                f"decision-{items['PQV.1'].pk}": "returned",
                f"comment-{items['PQV.1'].pk}": "Say how the book changed what you do.",
            },
        )
    assert "Your decisions are recorded" in done.content.decode()

    claim.refresh_from_db()
    assert claim.status == Claim.Status.ASSESSED and claim.assessed_at is not None
    accepted, returned = items["KS.1"], items["PQV.1"]
    accepted.refresh_from_db()
    returned.refresh_from_db()
    assert (accepted.decision, returned.decision) == ("accepted", "returned")
    assert accepted.decided_by == f"Dr Rhian Evans <{RHIAN}>"
    assert accepted.decided_at == claim.assessed_at
    assert returned.comment == "Say how the book changed what you do."

    assert assessor.get(path).status_code == 404, "the link works once"
    [_invitation, news] = smtp_inbox.wait_for(2)
    assert news["To"] == "alice@example.org"
    assert "has been assessed" in news["Subject"]


def test_returning_an_item_without_saying_why_is_refused_and_nothing_is_recorded(
    alice, client_for, claim
):
    link = claim_submit(
        claim=claim, assessor_name="Bob", assessor_email=RHIAN, assessor_role="line-manager"
    )
    path = link_path(link)
    items = list(claim.items.all())
    response = client_for(None).post(
        path,
        {
            "assessor_name": "Bob",
            f"decision-{items[0].pk}": "returned",
            f"comment-{items[0].pk}": "   ",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Say why you are returning KS.1." in page
    assert "Accept or return PQV.1." in page
    assert not ClaimItem.objects.exclude(decision="pending").exists()
    claim.refresh_from_db()
    assert claim.status == Claim.Status.SUBMITTED


def test_accepted_items_show_as_assessed_and_the_rest_as_self_claimed(
    alice, client_for, claim, a_year_of_learning
):
    claim_submit(claim=claim, assessor_name="Rhian", assessor_email=RHIAN, assessor_role="external")
    items = {item.statement.code: item for item in claim.items.all()}
    claim_assess(
        claim=claim,
        assessor_name="Dr Rhian Evans",
        decisions={
            items["KS.1"].pk: Decision("accepted"),
            items["PQV.1"].pk: Decision("returned", "More please"),
        },
    )
    url = reverse("portfolio:capabilities") + "?framework=cpd-standard-wales"
    page = client_for(alice).get(url).content.decode()
    ks1 = page[page.index("KS.1") : page.index("KS.2")]
    assert "Assessed" in ks1 and "Accepted by Dr Rhian Evans" in ks1
    pqv1 = page[page.index("PQV.1") : page.index("PQV.2")]
    assert "Self-claimed" in pqv1 and "Assessed" not in pqv1


def test_a_withdrawn_claim_link_stops_working_at_once(alice, client_for, claim):
    path = link_path(
        claim_submit(claim=claim, assessor_name="R", assessor_email=RHIAN, assessor_role="mentor")
    )
    client_for(alice).post(reverse("portfolio:claim-withdraw", args=[claim.pk]))
    response = client_for(None).get(path)
    assert response.status_code == 404 and "This link no longer works" in response.content.decode()


def test_a_sent_claim_cannot_be_changed_and_cannot_be_assessed_by_its_owner(
    alice, claim, statement, a_year_of_learning
):
    with pytest.raises(ValidationError, match="cannot assess your own"):
        claim_submit(
            claim=claim, assessor_name="Me", assessor_email=alice.email, assessor_role="mentor"
        )
    claim_submit(claim=claim, assessor_name="R", assessor_email=RHIAN, assessor_role="mentor")
    with pytest.raises(ValidationError, match="can no longer be changed"):
        claim_item_add(
            claim=claim,
            statement=statement("PC.1", "cpd-standard-wales"),
            entries=a_year_of_learning[:1],
        )


def test_an_item_must_belong_to_the_claims_standard(claim, statement, a_year_of_learning):
    with pytest.raises(ValidationError, match="Choose an item of"):
        claim_item_add(claim=claim, statement=statement("VIS.1"), entries=a_year_of_learning[:1])


def test_the_assessor_can_open_evidence_files_of_the_claimed_entries_only(
    alice, client_for, claim, a_year_of_learning
):
    claimed, other = a_year_of_learning[0], a_year_of_learning[5]
    files = []
    for entry in (claimed, other):
        evidence = Evidence(
            entry=entry, original_name="notes.txt", content_type="text/plain", size=5
        )
        evidence.file.save("notes.txt", ContentFile(b"notes"), save=True)
        files.append(evidence)
    token = link_path(
        claim_submit(claim=claim, assessor_name="R", assessor_email=RHIAN, assessor_role="mentor")
    ).split("/")[-2]
    assessor = client_for(None)
    url = reverse("portfolio:assess-evidence", args=[token, files[0].pk])
    assert b"".join(assessor.get(url).streaming_content) == b"notes"
    other_url = reverse("portfolio:assess-evidence", args=[token, files[1].pk])
    assert assessor.get(other_url).status_code == 404
    claim_withdraw(claim=claim)
    assert assessor.get(url).status_code == 404


def test_returned_items_can_be_claimed_again_in_a_new_claim(alice, client_for, claim):
    claim_submit(claim=claim, assessor_name="R", assessor_email=RHIAN, assessor_role="mentor")
    items = {item.statement.code: item for item in claim.items.all()}
    claim_assess(
        claim=claim,
        assessor_name="R",
        decisions={
            items["KS.1"].pk: Decision("accepted"),
            items["PQV.1"].pk: Decision("returned", "More please"),
        },
    )
    response = client_for(alice).post(reverse("portfolio:claim-again", args=[claim.pk]))
    fresh = Claim.objects.exclude(pk=claim.pk).get()
    assert response["Location"] == fresh.get_absolute_url()
    assert fresh.status == Claim.Status.DRAFT
    assert [item.statement.code for item in fresh.items.all()] == ["PQV.1"]
    assert list(fresh.items.get().entries.all()) == list(items["PQV.1"].entries.all())


def test_claiming_items_through_the_page_with_chosen_entries(
    alice, client_for, standard, statement, a_year_of_learning
):
    draft = claim_start(owner=alice, framework=standard)
    response = client_for(alice).post(
        reverse("portfolio:claim", args=[draft.pk]),
        {
            "statements": [
                statement("KS.2", "cpd-standard-wales").pk,
                statement("PC.1", "cpd-standard-wales").pk,
            ],
            "entries": [a_year_of_learning[3].pk, a_year_of_learning[6].pk],
            "note": "Both shaped how I lead change.",
        },
    )
    assert response.status_code == 302
    assert sorted(i.statement.code for i in draft.items.all()) == ["KS.2", "PC.1"]
    refused = client_for(alice).post(
        reverse("portfolio:claim", args=[draft.pk]),
        {"statements": [statement("VIS.1").pk], "entries": [a_year_of_learning[0].pk]},
    )
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()
