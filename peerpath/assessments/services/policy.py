"""Anonymity minimums: set by each organisation, fixed into a round when it is launched."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from peerpath.accounts.models import Organisation

from ..models import DEFAULT_MINIMUMS, AnonymityPolicy, RaterGroup

MINIMUM_FIELDS = {
    RaterGroup.LINE_MANAGER: "min_line_manager",
    RaterGroup.PEER: "min_peer",
    RaterGroup.DIRECT_REPORT: "min_direct_report",
    RaterGroup.OTHER: "min_other",
}
LARGEST_MINIMUM = 10


def policy_for(organisation: Organisation) -> AnonymityPolicy:
    """The organisation's policy; the defaults (1, 3, 3, 3) until an admin changes them."""
    policy = AnonymityPolicy.objects.filter(organisation=organisation).first()
    return policy or AnonymityPolicy(organisation=organisation)


def policy_update(*, organisation: Organisation, minimums: dict[str, int], by) -> AnonymityPolicy:
    """Change the minimums for rounds launched from now on. Launched rounds keep theirs."""
    for group, value in minimums.items():
        if group not in MINIMUM_FIELDS or not 1 <= value <= LARGEST_MINIMUM:
            raise ValidationError(
                _("Each minimum must be a whole number from 1 to %(largest)s.")
                % {"largest": LARGEST_MINIMUM}
            )
    values = {MINIMUM_FIELDS[g]: v for g, v in minimums.items()}
    policy, _created = AnonymityPolicy.objects.update_or_create(
        organisation=organisation, defaults={**values, "updated_by": by}
    )
    return policy


def minimums_for_subject(subject) -> dict[str, int]:
    """The strictest minimums among the organisations the subject belongs to.

    Someone in two organisations gets the larger minimum for each group, so no
    organisation's promise to raters is weakened by another's.
    """
    organisations = list(Organisation.objects.filter(memberships__user=subject).distinct())
    if not organisations:
        return dict(DEFAULT_MINIMUMS)
    each = [policy_for(organisation).minimums() for organisation in organisations]
    return {group: max(m[group] for m in each) for group in DEFAULT_MINIMUMS}
