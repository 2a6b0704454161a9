"""Operations that change people, organisations and roles. Each is one transaction."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .audit import audit_record
from .models import (
    ApiToken,
    ExpertiseArea,
    Invitation,
    Membership,
    Organisation,
    Profile,
    User,
    UserManager,
    hash_token,
)


def user_create(*, email: str, full_name: str, password: str | None = None, **fields) -> User:
    """Create a person with an empty profile. The email is stored in lower case."""
    with transaction.atomic():
        user = User.objects.create_user(email, password, full_name=full_name, **fields)
        Profile.objects.create(user=user)
    return user


def membership_grant(*, user: User, organisation: Organisation, role: str) -> Membership:
    """Give `user` the `role` in `organisation`; granting a role twice changes nothing."""
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    return membership


def membership_revoke(*, membership: Membership, by: User | None = None) -> None:
    """Remove a role, refusing to leave an organisation with no admin. Audited."""
    with transaction.atomic():
        if membership.role == Membership.Role.ORG_ADMIN:
            admins = Membership.objects.select_for_update().filter(
                organisation=membership.organisation, role=Membership.Role.ORG_ADMIN
            )
            if admins.count() <= 1:
                raise ValidationError(_("An organisation must keep at least one admin."))
        audit_record(
            actor=by,
            action="role.removed",
            organisation=membership.organisation,
            subject=membership.user,
            summary=f"Removed the {membership.get_role_display().lower()} role",
        )
        membership.delete()


def profile_set_expertise(*, profile: Profile, names: list[str]) -> None:
    """Replace a profile's expertise tags, creating tags that do not exist yet."""
    areas = []
    for name in names:
        clean = " ".join(name.split())[:80]
        if clean:
            area = ExpertiseArea.objects.filter(name__iexact=clean).first()
            areas.append(area or ExpertiseArea.objects.create(name=clean))
    profile.expertise.set(areas)


@dataclass(frozen=True)
class SentInvitation:
    invitation: Invitation
    link: str
    replaced: int = 0  # earlier invitations to the same address that no longer work


def invitation_send(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: User | None,
    full_name: str = "",
    base_url: str = "",
) -> SentInvitation:
    """Invite someone by email; a newer invitation to the same address replaces older ones.

    The link carries a random token of which only the hash is stored. The email goes out
    only if the transaction commits, so a failed save never sends a dead link.
    """
    email = UserManager.normalize_email(email)
    if Membership.objects.filter(organisation=organisation, role=role, user__email=email).exists():
        raise ValidationError(
            _("%(email)s already has that role in %(organisation)s.")
            % {"email": email, "organisation": organisation.name}
        )
    raw_token = Invitation.new_token()
    with transaction.atomic():
        replaced = (
            Invitation.objects.pending()
            .filter(organisation=organisation, email=email)
            .update(revoked_at=timezone.now())
        )
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            full_name=full_name,
            role=role,
            invited_by=invited_by,
            token_hash=hash_token(raw_token),
            expires_at=Invitation.default_expiry(),
        )
        path = reverse("accounts:invitation", kwargs={"token": raw_token})
        link = f"{base_url or settings.SITE_URL}{path}"
        audit_record(
            actor=invited_by,
            action="invitation.sent",
            organisation=organisation,
            obj=invitation,
            summary=f"Invited {email} as {invitation.get_role_display().lower()}",
        )
        transaction.on_commit(lambda: _send_invitation_email(invitation, link))
    return SentInvitation(invitation=invitation, link=link, replaced=replaced)


def _send_invitation_email(invitation: Invitation, link: str) -> None:
    context = {"invitation": invitation, "link": link, "site_name": settings.SITE_NAME}
    inviter_language = invitation.invited_by.language if invitation.invited_by else None
    with translation.override(inviter_language or settings.LANGUAGE_CODE):
        subject = _("You are invited to join %(organisation)s on %(site)s") % {
            "organisation": invitation.organisation.name,
            "site": settings.SITE_NAME,
        }
        body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


def invitation_find(raw_token: str) -> Invitation | None:
    """The invitation for a token from a link, whatever its state; None if forged."""
    return (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=hash_token(raw_token))
        .first()
    )


def invitation_revoke(*, invitation: Invitation, by: User | None = None) -> None:
    """Withdraw a pending invitation so its link stops working. Audited."""
    if invitation.is_usable:
        with transaction.atomic():
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
            audit_record(
                actor=by,
                action="invitation.withdrawn",
                organisation=invitation.organisation,
                obj=invitation,
                summary=f"Withdrew the invitation to {invitation.email}",
            )


def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None = None,
    full_name: str = "",
    password: str = "",
) -> User:
    """Use an invitation: for a signed-in user, add the role; otherwise create the account.

    The invitation row is locked, so two clicks on the same link cannot both succeed.
    """
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_usable:
            raise ValidationError(_("This invitation can no longer be used."))
        if user is None:
            if User.objects.filter(email=locked.email).exists():
                raise ValidationError(
                    _("An account already exists for %(email)s. Sign in to accept.")
                    % {"email": locked.email}
                )
            user = user_create(email=locked.email, full_name=full_name, password=password)
        elif user.email != locked.email:
            raise ValidationError(
                _("This invitation was sent to %(invited)s but you are signed in as %(current)s.")
                % {"invited": locked.email, "current": user.email}
            )
        membership_grant(user=user, organisation=locked.organisation, role=locked.role)
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by"])
    return user


def profile_save(*, user_form, profile_form, expertise: list[str]) -> None:
    """Save the person's name/language and profile together; the bio draft is then spent."""
    from peerpath.drafts.services import draft_discard

    with transaction.atomic():
        user = user_form.save()
        profile = profile_form.save()
        profile_set_expertise(profile=profile, names=expertise)
        draft_discard(owner=user, key="profile.bio")


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new API token; returns (token, raw value). The raw value is never stored."""
    raw = "pp_" + Invitation.new_token()
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:80], token_hash=hash_token(raw), prefix=raw[:8]
    )
    return token, raw


def api_token_revoke(*, token) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
