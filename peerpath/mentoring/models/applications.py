"""Applications to a round: the answers people give, and the coordinator's decision."""

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Nation, Organisation, RoleLevel
from peerpath.lib.models import Model

from .schemes import Cohort

EMAIL_RE = re.compile(r"[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+")


class Application(Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Not sent yet")
        SUBMITTED = "submitted", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Not offered a place")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Role(models.TextChoices):
        MENTEE = "mentee", _("I would like a mentor")
        MENTOR = "mentor", _("I would like to mentor someone")
        PEER = "peer", _("I would like a peer")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_applications"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation you are applying from"),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    role = models.CharField(
        _("what you would like"), max_length=10, choices=Role.choices, blank=True
    )
    role_level = models.PositiveSmallIntegerField(
        _("your role level"), choices=RoleLevel.choices, null=True, blank=True
    )
    emerging_leader = models.BooleanField(
        _("emerging leader"),
        null=True,
        blank=True,
        help_text=_(
            "You are thinking of applying for a head of service role in the next 12 months, "
            "or you lead a major project or large-scale change now."
        ),
    )
    nation = models.CharField(_("nation"), max_length=30, choices=Nation.choices, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    topics = models.JSONField(default=list, blank=True)
    availability = models.JSONField(default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(_("how many people you could take on"), default=1)
    goals = models.TextField(_("what you hope to get from it"), blank=True)
    line_manager_email = models.EmailField(_("your line manager's email address"), blank=True)
    conflicts = models.TextField(
        _("people you should not be paired with"),
        blank=True,
        help_text=_(
            "Email addresses of anyone with a conflict of interest, for example someone you "
            "manage or are in a dispute with. Only the coordinators see this."
        ),
    )
    answers = models.JSONField(default=dict, blank=True)
    # Baseline confidence per capability (domain code → scale value), from the scheme's
    # evaluation framework. The closing review asks the same question again.
    confidence = models.JSONField(default=dict, blank=True)
    training_exempt = models.BooleanField(
        _("trained already"),
        default=False,
        help_text=_("For example, trained in an earlier round."),
    )
    wants_rematch = models.BooleanField(default=False)
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["applicant__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "applicant"], name="application_once"),
        ]

    def __str__(self) -> str:
        return f"{self.applicant} – {self.cohort}"

    def get_absolute_url(self) -> str:
        return reverse("mentoring:apply", kwargs={"cohort_id": self.cohort_id})

    @property
    def offers_support(self) -> bool:
        """Mentors and peers take people on; mentees are taken on."""
        return self.role in {self.Role.MENTOR, self.Role.PEER}

    def conflict_emails(self) -> set[str]:
        return {email.lower() for email in EMAIL_RE.findall(self.conflicts or "")}

    @property
    def draft_key(self) -> str:
        return f"mentoring.cohort.{self.cohort_id}.goals"
