"""Programmes, their activities, and what participants submit for them."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Membership, Organisation, RoleLevel
from peerpath.frameworks.models import Framework, Statement
from peerpath.lib.models import Model

MANAGING_ROLES = (Membership.Role.COORDINATOR, Membership.Role.ORG_ADMIN)
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
code_validator = RegexValidator(
    CODE_PATTERN, _("Use up to 40 letters, digits, dots, hyphens or underscores.")
)


class ProgrammeQuerySet(models.QuerySet):
    def managed_by(self, user):
        """Programmes this person runs: coordinators and admins of the owner; site admins."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            owner__memberships__user=user, owner__memberships__role__in=MANAGING_ROLES
        ).distinct()

    def visible_to(self, user):
        """Published (and closed) programmes open to this person, and those they manage."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        # Closed programmes stay readable, so people keep sight of their past work.
        open_to_them = Q(status__in=[Programme.Status.PUBLISHED, Programme.Status.CLOSED]) & (
            Q(owner__isnull=True)
            | Q(audience=Programme.Audience.EVERYONE)
            | Q(owner__memberships__user=user)
        )
        managed = Q(owner__memberships__user=user, owner__memberships__role__in=MANAGING_ROLES)
        return self.filter(open_to_them | managed).distinct()


class Programme(Model):
    """A self-paced set of activities (23 Things) or a structured programme with events."""

    class Kind(models.TextChoices):
        SELF_PACED = "self-paced", _("Self-paced")
        STRUCTURED = "structured", _("Structured, with events")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")

    class Audience(models.TextChoices):
        MEMBERS = "members", _("People in the organisation that runs it")
        EVERYONE = "everyone", _("Everyone with an account")

    class Review(models.TextChoices):
        AUTO = "auto", _("Accept automatically when the rules are met")
        REVIEWER = "reviewer", _("A reviewer accepts or returns each submission")

    slug = models.SlugField(_("short name for web addresses"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("summary"), blank=True)
    # The language the programme's content is written in (its file says), so pages in
    # another language can mark it as such.
    language = models.CharField(_("language"), max_length=10, default="en")
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes",
        help_text=_("Empty for programmes that ship with Peerpath."),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    audience = models.CharField(
        _("who can join"), max_length=20, choices=Audience.choices, default=Audience.MEMBERS
    )
    review = models.CharField(
        _("how submissions are accepted"),
        max_length=20,
        choices=Review.choices,
        default=Review.AUTO,
    )
    activity_label = models.CharField(
        _("what an activity is called"),
        max_length=40,
        blank=True,
        help_text=_("For example “Thing”, so activities read “Thing 1”, “Thing 2”."),
    )
    start_with_note = models.CharField(
        _("where to start"),
        max_length=300,
        blank=True,
        help_text=_("A recommendation, shown to participants; it never locks activities."),
    )
    min_role_level = models.PositiveSmallIntegerField(
        _("open to people at this level or above"),
        choices=RoleLevel.choices,
        null=True,
        blank=True,
    )
    eligibility = models.TextField(
        _("who it is for"),
        blank=True,
        help_text=_("Shown before people sign up, and they confirm it applies to them."),
    )
    completion_attendance = models.PositiveSmallIntegerField(
        _("events to attend to complete"), default=0
    )
    completion_activities = models.PositiveSmallIntegerField(
        _("activities to have accepted to complete"), default=0
    )
    framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The framework whose capabilities the activities develop."),
    )
    source_title = models.CharField(max_length=300, blank=True)
    source_publisher = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    licence = models.CharField(max_length=200, blank=True)
    licence_url = models.URLField(max_length=500, blank=True)
    attribution = models.TextField(blank=True)
    source_notes = models.TextField(blank=True)
    checksum = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def is_managed_by(self, user) -> bool:
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        if self.owner_id is None:
            return False
        return user.memberships.filter(
            organisation_id=self.owner_id, role__in=MANAGING_ROLES
        ).exists()

    @property
    def has_completion_rule(self) -> bool:
        return bool(self.completion_attendance or self.completion_activities)


class Activity(Model):
    """One piece of learning in a programme, such as a Thing of 23 Things."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="activities")
    code = models.CharField(max_length=40, validators=[code_validator])
    position = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    steps = models.JSONField(_("steps"), default=list, blank=True)
    resources = models.JSONField(
        _("resources"), default=list, blank=True, help_text=_("A list of {title, url, note}.")
    )
    statements = models.ManyToManyField(
        Statement, blank=True, related_name="programme_activities", verbose_name=_("capabilities")
    )
    tool = models.CharField(_("embedded tool"), max_length=40, blank=True)
    min_words = models.PositiveIntegerField(_("minimum words in the statement"), default=0)
    allow_link = models.BooleanField(
        _("a link to a blog or portfolio entry may replace the statement"), default=True
    )
    recommended_first = models.BooleanField(default=False)
    hours = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    badge_name = models.CharField(max_length=200, blank=True)
    badge_criteria = models.TextField(blank=True)
    retired = models.BooleanField(
        default=False, help_text=_("Removed from the programme file but kept for past work.")
    )

    class Meta:
        ordering = ["programme", "position"]
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="activity_code_unique"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "programmes:activity", kwargs={"slug": self.programme.slug, "code": self.code}
        )

    @property
    def label(self) -> str:
        """How people refer to it: “Thing 4”, or the title when activities are unnumbered."""
        if self.programme.activity_label:
            return f"{self.programme.activity_label} {self.code}"
        return self.title

    @property
    def earns_badge(self) -> bool:
        return bool(self.badge_name)


class Submission(Model):
    """What a participant hands in for an activity; one per person per activity."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        RETURNED = "returned", _("Returned with feedback")
        ACCEPTED = "accepted", _("Accepted")

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="submissions")
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_submissions"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    statement = models.TextField(_("reflective statement"), blank=True)
    word_count = models.PositiveIntegerField(default=0)
    evidence_url = models.URLField(_("link to a blog or portfolio entry"), blank=True)
    tool_evidence_title = models.CharField(max_length=300, blank=True)
    tool_evidence_url = models.CharField(max_length=500, blank=True)
    hours = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    submitted_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    times_submitted = models.PositiveSmallIntegerField(default=1)
    badge_url = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "participant"], name="submission_one_per_person"
            ),
        ]
        # Work waiting for review is found by status, oldest first.
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="submission_status_submitted")
        ]

    def __str__(self) -> str:
        return f"{self.activity} – {self.participant}"

    def get_absolute_url(self) -> str:
        return self.activity.get_absolute_url()

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED


class ProgrammeCompletion(Model):
    """A participant met a programme's completion rules (attendance, accepted activities)."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="completions")
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_completions"
    )
    completed_at = models.DateTimeField()
    badge_url = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "participant"], name="completion_one_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} completed {self.programme}"
