"""Capability and competency frameworks, held as data.

A framework is identified by its slug; each version is a separate, immutable set of rows,
so ratings made against version 1 stay readable after version 2 is imported. The newest
published version of a slug is its current one.
"""

import re
import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Organisation, User
from peerpath.lib.models import Model

CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"
VERSION_PATTERN = r"^[0-9][0-9A-Za-z.-]{0,19}$"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

code_validator = RegexValidator(
    CODE_PATTERN,
    _(
        "Use up to 40 letters, digits, dots, hyphens or underscores, "
        "starting with a letter or digit."
    ),
)
version_validator = RegexValidator(
    VERSION_PATTERN, _("Start with a digit, for example 1.0 or 2024-1.")
)


def version_key(version: str) -> tuple:
    """Sort key that puts 1.10 after 1.9 and 2.0 after 2.0-draft."""
    parts = re.split(r"[.-]", version)
    return (*tuple((0, int(p), "") if p.isdigit() else (-1, 0, p) for p in parts), (0, 0, ""))


class FrameworkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Framework.Status.PUBLISHED)

    def current(self):
        return self.filter(is_current=True)

    def visible_to(self, user):
        """Published frameworks for everyone; drafts for their organisation's admins."""
        visible = Q(status=Framework.Status.PUBLISHED)
        if user.is_authenticated:
            if user.is_superuser:
                return self
            visible |= Q(
                owner__memberships__user=user,
                owner__memberships__role="org-admin",
            )
        return self.filter(visible).distinct()


class Framework(Model):
    class Kind(models.TextChoices):
        SELF_EVALUATION = "self-evaluation", _("Self-evaluation")
        CAPABILITIES = "capabilities", _("Capability framework")
        STANDARD = "standard", _("Professional standard")
        THEMES = "themes", _("Discussion themes")
        EXTERNAL = "external", _("External standard")

    class Subject(models.TextChoices):
        PERSON = "person", _("A person")
        ORGANISATION = "organisation", _("An organisation")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.CharField(max_length=80, validators=[RegexValidator(SLUG_PATTERN)], db_index=True)
    version = models.CharField(max_length=20, validators=[version_validator])
    name = models.CharField(max_length=200)
    language = models.CharField(max_length=10, default="en")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CAPABILITIES)
    subject = models.CharField(max_length=20, choices=Subject.choices, default=Subject.PERSON)
    description = models.TextField(blank=True)
    statement_stem = models.CharField(
        max_length=100, blank=True, help_text=_("Words that begin every statement.")
    )
    source_title = models.CharField(max_length=300, blank=True)
    source_publisher = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    licence = models.CharField(max_length=200, blank=True)
    licence_url = models.URLField(max_length=500, blank=True)
    attribution = models.TextField(blank=True)
    source_notes = models.TextField(blank=True)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="frameworks",
        help_text=_("Empty for frameworks that ship with Peerpath."),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    is_current = models.BooleanField(default=False)
    imported_from = models.CharField(max_length=30, blank=True)
    checksum = models.CharField(max_length=64, editable=False)
    # Versions never change once stored, so their sizes are kept rather than counted on
    # every listing.
    domain_count = models.PositiveIntegerField(default=0, editable=False)
    statement_count = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        ordering = ["name", "slug", "-published_at"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="framework_slug_version"),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(is_current=True), name="framework_one_current"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (version {self.version})"

    def get_absolute_url(self) -> str:
        return reverse("frameworks:version", kwargs={"slug": self.slug, "version": self.version})

    @property
    def is_rated(self) -> bool:
        return hasattr(self, "rating_scale")


class FrameworkItemUrl:
    """Domains and statements share one address: /frameworks/<slug>/<version>/items/<code>/."""

    def get_absolute_url(self) -> str:
        return reverse(
            "frameworks:item",
            kwargs={
                "slug": self.framework.slug,
                "version": self.framework.version,
                "code": self.code,
            },
        )


class Domain(FrameworkItemUrl, models.Model):
    """A group of statements: a capability, a domain of a self-evaluation, an element."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="domains")
    code = models.CharField(max_length=40, validators=[code_validator])
    name = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    evidence_prompt = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["framework", "position"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="domain_code_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Statement(FrameworkItemUrl, models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="statements")
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="statements")
    code = models.CharField(max_length=40, validators=[code_validator])
    text = models.TextField()
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["domain__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="statement_code_unique"),
        ]

    def __str__(self) -> str:
        return self.text


class RatingScale(Model):
    framework = models.OneToOneField(
        Framework, on_delete=models.CASCADE, related_name="rating_scale"
    )
    name = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.name


class ScaleLevel(Model):
    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="levels")
    value = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["scale", "value"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "value"], name="scale_level_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.value}. {self.label}"


class ProgressionLevel(Model):
    """Optional stages of growth a framework describes (e.g. SCQF levels, frontline/manager)."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="progression_levels"
    )
    code = models.CharField(max_length=40, validators=[code_validator])
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["framework", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="progression_level_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name
