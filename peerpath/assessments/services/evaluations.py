"""Starting, filling in, finishing and discarding self-evaluations."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.accounts.models import Organisation
from peerpath.drafts.services import draft_discard
from peerpath.frameworks.models import Domain, Framework, ScaleLevel, Statement

from ..models import DomainEvidence, SelfEvaluation, SelfRating


def evidence_draft_key(evaluation: SelfEvaluation, domain: Domain) -> str:
    """The autosave key of a domain's evidence box (unique per person and evaluation)."""
    return f"assessments.evaluation.{evaluation.pk}.{domain.code.lower()}"


def check_framework_usable(framework: Framework, *, organisational: bool) -> None:
    """Refuse frameworks that cannot be rated, or that rate the wrong kind of subject."""
    if framework.status != Framework.Status.PUBLISHED:
        raise ValidationError(_("Only published frameworks can be used for a self-evaluation."))
    if not framework.is_rated:
        raise ValidationError(_("This framework has no rating scale, so it cannot be rated."))
    wanted = Framework.Subject.ORGANISATION if organisational else Framework.Subject.PERSON
    if framework.subject != wanted:
        if organisational:
            raise ValidationError(_("This framework is about a person, not an organisation."))
        raise ValidationError(_("This framework is about an organisation, not a person."))


def evaluation_start(
    *,
    owner,
    framework: Framework,
    name_on_record: str = "",
    organisation: Organisation | None = None,
) -> SelfEvaluation:
    """Begin a new, empty evaluation. Earlier ones are untouched: they are the history.

    For an organisational self-assessment the owner must administer the organisation.
    """
    check_framework_usable(framework, organisational=organisation is not None)
    if organisation is not None and not owner.is_org_admin_of(organisation):
        raise ValidationError(_("Only the organisation's admins can start its self-assessment."))
    return SelfEvaluation.objects.create(
        owner=owner,
        organisation=organisation,
        framework=framework,
        name_on_record=name_on_record.strip()[:150],
    )


def evaluation_save_domain(
    *,
    evaluation: SelfEvaluation,
    domain: Domain,
    levels: Mapping[Statement, ScaleLevel],
    evidence: str | None,
    by,
) -> None:
    """Keep the ratings and evidence given on one domain's page; unrated ones stay open.

    Refuses a finished evaluation (it is history now), statements of another domain and
    levels of another scale, changing nothing.
    """
    if domain.framework_id != evaluation.framework_id:
        raise ValidationError(_("That section is not part of this self-evaluation."))
    scale_id = evaluation.framework.rating_scale.pk
    for statement, level in levels.items():
        if statement.domain_id != domain.pk or level.scale_id != scale_id:
            raise ValidationError(_("Choose a rating from the scale for each statement."))
    with transaction.atomic():
        locked = SelfEvaluation.objects.select_for_update().get(pk=evaluation.pk)
        if locked.is_complete:
            raise ValidationError(_("This self-evaluation is finished and can no longer change."))
        for statement, level in levels.items():
            SelfRating.objects.update_or_create(
                evaluation=evaluation,
                statement=statement,
                defaults={"level": level, "rated_by": by},
            )
        if evidence is not None:
            DomainEvidence.objects.update_or_create(
                evaluation=evaluation,
                domain=domain,
                defaults={"text": evidence, "written_by": by},
            )
            draft_discard(owner=by, key=evidence_draft_key(evaluation, domain))
        locked.last_domain = domain
        locked.save(update_fields=["last_domain", "updated_at"])


def unrated_statements(evaluation: SelfEvaluation) -> list[Statement]:
    rated = evaluation.ratings.values("statement")
    return list(
        Statement.objects.filter(framework=evaluation.framework)
        .exclude(pk__in=rated)
        .select_related("domain")
        .order_by("domain__position", "position")
    )


def evaluation_complete(*, evaluation: SelfEvaluation, by) -> SelfEvaluation:
    """Finish an evaluation once every statement has a rating. From then on it is fixed."""
    with transaction.atomic():
        locked = SelfEvaluation.objects.select_for_update().get(pk=evaluation.pk)
        if locked.is_complete:
            return locked
        missing = unrated_statements(locked)
        if missing:
            raise ValidationError(
                _("Rate every statement before you finish. %(count)s still need a rating.")
                % {"count": len(missing)}
            )
        locked.completed_at = timezone.now()
        locked.save(update_fields=["completed_at", "updated_at"])
        for domain in locked.framework.domains.all():
            draft_discard(owner=by, key=evidence_draft_key(locked, domain))
    return locked


def evaluation_discard(*, evaluation: SelfEvaluation) -> None:
    """Delete a half-done evaluation. Finished ones and 360° self-assessments are kept."""
    if evaluation.is_complete:
        raise ValidationError(_("A finished self-evaluation is part of your history."))
    if hasattr(evaluation, "feedback_round"):
        raise ValidationError(_("This self-assessment belongs to a 360° feedback round."))
    evaluation.delete()


def evaluation_add_contributor(*, evaluation: SelfEvaluation, email: str):
    """Let a colleague in the same organisation help fill in an organisational assessment."""
    from peerpath.accounts.models import User, UserManager

    if not evaluation.is_organisational:
        raise ValidationError(_("Only an organisation's self-assessment has contributors."))
    colleague = User.objects.filter(
        email=UserManager.normalize_email(email),
        memberships__organisation=evaluation.organisation,
        is_active=True,
    ).first()
    if colleague is None:
        raise ValidationError(
            _("%(email)s is not a member of %(organisation)s. Invite them to it first.")
            % {"email": email, "organisation": evaluation.organisation}
        )
    evaluation.contributors.add(colleague)
    return colleague
