"""What earners, checkers and issuer admins see and do."""

import datetime
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from peerpath.badges.baking import unbake_png, unbake_svg
from peerpath.badges.models import Credential, IssuerKey
from peerpath.badges.schema import profile_problems
from peerpath.badges.services import credential_award, credential_revoke
from peerpath.lib.timeline import collect_timeline


def test_an_earner_sees_their_badges_with_downloads(alices_badge, alice, client_for):
    page = client_for(alice).get(reverse("badges:home"))
    assert page.status_code == 200
    assert "Thing 1: What is leadership?" in page.text
    for fmt in ("png", "svg", "jwt", "json"):
        assert reverse("badges:credential-download", args=[alices_badge.uuid, fmt]) in page.text


def test_someone_without_badges_is_told_how_to_earn_them(bob, client_for):
    assert "not earned any badges yet" in client_for(bob).get(reverse("badges:home")).text


def test_the_downloads_carry_the_signed_credential(alices_badge, client):
    def download(fmt):
        return client.get(reverse("badges:credential-download", args=[alices_badge.uuid, fmt]))

    assert unbake_png(download("png").content) == alices_badge.signed_jwt
    assert unbake_svg(download("svg").content.decode()) == alices_badge.signed_jwt
    assert download("jwt").content.decode() == alices_badge.signed_jwt
    assert json.loads(download("json").content) == alices_badge.signed_json
    assert download("png")["Content-Disposition"].endswith('.png"')


def test_the_share_link_shows_the_badge_to_anyone(alices_badge, client):
    page = client.get(alices_badge.get_absolute_url())
    assert "Alice Participant" in page.text
    assert "Check that this badge is genuine" in page.text
    assert "Public link" not in page.text  # only the earner is offered the share box


def test_the_credential_address_answers_wallets_with_the_credential(alices_badge, client):
    response = client.get(alices_badge.get_absolute_url(), HTTP_ACCEPT="application/ld+json")
    assert json.loads(response.content) == alices_badge.signed_json


def test_pasting_a_genuine_badge_says_it_is_valid(alices_badge, client):
    page = client.post(reverse("badges:verify"), {"credential": alices_badge.signed_jwt})
    assert "Valid badge" in page.text
    assert "Thing 1: What is leadership?" in page.text


def test_uploading_a_baked_image_checks_the_badge_inside(alices_badge, client):
    png = client.get(reverse("badges:credential-download", args=[alices_badge.uuid, "png"]))
    upload = SimpleUploadedFile("badge.png", png.content, content_type="image/png")
    page = client.post(reverse("badges:verify"), {"file": upload})
    assert "Valid badge" in page.text


def test_checking_a_revoked_badge_shows_the_reason(alices_badge, client):
    credential_revoke(credential=alices_badge, reason="Awarded to the wrong person")
    page = client.post(reverse("badges:verify"), {"credential": alices_badge.signed_jwt})
    assert "Revoked badge" in page.text
    assert "Awarded to the wrong person" in page.text


def test_checking_nothing_asks_for_a_badge(client, db):
    page = client.post(reverse("badges:verify"), {"credential": "  "})
    assert page.text.count("Paste a badge or choose a badge file to check.") == 2  # summary + field
    assert "<title>Error:" in page.text


def test_the_json_endpoint_answers_programs(alices_badge, client):
    url = reverse("badges:verify-api")
    valid = client.post(url, alices_badge.signed_jwt, content_type="text/plain").json()
    assert (valid["valid"], valid["outcome"]) == (True, "valid")
    head, body, signature = alices_badge.signed_jwt.split(".")
    forged = client.post(url, f"{head}.{body[:-2]}xx.{signature}", content_type="text/plain")
    assert forged.json()["valid"] is False
    assert client.post(url, "", content_type="text/plain").status_code == 400


def test_an_org_admin_revokes_a_badge_with_a_reason(northfold_badge, alice, carol, client_for):
    credential = credential_award(achievement=northfold_badge, recipient=alice)
    url = reverse("badges:credential-revoke", args=[credential.uuid])
    refused = client_for(carol).post(url, {"reason": ""})
    assert "Enter why you are revoking this badge." in refused.text
    credential.refresh_from_db()
    assert not credential.is_revoked
    done = client_for(carol).post(url, {"reason": "Did not attend"}, follow=True)
    assert "It now fails verification everywhere" in done.text
    credential.refresh_from_db()
    assert credential.revocation_reason == "Did not attend"


def test_an_earner_cannot_revoke_their_own_badge(northfold_badge, alice, client_for):
    credential = credential_award(achievement=northfold_badge, recipient=alice)
    url = reverse("badges:credential-revoke", args=[credential.uuid])
    assert client_for(alice).post(url, {"reason": "x"}).status_code == 404
    assert not Credential.objects.get(pk=credential.pk).is_revoked


def test_rotating_keys_keeps_the_old_ones_published(
    northfold_badge, alice, carol, client_for, client
):
    credential = credential_award(achievement=northfold_badge, recipient=alice)
    issuer = credential.issuer
    client_for(carol).post(reverse("badges:issuer-rotate-keys", args=[issuer.uuid]))
    assert IssuerKey.objects.filter(issuer=issuer).count() == 4
    assert IssuerKey.objects.filter(issuer=issuer, retired_at__isnull=True).count() == 2
    jwks = client.get(reverse("badges:issuer-jwks", args=[issuer.uuid])).json()
    assert len(jwks["keys"]) == 4


def test_the_issuer_profile_follows_the_ob3_profile_schema(alices_badge, client):
    profile = client.get(
        alices_badge.issuer.get_absolute_url(), HTTP_ACCEPT="application/json"
    ).json()
    assert profile["type"] == ["Profile"]
    assert profile_problems(profile) == []


def test_badges_appear_in_the_portfolio_timeline(alices_badge, alice):
    today = timezone.localdate()
    items = collect_timeline(alice, today - datetime.timedelta(days=1), today)
    badges = [item for item in items if item.kind == "Badge"]
    assert [item.title for item in badges] == ["Thing 1: What is leadership?"]
    credential_revoke(credential=alices_badge, reason="Mistake")
    assert not [i for i in collect_timeline(alice, today, today) if i.kind == "Badge"]


def test_the_home_page_card_counts_badges(alices_badge, alice, client_for):
    page = client_for(alice).get(reverse("home"))
    assert "You have earned 1 badge." in page.text


def test_an_org_admin_is_pointed_to_their_issuers_badges(northfold_badge, carol, client_for):
    page = client_for(carol).get(reverse("home"))
    assert "Badges issued by Northfold Libraries" in page.text
    assert reverse("badges:issuer-manage", args=[northfold_badge.issuer.uuid]) in page.text


def test_a_person_reads_their_badges_over_the_api(alices_badge, alice, client_for, client):
    rows = client_for(alice).get("/api/badges/mine/").json()
    assert [row["name"] for row in rows] == ["Thing 1: What is leadership?"]
    assert rows[0]["credential_jwt"] == alices_badge.signed_jwt
    assert client.get("/api/badges/mine/").status_code == 401
