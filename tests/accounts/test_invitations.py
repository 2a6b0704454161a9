"""Joining an organisation by an emailed link."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from peerpath.accounts.models import Invitation, Membership, User
from peerpath.accounts.services import invitation_accept, invitation_send


def invite(org, carol, email="newcomer@example.org", role=Membership.Role.PARTICIPANT):
    sent = invitation_send(
        organisation=org, email=email, role=role, invited_by=carol, base_url="http://testserver"
    )
    return sent, sent.link.removeprefix("http://testserver")


def test_an_admin_invites_someone_and_the_email_carries_a_working_link(
    client_for, carol, org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(carol).post(
            reverse("orgs:organisation", kwargs={"org_slug": org.slug}),
            {"email": "New.Comer@Example.org", "full_name": "Nia Newcomer", "role": "participant"},
        )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["new.comer@example.org"]
    assert "Northfold Libraries" in message.subject
    path = re.search(r"http://testserver(/accounts/invitations/\S+/)", message.body).group(1)
    page = client_for(None).get(path).content.decode()
    assert "Join Northfold Libraries" in page and 'value="Nia Newcomer"' in page


def test_a_newcomer_accepts_by_choosing_a_password_and_is_signed_in(client, carol, org):
    _sent, path = invite(org, carol)
    response = client.post(
        path,
        {
            "full_name": "Nia Newcomer",
            "password1": "river stone lantern",
            "password2": "river stone lantern",
        },
    )
    assert response["Location"] == reverse("home")
    user = User.objects.get(email="newcomer@example.org")
    assert get_user(client) == user
    assert user.memberships.get().organisation == org


def test_weak_or_mismatched_passwords_are_refused_and_nothing_is_created(client, carol, org):
    _sent, path = invite(org, carol)
    page = client.post(
        path, {"full_name": "Nia", "password1": "12345678", "password2": "12345678"}
    ).content.decode()
    assert "There is a problem" in page
    page = client.post(
        path,
        {
            "full_name": "Nia",
            "password1": "river stone lantern",
            "password2": "river stone lanterns",
        },
    ).content.decode()
    assert "The two passwords do not match." in page
    assert not User.objects.filter(email="newcomer@example.org").exists()


def test_a_signed_in_person_accepts_and_gains_the_role(client_for, carol, alice, org):
    _sent, path = invite(org, carol, email=alice.email, role=Membership.Role.COORDINATOR)
    client_for(alice).post(path)
    assert alice.memberships.filter(role=Membership.Role.COORDINATOR, organisation=org).exists()


def test_a_link_cannot_be_used_by_someone_signed_in_as_another_person(client_for, carol, bob, org):
    sent, path = invite(org, carol)
    client_for(bob).post(path, follow=True)
    sent.invitation.refresh_from_db()
    assert sent.invitation.accepted_at is None
    assert not bob.memberships.filter(role=Membership.Role.PARTICIPANT).exists()


@pytest.mark.parametrize("state", ["used", "expired", "withdrawn", "forged"])
def test_unusable_links_get_a_clear_page_and_change_nothing(client, carol, org, state):
    sent, path = invite(org, carol)
    if state == "used":
        invitation_accept(invitation=sent.invitation, full_name="N", password="river stone lantern")
        expected = "already been used"
    elif state == "expired":
        Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
        expected = "It has expired"
    elif state == "withdrawn":
        Invitation.objects.update(revoked_at=timezone.now())
        expected = "withdrawn"
    else:
        path = reverse("accounts:invitation", kwargs={"token": "not-a-real-token"})
        expected = "copied the whole link"
    users_before = User.objects.count()
    response = client.post(
        path,
        {"full_name": "X", "password1": "river stone lantern", "password2": "river stone lantern"},
    )
    assert response.status_code == 410
    assert expected in response.content.decode()
    assert User.objects.count() == users_before


def test_invitations_expire_after_the_configured_days(carol, org, settings):
    settings.INVITATION_VALID_DAYS = 3
    sent, _path = invite(org, carol)
    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)):
        assert sent.invitation.status == "expired"


def test_a_new_invitation_replaces_the_old_one(carol, org):
    first, _ = invite(org, carol)
    invite(org, carol)
    first.invitation.refresh_from_db()
    assert first.invitation.status == "revoked"


def test_the_admin_is_told_when_a_new_invitation_replaces_one(client_for, carol, org):
    url = reverse("orgs:organisation", kwargs={"org_slug": org.slug})
    invitation = {"email": "newcomer@example.org", "full_name": "", "role": "coordinator"}
    client = client_for(carol)

    first = client.post(url, invitation, follow=True).content.decode()
    second = client.post(url, {**invitation, "role": "participant"}, follow=True)

    assert "replaces" not in first
    assert "It replaces the invitation sent to them before" in second.content.decode()
    assert Invitation.objects.pending().get().role == "participant"


def test_only_a_hash_of_the_token_is_stored(carol, org):
    sent, path = invite(org, carol)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert token not in sent.invitation.token_hash
    assert len(token) >= 40


def test_inviting_someone_to_a_role_they_hold_is_refused(carol, alice, org):
    with pytest.raises(ValidationError, match="already has that role"):
        invite(org, carol, email=alice.email)


def test_the_last_admin_cannot_be_removed(client_for, carol, org):
    membership = carol.memberships.get(role=Membership.Role.ORG_ADMIN)
    client_for(carol).post(
        reverse(
            "orgs:membership-remove", kwargs={"org_slug": org.slug, "membership_id": membership.pk}
        )
    )
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_admin_withdraws_a_pending_invitation(client_for, carol, org):
    sent, _path = invite(org, carol)
    client_for(carol).post(
        reverse(
            "orgs:invitation-revoke",
            kwargs={"org_slug": org.slug, "invitation_id": sent.invitation.pk},
        )
    )
    sent.invitation.refresh_from_db()
    assert sent.invitation.status == "revoked"
