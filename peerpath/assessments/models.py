"""Self-evaluations and 360° feedback rounds, rated against frameworks held as data.

Every rating points at a `frameworks.Statement` and a `frameworks.ScaleLevel` of the same
framework version. Published versions never change, so a rating made years ago still
reads as it did. A completed evaluation and a submitted rater response are never edited:
a newer evaluation is a new record, and the history is the point.

Anonymity is built into the shape of the data: a rater's answers are held in a
`FeedbackResponse` that is linked to the `Rater` only while they are still answering.
Submitting cuts the link, and responses carry random ids and no timestamps, so no
page, export or admin screen can say which rater said what.
"""

import uuid
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Organisation
from peerpath.frameworks.models import Domain, Framework, ScaleLevel, Statement
from peerpath.lib.models import Model


class SelfEvaluation(Model):
    """One sitting of a self-evaluation: a person (or an organisation) rates each statement.

    For an organisational self-assessment `organisation` is set; the organisation's
    admins and the colleagues they add as contributors fill it in together.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_evaluations"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="self_evaluations",
        help_text=_("Set when the organisation, not a person, is being evaluated."),
    )
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="evaluations_contributed_to"
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    name_on_record = models.CharField(
        _("name to show on this record (optional)"), max_length=150, blank=True
    )
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_domain = models.ForeignKey(
        Domain, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.framework.name} – {self.started_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        name = "assessments:result" if self.is_complete else "assessments:evaluation"
        return reverse(name, kwargs={"evaluation_id": self.pk})

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def is_organisational(self) -> bool:
        return self.organisation_id is not None


class SelfRating(Model):
    evaluation = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="ratings")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(ScaleLevel, on_delete=models.PROTECT, related_name="+")
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "statement"], name="self_rating_one_per_statement"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.level_id}"


class DomainEvidence(Model):
    """The answer to a domain's "How do I know? What evidence do I have?"."""

    evaluation = models.ForeignKey(
        SelfEvaluation, on_delete=models.CASCADE, related_name="evidence"
    )
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("evidence"), max_length=20_000, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "domain"], name="evidence_one_per_domain"
            ),
        ]

    def __str__(self) -> str:
        return f"Evidence for domain {self.domain_id}"


class RaterGroup(models.TextChoices):
    """Who a rater is to the subject. `SELF` is the subject's own self-assessment."""

    SELF = "self", _("Self")
    LINE_MANAGER = "line-manager", _("Line manager")
    PEER = "peer", _("Peers")
    DIRECT_REPORT = "direct-report", _("Direct reports")
    OTHER = "other", _("Others")


RATER_GROUPS = [g for g in RaterGroup if g != RaterGroup.SELF]
DEFAULT_MINIMUMS = {
    RaterGroup.SELF: 1,
    RaterGroup.LINE_MANAGER: 1,
    RaterGroup.PEER: 3,
    RaterGroup.DIRECT_REPORT: 3,
    RaterGroup.OTHER: 3,
}


class AnonymityPolicy(Model):
    """An organisation's minimum responses before a rater group's results are shown."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="anonymity_policy"
    )
    min_line_manager = models.PositiveSmallIntegerField(
        _("Line manager"), default=DEFAULT_MINIMUMS[RaterGroup.LINE_MANAGER]
    )
    min_peer = models.PositiveSmallIntegerField(
        _("Peers"), default=DEFAULT_MINIMUMS[RaterGroup.PEER]
    )
    min_direct_report = models.PositiveSmallIntegerField(
        _("Direct reports"), default=DEFAULT_MINIMUMS[RaterGroup.DIRECT_REPORT]
    )
    min_other = models.PositiveSmallIntegerField(
        _("Others"), default=DEFAULT_MINIMUMS[RaterGroup.OTHER]
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "anonymity policies"
        constraints = [
            models.CheckConstraint(
                condition=Q(min_line_manager__gte=1)
                & Q(min_peer__gte=1)
                & Q(min_direct_report__gte=1)
                & Q(min_other__gte=1),
                name="anonymity_minimums_at_least_one",
            ),
        ]

    def __str__(self) -> str:
        return f"Anonymity rules of {self.organisation}"

    def minimums(self) -> dict[str, int]:
        return {
            RaterGroup.SELF: 1,
            RaterGroup.LINE_MANAGER: self.min_line_manager,
            RaterGroup.PEER: self.min_peer,
            RaterGroup.DIRECT_REPORT: self.min_direct_report,
            RaterGroup.OTHER: self.min_other,
        }


class FeedbackRound(Model):
    """A 360° round: the subject's self-assessment, raters in groups, then a report."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not sent yet")
        OPEN = "open", _("Open for feedback")
        CLOSED = "closed", _("Closed")

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_rounds"
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    self_evaluation = models.OneToOneField(
        SelfEvaluation, on_delete=models.CASCADE, related_name="feedback_round"
    )
    title = models.CharField(_("name for this round"), max_length=150)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    closes_on = models.DateField(_("last day for feedback"))
    created_at = models.DateTimeField(auto_now_add=True)
    launched_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    last_reminders_at = models.DateTimeField(null=True, blank=True)
    # Copied from the organisation's policy; fixed from launch, as raters were told.
    min_line_manager = models.PositiveSmallIntegerField(default=1)
    min_peer = models.PositiveSmallIntegerField(default=3)
    min_direct_report = models.PositiveSmallIntegerField(default=3)
    min_other = models.PositiveSmallIntegerField(default=3)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("assessments:round", kwargs={"round_id": self.pk})

    def minimums(self) -> dict[str, int]:
        return {
            RaterGroup.SELF: 1,
            RaterGroup.LINE_MANAGER: self.min_line_manager,
            RaterGroup.PEER: self.min_peer,
            RaterGroup.DIRECT_REPORT: self.min_direct_report,
            RaterGroup.OTHER: self.min_other,
        }

    @property
    def links_expire_at(self) -> datetime:
        """The end of the closing day, in the site's time zone (Europe/London)."""
        last_day = datetime.combine(self.closes_on + timedelta(days=1), time.min)
        return timezone.make_aware(last_day)

    @property
    def accepts_feedback(self) -> bool:
        return self.status == self.Status.OPEN and timezone.now() < self.links_expire_at


class Rater(Model):
    """Someone invited to give feedback, by email, without an account.

    The link's token is derived from the site's secret and `token_salt`; only its hash is
    stored, so a copy of the database cannot be used to answer as a rater.
    """

    round = models.ForeignKey(FeedbackRound, on_delete=models.CASCADE, related_name="raters")
    group = models.CharField(
        _("group"), max_length=20, choices=[(g.value, g.label) for g in RATER_GROUPS]
    )
    email = models.EmailField(_("email address"))
    token_salt = models.CharField(max_length=32, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    last_emailed_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["group", "email"]
        constraints = [
            models.UniqueConstraint(fields=["round", "email"], name="rater_email_once_per_round"),
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()} rater for round {self.round_id}"

    @property
    def has_submitted(self) -> bool:
        return self.submitted_at is not None


class FeedbackResponse(Model):
    """One rater's answers. Linked to the rater only until they submit."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(FeedbackRound, on_delete=models.CASCADE, related_name="responses")
    group = models.CharField(max_length=20, choices=[(g.value, g.label) for g in RATER_GROUPS])
    rater = models.OneToOneField(
        Rater, on_delete=models.SET_NULL, null=True, blank=True, related_name="draft_response"
    )
    is_submitted = models.BooleanField(default=False)
    last_domain = models.ForeignKey(
        Domain, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]  # random: never the order people answered in
        constraints = [
            models.CheckConstraint(
                condition=Q(is_submitted=False) | Q(rater__isnull=True),
                name="submitted_response_is_unlinked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()} response"


class ResponseRating(Model):
    """A rater's rating of one statement; no level means "I cannot say"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(FeedbackResponse, on_delete=models.CASCADE, related_name="ratings")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(
        ScaleLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="response_rating_one_per_statement"
            ),
        ]

    def __str__(self) -> str:
        return f"Rating of statement {self.statement_id}"


class ResponseComment(Model):
    """A rater's words about one capability (or, with no domain, about the whole)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        FeedbackResponse, on_delete=models.CASCADE, related_name="comments"
    )
    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.TextField(max_length=5_000)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "domain"],
                condition=Q(domain__isnull=False),
                name="response_comment_one_per_domain",
            ),
            models.UniqueConstraint(
                fields=["response"],
                condition=Q(domain__isnull=True),
                name="response_comment_one_overall",
            ),
        ]

    def __str__(self) -> str:
        return f"Comment on domain {self.domain_id}"


class Share(Model):
    """Someone was shown an evaluation or a 360° report, explicitly and until withdrawn."""

    class Relationship(models.TextChoices):
        PEER = "peer", _("Peer")
        MENTOR = "mentor", _("Mentor")
        LINE_MANAGER = "line-manager", _("Line manager")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_given"
    )
    shared_with = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_received"
    )
    relationship = models.CharField(_("they are your"), max_length=20, choices=Relationship.choices)
    evaluation = models.ForeignKey(
        SelfEvaluation, on_delete=models.CASCADE, null=True, blank=True, related_name="shares"
    )
    round = models.ForeignKey(
        FeedbackRound, on_delete=models.CASCADE, null=True, blank=True, related_name="shares"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(evaluation__isnull=True, round__isnull=False)
                | Q(evaluation__isnull=False, round__isnull=True),
                name="share_is_of_one_thing",
            ),
            models.UniqueConstraint(
                fields=["evaluation", "shared_with"],
                condition=Q(withdrawn_at__isnull=True, evaluation__isnull=False),
                name="evaluation_shared_once",
            ),
            models.UniqueConstraint(
                fields=["round", "shared_with"],
                condition=Q(withdrawn_at__isnull=True, round__isnull=False),
                name="report_shared_once",
            ),
        ]

    def __str__(self) -> str:
        return f"Shared with {self.shared_with} ({self.get_relationship_display()})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class ShareComment(Model):
    """A comment by the person something was shared with, for its owner to read."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("comment"), max_length=5_000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Comment by {self.author}"
