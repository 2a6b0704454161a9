"""Modules and events of structured programmes, and who has a place at each event."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peerpath.lib.models import Model

from .programmes import Programme


class Module(Model):
    """A part of a programme, such as an accredited module of a management programme."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    accreditation = models.CharField(
        _("accreditation"),
        max_length=200,
        blank=True,
        help_text=_("For example: 20 credits at SCQF level 11. Leave empty if not accredited."),
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["programme", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class Event(Model):
    class Kind(models.TextChoices):
        MASTERCLASS = "masterclass", _("Masterclass")
        WORKSHOP = "workshop", _("Workshop")
        RESIDENTIAL = "residential", _("Residential course")
        SUMMER_SCHOOL = "summer-school", _("Summer school")
        LEARNING_SET_MEETING = "learning-set-meeting", _("Learning set meeting")
        ELEARNING = "e-learning", _("E-learning package")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="events")
    module = models.ForeignKey(
        Module,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("module"),
    )
    kind = models.CharField(_("type of event"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("what it covers"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(
        _("where"), max_length=300, blank=True, help_text=_("Leave empty if it is online only.")
    )
    online = models.BooleanField(_("people can join online"), default=False)
    joining_details = models.TextField(
        _("joining details"),
        blank=True,
        help_text=_("Shown only to people with a place: a meeting link, what to bring."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    enrolment_closes_at = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "programmes:event", kwargs={"slug": self.programme.slug, "event_id": self.pk}
        )

    @property
    def is_open_for_enrolment(self) -> bool:
        now = timezone.now()
        if self.cancelled_at is not None or self.starts_at <= now:
            return False
        return self.enrolment_closes_at is None or now < self.enrolment_closes_at

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()


class Enrolment(Model):
    """A person's place (or place in the queue) at an event."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Has a place")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="enrolments")
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_enrolments"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    # The waiting list is first come, first served by this time; re-joining starts again.
    queued_at = models.DateTimeField()
    attended = models.BooleanField(null=True, blank=True)
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)
    attendance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "participant"], name="enrolment_one_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.event} ({self.status})"
