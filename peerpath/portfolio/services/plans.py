"""The development plan: items, sharing with a named person, and comments."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from peerpath.accounts.models import User, UserManager
from peerpath.frameworks.models import Domain, Statement

from ..models import PlanComment, PlanItem, PlanShare


def plan_item_create(
    *,
    owner,
    action: str,
    statement: Statement | None = None,
    domain: Domain | None = None,
    support_needed: str = "",
    target_date: datetime.date | None = None,
    source: str = "",
    source_url: str = "",
) -> PlanItem:
    """Add an item to the person's development plan (by hand or from an assessment)."""
    if statement is not None and domain is None:
        domain = statement.domain
    return PlanItem.objects.create(
        owner=owner,
        action=action,
        statement=statement,
        domain=domain,
        support_needed=support_needed,
        target_date=target_date,
        source=source,
        source_url=source_url,
    )


def plan_item_save(
    *,
    item: PlanItem,
    action: str,
    statement: Statement | None,
    support_needed: str,
    target_date: datetime.date | None,
    status: str,
) -> PlanItem:
    """Change an item of the plan; its capability follows the chosen statement."""
    item.action = action
    item.statement = statement
    if statement is not None:
        item.domain = statement.domain
    item.support_needed = support_needed
    item.target_date = target_date
    item.status = status
    item.full_clean(exclude=["owner", "domain", "statement"])
    item.save()
    return item


def plan_item_delete(*, item: PlanItem) -> None:
    item.delete()


def plan_share(*, owner: User, email: str, base_url: str = "") -> PlanShare:
    """Share the owner's plan with the person who has an account with `email`.

    Guarantees: only an existing, active account other than the owner's; one active
    share per person; the person is told by email once the share is saved.
    """
    email = UserManager.normalize_email(email)
    viewer = User.objects.filter(email=email, is_active=True).first()
    if viewer is None:
        raise ValidationError(
            _(
                "There is no Peerpath account for %(email)s. Check the address, or ask them "
                "to join first."
            )
            % {"email": email},
            code="unknown",
        )
    if viewer.pk == owner.pk:
        raise ValidationError(_("That is your own address."), code="self")
    with transaction.atomic():
        if PlanShare.objects.active().filter(owner=owner, viewer=viewer).exists():
            raise ValidationError(
                _("Your plan is already shared with %(name)s.") % {"name": viewer},
                code="duplicate",
            )
        share = PlanShare.objects.create(owner=owner, viewer=viewer)
        link = (base_url or settings.SITE_URL) + reverse(
            "portfolio:shared-plan", kwargs={"share_id": share.pk}
        )
        transaction.on_commit(lambda: _tell_viewer(share, link))
    return share


def _tell_viewer(share: PlanShare, link: str) -> None:
    with translation.override(share.viewer.language or settings.LANGUAGE_CODE):
        subject = _("%(name)s has shared their development plan with you") % {"name": share.owner}
        body = render_to_string(
            "portfolio/email/plan_shared.txt",
            {"share": share, "link": link, "site_name": settings.SITE_NAME},
        )
    send_mail(subject, body, None, [share.viewer.email])


def plan_share_withdraw(*, share: PlanShare) -> None:
    """Stop sharing: from this moment the person sees nothing of the plan."""
    if share.withdrawn_at is None:
        share.withdrawn_at = timezone.now()
        share.save(update_fields=["withdrawn_at"])


def can_comment_on_plan(*, plan_owner: User, author: User) -> bool:
    return (
        author.pk == plan_owner.pk
        or PlanShare.objects.active().filter(owner=plan_owner, viewer=author).exists()
    )


def plan_comment_add(
    *, plan_owner: User, author: User, text: str, item: PlanItem | None = None
) -> PlanComment:
    """Add a comment to a plan, by its owner or by someone it is shared with right now."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Write a comment."), code="empty")
    if item is not None and item.owner_id != plan_owner.pk:
        raise ValidationError(_("That item is not in this plan."))
    if not can_comment_on_plan(plan_owner=plan_owner, author=author):
        raise ValidationError(_("This plan is no longer shared with you."), code="withdrawn")
    comment = PlanComment.objects.create(
        plan_owner=plan_owner,
        author=author,
        author_name=str(author)[:150],
        item=item,
        text=text[:5000],
    )
    transaction.on_commit(lambda: _tell_about_comment(comment))
    return comment


def _tell_about_comment(comment: PlanComment) -> None:
    """The owner hears of a comment on their plan; those it is shared with hear of a reply."""
    owner = comment.plan_owner
    if comment.author_id != owner.pk:
        recipients = [(owner, settings.SITE_URL + reverse("portfolio:plan"))]
    else:
        recipients = [
            (share.viewer, settings.SITE_URL + reverse("portfolio:shared-plan", args=[share.pk]))
            for share in PlanShare.objects.active().filter(owner=owner).select_related("viewer")
        ]
    for person, link in recipients:
        with translation.override(person.language or settings.LANGUAGE_CODE):
            subject = _("%(name)s commented on a development plan") % {"name": comment.author_name}
            body = render_to_string(
                "portfolio/email/plan_comment.txt",
                {"comment": comment, "link": link, "site_name": settings.SITE_NAME},
            )
        send_mail(subject, body, None, [person.email])
