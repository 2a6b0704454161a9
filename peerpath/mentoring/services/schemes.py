"""Setting up schemes and rounds, and moving a round through its phases."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from peerpath.accounts.audit import audit_record
from peerpath.accounts.models import User, UserManager
from peerpath.frameworks.models import Framework

from ..models import DEFAULT_AVAILABILITY, DEFAULT_TOPICS, Application, Cohort, Scheme, SchemeStaff

THEMES_SLUG = "peer-support-discussion-themes"
PHASES = list(Cohort.Phase.values)

# Settings a new round copies from the one it starts from.
COPIED_SETTINGS = [
    "topics",
    "availability_options",
    "extra_questions",
    "rolling_applications",
    "auto_accept",
    "eligible_nations",
    "min_role_level",
    "emerging_leaders_welcome",
    "training_required",
    "allow_peer_choice",
    "allow_shortlist",
    "shortlist_size",
    "response_days",
    "max_capacity",
    "weight_topics",
    "weight_capabilities",
    "weight_region",
    "weight_availability",
    "quiet_weeks",
]


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "scheme"
    if base == "new":  # schemes/new/ is the page for starting a scheme
        base = "new-scheme"
    slug, n = base, 2
    while Scheme.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def scheme_create(*, owner, created_by: User, members=(), **fields) -> Scheme:
    """Start a scheme owned by `owner`; its creator becomes its first coordinator.

    Peer-support schemes get the shipped discussion themes unless others are chosen.
    """
    with transaction.atomic():
        if not fields.get("theme_framework"):
            fields["theme_framework"] = (
                Framework.objects.published().current().filter(slug=THEMES_SLUG).first()
            )
        scheme = Scheme.objects.create(
            owner=owner, created_by=created_by, slug=_unique_slug(fields["name"]), **fields
        )
        scheme.member_organisations.set(members)
        SchemeStaff.objects.create(
            scheme=scheme, user=created_by, role=SchemeStaff.Role.COORDINATOR
        )
    return scheme


def staff_add(*, scheme: Scheme, email: str, role: str, by=None) -> SchemeStaff:
    """Give someone with an account a role in running the scheme (or change their role)."""
    user = User.objects.filter(email=UserManager.normalize_email(email), is_active=True).first()
    if user is None:
        raise ValidationError(
            _(
                "Nobody with the email address %(email)s has an account yet. "
                "Ask their organisation to invite them first."
            )
            % {"email": email}
        )
    with transaction.atomic():
        staff, _created = SchemeStaff.objects.update_or_create(
            scheme=scheme, user=user, defaults={"role": role}
        )
        audit_record(
            actor=by,
            action="mentoring.staff.added",
            organisation=scheme.owner,
            subject=user,
            obj=scheme,
            summary=f"{staff.get_role_display()} of {scheme.name}",
        )
    return staff


def staff_remove(*, staff: SchemeStaff, by=None) -> None:
    """Remove a staff role, keeping at least one coordinator."""
    with transaction.atomic():
        coordinators = SchemeStaff.objects.select_for_update().filter(
            scheme=staff.scheme, role=SchemeStaff.Role.COORDINATOR
        )
        if staff.role == SchemeStaff.Role.COORDINATOR and coordinators.count() <= 1:
            raise ValidationError(_("A scheme must keep at least one coordinator."))
        audit_record(
            actor=by,
            action="mentoring.staff.removed",
            organisation=staff.scheme.owner,
            subject=staff.user,
            obj=staff.scheme,
            summary=f"No longer {staff.get_role_display().lower()} of {staff.scheme.name}",
        )
        staff.delete()


def cohort_create(*, scheme: Scheme, name: str, **fields) -> Cohort:
    """A new round in set-up, with the default topics and availability choices."""
    fields.setdefault("topics", list(DEFAULT_TOPICS))
    fields.setdefault("availability_options", list(DEFAULT_AVAILABILITY))
    if scheme.is_peer:
        fields.setdefault("allow_peer_choice", True)
    return Cohort.objects.create(scheme=scheme, name=name, **fields)


def cohort_advance(*, cohort: Cohort) -> Cohort:
    """Move the round to its next phase. Phases only move forward."""
    with transaction.atomic():
        locked = Cohort.objects.select_for_update(no_key=True).get(pk=cohort.pk)
        position = PHASES.index(locked.phase)
        if position == len(PHASES) - 1:
            raise ValidationError(_("This round has finished."))
        locked.phase = PHASES[position + 1]
        locked.save(update_fields=["phase"])
    return locked


def cohort_start_next_round(*, cohort: Cohort, name: str, carry_waitlist: bool) -> Cohort:
    """A new round of the same scheme with this round's settings.

    With `carry_waitlist`, everyone on this round's waiting list gets an application in
    the new round with their answers, waiting for a decision.
    """
    with transaction.atomic():
        settings = {field: getattr(cohort, field) for field in COPIED_SETTINGS}
        new = Cohort.objects.create(
            scheme=cohort.scheme, name=name, started_from=cohort, **settings
        )
        if carry_waitlist:
            for application in cohort.applications.filter(status=Application.Status.WAITLISTED):
                _carry(application, new)
    return new


def _carry(application: Application, cohort: Cohort) -> None:
    copy = Application.objects.get(pk=application.pk)
    copy.pk = None
    copy.cohort = cohort
    copy.status = Application.Status.SUBMITTED
    copy.submitted_at = timezone.now()
    copy.decision_reason = ""
    copy.decided_by = None
    copy.decided_at = None
    copy.training_exempt = False
    copy.wants_rematch = False
    copy.save()
