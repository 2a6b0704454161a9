"""The professional development portfolio: what a person learned, and what they plan.

Other apps add to a portfolio only through services.learning_entry_record and
services.plan_item_create, so the portfolio stays the one place that owns these rows.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from peerpath.frameworks.models import Domain, Statement


class LearningEntry(models.Model):
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
    reflection = models.TextField(_("reflection"), blank=True)
    statements = models.ManyToManyField(
        Statement,
        blank=True,
        related_name="learning_entries",
        verbose_name=_("capabilities and standards it evidences"),
    )
    # Set when another part of Peerpath made the entry (a programme activity, a mentoring
    # session), so recording the same thing twice updates rather than duplicates.
    source_key = models.CharField(max_length=200, blank=True)
    source_url = models.CharField(max_length=500, blank=True)
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


class PlanItem(models.Model):
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
