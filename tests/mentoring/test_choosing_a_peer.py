"""Choose your own peer (the CLD model): invite a named colleague, who accepts or declines."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from peerpath.mentoring import services
from peerpath.mentoring.models import Application, Pairing, PeerInvitation

from .factories import make_application, make_person

PEER = Application.Role.PEER


def test_a_peer_from_another_authority_accepts_and_the_pair_is_made(peer_cohort, alice, org):
    mine = make_application(peer_cohort, PEER, user=alice, organisation=org)
    theirs = make_application(peer_cohort, PEER)

    invitation = services.peer_invite(
        inviter=mine, email=theirs.applicant.email.upper(), message="Fancy it?"
    )
    assert mail.outbox[-1].to == [theirs.applicant.email]
    assert "would like you as their peer" in mail.outbox[-1].subject

    pairing = services.peer_invitation_answer(
        invitation=invitation, user=theirs.applicant, accept=True
    )

    assert pairing.how_made == Pairing.HowMade.PEER_CHOICE
    assert {pairing.mentor, pairing.mentee} == {alice, theirs.applicant}
    assert pairing.role_of(alice) == "peer"
    assert "accepted your invitation" in mail.outbox[-1].body


def test_a_peer_in_the_same_authority_can_be_chosen_when_the_scheme_allows_it(
    peer_cohort, alice, org
):
    mine = make_application(peer_cohort, PEER, user=alice, organisation=org)
    colleague = make_application(peer_cohort, PEER, organisation=org)

    invitation = services.peer_invite(inviter=mine, email=colleague.applicant.email)
    pairing = services.peer_invitation_answer(
        invitation=invitation, user=colleague.applicant, accept=True
    )

    assert pairing.status == Pairing.Status.AGREEING


def test_a_declined_invitation_changes_nothing(peer_cohort, alice, org):
    mine = make_application(peer_cohort, PEER, user=alice, organisation=org)
    theirs = make_application(peer_cohort, PEER)
    invitation = services.peer_invite(inviter=mine, email=theirs.applicant.email)

    services.peer_invitation_answer(invitation=invitation, user=theirs.applicant, accept=False)

    assert not Pairing.objects.exists()
    assert not mine.places.exists() and not theirs.places.exists()
    invitation.refresh_from_db()
    assert invitation.status == PeerInvitation.Status.DECLINED
    # and the decline cannot be turned into an acceptance later
    with pytest.raises(ValidationError):
        services.peer_invitation_answer(invitation=invitation, user=theirs.applicant, accept=True)


def test_an_expired_invitation_cannot_be_accepted_and_changes_nothing(peer_cohort, alice, org):
    mine = make_application(peer_cohort, PEER, user=alice, organisation=org)
    theirs = make_application(peer_cohort, PEER)
    invitation = services.peer_invite(inviter=mine, email=theirs.applicant.email)

    later = timezone.now() + timedelta(days=peer_cohort.response_days + 1)
    with (
        time_machine.travel(later),
        pytest.raises(ValidationError, match="can no longer be answered"),
    ):
        services.peer_invitation_answer(invitation=invitation, user=theirs.applicant, accept=True)

    assert not Pairing.objects.exists()


def test_the_schemes_rules_still_apply_to_a_chosen_peer(scheme, alice, org):
    from .factories import make_cohort

    cohort = make_cohort(scheme, allow_peer_choice=True)
    mine = make_application(cohort, "mentee", user=alice, organisation=org)
    colleague = make_application(cohort, "mentor", organisation=org)
    invitation = services.peer_invite(inviter=mine, email=colleague.applicant.email)

    with pytest.raises(ValidationError, match="different organisations"):
        services.peer_invitation_answer(
            invitation=invitation, user=colleague.applicant, accept=True
        )
    assert not Pairing.objects.exists()


def test_someone_who_has_not_applied_is_asked_to_apply_first(peer_cohort, alice, org):
    mine = make_application(peer_cohort, PEER, user=alice, organisation=org)
    newcomer = make_person()
    invitation = services.peer_invite(inviter=mine, email=newcomer.email)

    with pytest.raises(ValidationError, match="Apply to this round first"):
        services.peer_invitation_answer(invitation=invitation, user=newcomer, accept=True)
    invitation.refresh_from_db()
    assert invitation.is_open  # the invitation waits while they apply


def test_a_peer_with_no_places_left_cannot_be_paired_again(peer_cohort, alice, org):
    mine = make_application(peer_cohort, PEER, user=alice, organisation=org)
    first, second = (make_application(peer_cohort, PEER) for _ in range(2))
    services.peer_invitation_answer(
        invitation=services.peer_invite(inviter=first, email=alice.email),
        user=alice,
        accept=True,
    )

    with pytest.raises(ValidationError, match="no places left"):
        services.peer_invite(inviter=mine, email=second.applicant.email)


def test_only_the_invited_person_can_answer_through_the_page(
    peer_cohort, alice, bob, org, client_for
):
    mine = make_application(peer_cohort, PEER, user=alice, organisation=org)
    theirs = make_application(peer_cohort, PEER)
    invitation = services.peer_invite(inviter=mine, email=theirs.applicant.email)
    url = reverse("mentoring:invitation", args=[invitation.pk])

    assert client_for(bob).post(url, {"answer": "accept"}).status_code == 404
    response = client_for(theirs.applicant).post(url, {"answer": "accept"})

    pairing = Pairing.objects.get()
    assert response["Location"] == pairing.get_absolute_url()
