"""A person's badges are in their data download; erasing them revokes every copy."""

import json

import pytest
from django.urls import reverse

from peerpath.badges import verification as v
from peerpath.badges.models import Credential
from peerpath.portfolio.privacy import person_erase, personal_data

pytestmark = pytest.mark.django_db


def test_the_download_holds_each_badge_with_its_signed_credential(alices_badge, alice):
    [badge] = personal_data(alice)["apps"]["badges"]["badges"]
    assert badge["badge"] == "Thing 1: What is leadership?"
    assert badge["signed_credential"] == alices_badge.signed_json
    assert badge["evidence_narrative"] == "I reflected on three leaders I have worked with."
    assert v.verify(json.dumps(badge["signed_credential"])).is_valid


def test_erasure_revokes_copies_already_shared_and_takes_the_page_down(alices_badge, alice, client):
    shared_copy = json.dumps(alices_badge.signed_json)
    page = reverse("badges:credential", kwargs={"credential_uuid": alices_badge.uuid})
    assert client.get(page).status_code == 200

    person_erase(user=alice)

    result = v.verify(shared_copy)
    assert result.outcome == v.REVOKED
    assert "erased" in result.reason
    assert client.get(page).status_code == 404
    kept = Credential.objects.get(pk=alices_badge.pk)
    assert kept.signed_json == {} and kept.signed_jwt == ""
    assert kept.evidence_narrative == ""
    assert "Alice" not in json.dumps(personal_data(alice))
