"""Choose your own peer: invite a named colleague; they accept or decline in time.

A declined, withdrawn or expired invitation changes nothing. Accepting makes the pair
through `pairing_create`, so the scheme's rules and both people's capacity still apply.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.accounts.models import User, UserManager

from .. import selectors
from ..emails import notify
from ..models import Application, Pairing, PeerInvitation
from .pairings import pairing_create


def _partner_application(invitation: PeerInvitation) -> Application | None:
    return Application.objects.filter(
        cohort=invitation.cohort, applicant=invitation.invitee, status=Application.Status.ACCEPTED
    ).first()


def peer_invite(*, inviter: Application, email: str, message: str = "") -> PeerInvitation:
    """Invite the person with this email address to pair with the inviter."""
    cohort = inviter.cohort
    if not (cohort.allow_peer_choice and cohort.pairs_can_form):
        raise ValidationError(_("This round is not taking invitations between peers now."))
    if inviter.status != Application.Status.ACCEPTED:
        raise ValidationError(_("You can invite a peer once your application is accepted."))
    if selectors.places_left([inviter])[inviter.pk] == 0:
        raise ValidationError(_("You have no places left for another pairing."))
    invitee = User.objects.filter(email=UserManager.normalize_email(email), is_active=True).first()
    if invitee is None:
        raise ValidationError(
            _(
                "Nobody with the email address %(email)s has a Peerpath account yet. "
                "Ask them to join first."
            )
            % {"email": email}
        )
    if invitee.pk == inviter.applicant_id:
        raise ValidationError(_("Invite someone other than yourself."))
    if PeerInvitation.objects.filter(
        inviter=inviter, invitee=invitee, status="pending", expires_at__gt=timezone.now()
    ).exists():
        raise ValidationError(_("You have already invited %(name)s.") % {"name": invitee.full_name})
    with transaction.atomic():
        PeerInvitation.objects.filter(inviter=inviter, invitee=invitee, status="pending").update(
            status=PeerInvitation.Status.EXPIRED
        )
        invitation = PeerInvitation.objects.create(
            cohort=cohort,
            inviter=inviter,
            invitee=invitee,
            message=message.strip(),
            expires_at=timezone.now() + timedelta(days=cohort.response_days),
        )
        notify("peer-invited", invitation, [invitee])
    return invitation


def peer_invitation_answer(
    *, invitation: PeerInvitation, user, accept: bool, note: str = ""
) -> Pairing | None:
    """The invited person accepts (making the pair) or declines. Only an open invitation
    can be answered; if the pair breaks a rule or someone is full, nothing changes."""
    with transaction.atomic():
        locked = PeerInvitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.invitee_id != user.pk:
            raise ValidationError(_("This invitation is for someone else."))
        if not locked.is_open:
            raise ValidationError(_("This invitation can no longer be answered."))
        locked.answered_at = timezone.now()
        locked.answer_note = note.strip()
        pairing = None
        if accept:
            mine = _partner_application(locked)
            if mine is None:
                raise ValidationError(
                    _(
                        "Apply to this round first; "
                        "you can accept once your application is accepted."
                    )
                )
            pairing = pairing_create(
                mentee=locked.inviter, mentor=mine, how_made=Pairing.HowMade.PEER_CHOICE, by=user
            )
            locked.status = PeerInvitation.Status.ACCEPTED
        else:
            locked.status = PeerInvitation.Status.DECLINED
        locked.save()
        notify("peer-answered", locked, [locked.inviter.applicant])
    return pairing


def peer_invitation_withdraw(*, invitation: PeerInvitation) -> None:
    with transaction.atomic():
        locked = PeerInvitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.status == PeerInvitation.Status.PENDING:
            locked.status = PeerInvitation.Status.WITHDRAWN
            locked.save(update_fields=["status"])
