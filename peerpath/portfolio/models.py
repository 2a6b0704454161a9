"""The professional development portfolio: goals, what a person learned, and what they plan.

Other apps add to a portfolio only through services.learning_entry_record and
services.plan_item_create, so the portfolio stays the one place that owns these rows.
Everything here belongs to one person (`owner`); pages show it to nobody else, except a
plan the owner shares and a claim the owner sends to an assessor.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Organisation, hash_token
from peerpath.frameworks.models import Domain, Framework, Statement
from peerpath.lib.models import Model
from peerpath.lib.search import FoldedTextField


class LearningEntry(Model):
    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        READING = "reading", _("Reading")
        ELEARNING = "e-learning", _("E-learning")
        PEER_SESSION = "peer-session", _("Mentoring or peer session")
        COACHING = "coaching", _("Coaching")
        ACTION_LEARNING = "action-learning", _("Action learning set")
        MASTERCLASS = "masterclass", _("Masterclass")
        RESIDENTIAL = "residential", _("Residential")
        SECONDMENT = "secondment", _("Secondment")
        EXCHANGE = "exchange", _("Exchange")
        INTERNATIONAL = "international-visit", _("International visit")
        QUALIFICATION = "qualification", _("Qualification")
        ON_THE_JOB = "on-the-job", _("On-the-job learning")
        OTHER = "other", _("Other")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_entries"
    )
    title = models.CharField(_("what you did"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    date = models.DateField(_("when"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, null=True, blank=True)
    reflection = models.TextField(_("what I learned"), blank=True)
    practice = models.TextField(_("how I use it in practice"), blank=True)
    impact = models.TextField(_("impact on the people who use our services"), blank=True)
    statements = models.ManyToManyField(
        Statement,
        blank=True,
        related_name="learning_entries",
        verbose_name=_("capabilities and standards it evidences"),
    )
    goals = models.ManyToManyField(
        "Goal", blank=True, related_name="learning_entries", verbose_name=_("goals it helps with")
    )
    # Set when another part of Peerpath made the entry (a programme activity, a mentoring
    # session), so recording the same thing twice updates rather than duplicates.
    source_key = models.CharField(max_length=200, blank=True)
    source_url = models.CharField(max_length=500, blank=True)
    # What the log's search looks in, without accents or case (peerpath.lib.search).
    search_text = FoldedTextField(sources=("title", "reflection", "practice", "impact"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name_plural = _("learning entries")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "source_key"],
                condition=~Q(source_key=""),
                name="learning_entry_source_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portfolio:entry", kwargs={"entry_id": self.pk})

    @property
    def reflection_parts(self) -> list[tuple[str, str]]:
        """The three parts of a reflection that have text, with their headings."""
        parts = [
            (_("What I learned"), self.reflection),
            (_("How I use it in practice"), self.practice),
            (_("Impact on the people who use our services"), self.impact),
        ]
        return [(heading, text) for heading, text in parts if text.strip()]


def evidence_upload_to(instance: "Evidence", filename: str) -> str:
    # A random folder per file: names never collide and cannot be guessed from the URL.
    return f"portfolio/evidence/{instance.entry.owner_id}/{uuid.uuid4().hex}/{filename}"


class Evidence(Model):
    """A file or a link that shows what an entry says happened."""

    entry = models.ForeignKey(LearningEntry, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("description"), max_length=200, blank=True)
    file = models.FileField(upload_to=evidence_upload_to, max_length=400, blank=True)
    original_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="evidence_is_a_file_or_a_link",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name or self.url

    @property
    def is_file(self) -> bool:
        return bool(self.file)

    @property
    def label(self) -> str:
        return self.title or self.original_name or self.url


class OrganisationObjective(Model):
    """An objective of an organisation that people can link their own goals to."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="objectives"
    )
    title = models.CharField(_("objective"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("offered to people setting goals"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation.name})"


class Goal(Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not-started", _("Not started")
        IN_PROGRESS = "in-progress", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Dropped")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(_("goal"), max_length=200)
    why = models.TextField(_("why it matters"), blank=True)
    statements = models.ManyToManyField(
        Statement, blank=True, related_name="goals", verbose_name=_("capabilities it develops")
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    objective = models.ForeignKey(
        OrganisationObjective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("organisational objective it supports"),
    )
    # Kept as words too, so the link survives an export to another Peerpath.
    objective_text = models.CharField(max_length=300, blank=True)
    achieved_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["target_date", "created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portfolio:goal", kwargs={"goal_id": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in {self.Status.NOT_STARTED, self.Status.IN_PROGRESS}


class GoalNote(Model):
    """A dated note of progress towards a goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("progress note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class PlanItem(Model):
    """One line of a development plan: what to develop, how, with what support, by when."""

    class Status(models.TextChoices):
        NOT_STARTED = "not-started", _("Not started")
        IN_PROGRESS = "in-progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_items"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.TextField(_("action"))
    support_needed = models.TextField(_("support needed"), blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    source = models.CharField(
        max_length=200, blank=True, help_text=_("Where the item came from, e.g. a 360° report.")
    )
    source_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["target_date", "created_at"]

    def __str__(self) -> str:
        return self.action[:60]

    @property
    def capability(self) -> Statement | Domain | None:
        return self.statement or self.domain


class PlanShareQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class PlanShare(Model):
    """The owner lets one named person (e.g. their line manager) read and comment on the plan.

    Withdrawing sets `withdrawn_at`; from then on that person sees nothing.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_shares"
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plans_shared_with_me"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = PlanShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "viewer"],
                condition=Q(withdrawn_at__isnull=True),
                name="plan_share_one_active_per_viewer",
            ),
        ]

    def __str__(self) -> str:
        return f"Plan of {self.owner} shared with {self.viewer}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class PlanComment(Model):
    """A comment on a development plan, by the person it was shared with or by its owner."""

    plan_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_name = models.CharField(max_length=150)
    item = models.ForeignKey(
        PlanItem, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    text = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class ClaimQuerySet(models.QuerySet):
    def awaiting_assessment(self):
        return self.filter(status=Claim.Status.SUBMITTED)


class Claim(Model):
    """A person's claim that some of their entries evidence items of a framework.

    It goes to one assessor by an emailed link (they need no account); the assessor accepts
    or returns each item. Once assessed a claim is a record and does not change.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not sent yet")
        SUBMITTED = "submitted", _("With the assessor")
        ASSESSED = "assessed", _("Assessed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class AssessorRole(models.TextChoices):
        LINE_MANAGER = "line-manager", _("Line manager")
        MENTOR = "mentor", _("Mentor")
        EXTERNAL = "external", _("External assessor, e.g. a university partner")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="claims"
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("a note for the assessor"), blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    assessor_name = models.CharField(_("assessor's name"), max_length=150, blank=True)
    assessor_email = models.EmailField(_("assessor's email address"), blank=True)
    assessor_role = models.CharField(
        _("who they are"), max_length=20, choices=AssessorRole.choices, blank=True
    )
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Claim against {self.framework.name} by {self.owner}"

    def get_absolute_url(self) -> str:
        return reverse("portfolio:claim", kwargs={"claim_id": self.pk})

    def new_link_token(self) -> str:
        """A fresh token for the assessor's link; only its hash is kept."""
        raw = secrets.token_urlsafe(32)
        self.token_hash = hash_token(raw)
        return raw

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class ClaimItem(Model):
    """One item of the framework, the entries that evidence it, and the assessor's decision."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Waiting for the assessor")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="items")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    entries = models.ManyToManyField(LearningEntry, related_name="claim_items")
    note = models.TextField(_("how these entries show it"), blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    comment = models.TextField(_("assessor's comment"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["statement__domain__position", "statement__position"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "statement"], name="claim_item_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.statement.code} in {self.claim}"


def export_upload_to(instance: "PortfolioExport", filename: str) -> str:
    return f"portfolio/exports/{instance.owner_id}/{uuid.uuid4().hex}/{filename}"


class PortfolioExport(Model):
    """A PDF or zip of a portfolio (or of all one's personal data), made in the background
    because a career of learning takes a while to lay out. Kept privately, for its owner
    only, until they make a newer one."""

    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF")
        ZIP = "zip", _("Zip file with evidence")
        PERSONAL_DATA = "personal-data", _("Your personal data")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be made")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portfolio_exports"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(max_length=100, blank=True)
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=export_upload_to, max_length=400, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.owner}"

    def get_absolute_url(self) -> str:
        return reverse("portfolio:export-file", kwargs={"export_id": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.READY, self.Status.FAILED}
