"""Pairs and what they do together: the agreement, sessions, check-ins and the close.

Private notes (SessionNotes) belong to the two people in a pair and nobody else: they are
kept in their own table so that no page, export or admin screen for anyone else can pick
them up by accident.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peerpath.frameworks.models import Statement
from peerpath.lib.models import Model

from .applications import Application
from .schemes import Cohort

LIVE_STATUSES = ("agreeing", "active")


class Pairing(Model):
    """Two people working together in a round.

    In a mentoring scheme `mentor` and `mentee` say who is who; in peer support and
    co-coaching both are peers (the `mentor` side is the one who was asked).
    """

    class Status(models.TextChoices):
        AGREEING = "agreeing", _("Agreeing how to work together")
        ACTIVE = "active", _("Meeting")
        ENDED_EARLY = "ended-early", _("Ended early")
        CLOSED = "closed", _("Finished")

    class HowMade(models.TextChoices):
        COORDINATOR = "coordinator", _("Matched by the coordinator")
        PEER_CHOICE = "peer-choice", _("Chose each other")
        SHORTLIST = "shortlist", _("Chosen from a shortlist")

    class EndReason(models.TextChoices):
        NOT_A_FIT = "not-a-fit", _("It is not the right fit")
        CIRCUMSTANCES = "circumstances", _("Circumstances have changed")
        GOALS_MET = "goals-met", _("The goals have been met early")
        NO_TIME = "no-time", _("There is no time to meet")
        OTHER = "other", _("Another reason")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="pairings")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pairings_as_mentor"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pairings_as_mentee"
    )
    mentor_application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="+")
    mentee_application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="+")
    how_made = models.CharField(max_length=20, choices=HowMade.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AGREEING)
    score = models.FloatField(null=True, blank=True)
    breakdown = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(mentor=models.F("mentee")), name="pairing_two_people"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} and {self.mentee}"

    def get_absolute_url(self) -> str:
        return reverse("mentoring:pairing", kwargs={"pairing_id": self.pk})

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_STATUSES

    def includes(self, user) -> bool:
        return user.is_authenticated and user.pk in (self.mentor_id, self.mentee_id)

    def partner_of(self, user):
        return self.mentee if user.pk == self.mentor_id else self.mentor

    def role_of(self, user) -> str:
        """'peer', 'mentor' or 'mentee', in the words the pages use."""
        if self.cohort.scheme.is_peer:
            return "peer"
        return "mentor" if user.pk == self.mentor_id else "mentee"


class Place(Model):
    """One of the places an applicant offers (their capacity), taken by a live pairing.

    `number` runs from 1 to the application's capacity and is unique per application, so
    two pairings can never hold the same place: even two coordinators publishing at the
    same moment cannot take a mentor past their capacity, because the database refuses
    the second row.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="places")
    number = models.PositiveSmallIntegerField()
    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="places")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "number"], name="place_taken_once"),
            models.CheckConstraint(condition=Q(number__gte=1), name="place_number_positive"),
        ]

    def __str__(self) -> str:
        return f"Place {self.number} of {self.application}"


class Agreement(Model):
    """How a pair will work together. Both sign the same wording before the first session;
    changing it after either has signed asks both to sign again."""

    class Format(models.TextChoices):
        IN_PERSON = "in-person", _("In person")
        ONLINE = "online", _("Online")
        PHONE = "phone", _("By phone")
        MIXED = "mixed", _("A mix")

    pairing = models.OneToOneField(Pairing, on_delete=models.CASCADE, related_name="agreement")
    frequency = models.CharField(
        _("how often you will meet"),
        max_length=120,
        blank=True,
        help_text=_(
            "Agree something that is not onerous, e.g. once a month; meet more often when needed."
        ),
    )
    session_minutes = models.PositiveSmallIntegerField(
        _("how long a session lasts (minutes)"),
        default=60,
        validators=[MinValueValidator(15), MaxValueValidator(480)],
    )
    format = models.CharField(
        _("how you will meet"), max_length=20, choices=Format.choices, default=Format.ONLINE
    )
    confidentiality = models.TextField(_("confidentiality and its limits"), blank=True)
    boundaries = models.TextField(_("boundaries"), blank=True)
    commit_professional_learning = models.BooleanField(
        _(
            "We will work reflectively and share information, skills and practice to "
            "improve what we offer the people we serve."
        ),
        default=False,
    )
    commit_self_care = models.BooleanField(
        _("We will look after our own and each other's safety, health and wellbeing."),
        default=False,
    )
    goals = models.TextField(_("goals for the relationship"), blank=True)
    planned_end = models.DateField(_("planned end date"), null=True, blank=True)
    mentor_signed_at = models.DateTimeField(null=True, blank=True)
    mentee_signed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Agreement of {self.pairing}"

    @property
    def is_signed_by_both(self) -> bool:
        return bool(self.mentor_signed_at and self.mentee_signed_at)

    def signed_by(self, user) -> bool:
        if user.pk == self.pairing.mentor_id:
            return self.mentor_signed_at is not None
        return self.mentee_signed_at is not None


class Session(Model):
    """A session between the two, planned ahead (with a calendar invitation) or logged after.

    Logged by either person and confirmed by the other; once confirmed it is recorded in
    both people's learning logs (without the private notes).
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        LOGGED = "logged", _("Waiting for the other person to confirm")
        CONFIRMED = "confirmed", _("Confirmed")
        CANCELLED = "cancelled", _("Cancelled")

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(600)],
    )
    format = models.CharField(
        _("how you met"), max_length=20, choices=Agreement.Format.choices, default="online"
    )
    themes = models.ManyToManyField(Statement, blank=True, related_name="+")
    own_themes = models.CharField(_("your own themes"), max_length=300, blank=True)
    actions = models.TextField(_("actions agreed"), blank=True)
    evidence = models.TextField(_("what evidence do I have?"), blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_at"]
        indexes = [
            # Pair health and the round's reports count confirmed sessions per pairing.
            models.Index(
                fields=["pairing", "status", "starts_at"], name="session_pairing_status_start"
            )
        ]

    def __str__(self) -> str:
        return f"Session on {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse(
            "mentoring:session", kwargs={"pairing_id": self.pairing_id, "session_id": self.pk}
        )

    @property
    def hours(self):
        from decimal import Decimal

        return (Decimal(self.duration_minutes) / 60).quantize(Decimal("0.01"))


class SessionNotes(Model):
    """The pair's private notes on a session. Only the two of them ever see these."""

    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, primary_key=True, related_name="private_notes"
    )
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Private notes on session {self.session_id}"


class CheckIn(Model):
    """A short check-in after a session: how useful it was. The coordinator sees these."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="check_ins")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    usefulness = models.PositiveSmallIntegerField(
        _("how useful was this session?"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.CharField(
        _("anything the coordinator should know (optional)"), max_length=500, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="check_in_once"),
        ]

    def __str__(self) -> str:
        return f"Check-in {self.usefulness}/5 on session {self.session_id}"


class ClosingReview(Model):
    """Each person's look back at the end: goals, the same confidence questions as at the
    start, and a testimonial that is published only with explicit consent."""

    class GoalsMet(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="reviews")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    goals_met = models.CharField(
        _("did you meet the goals you set?"), max_length=10, choices=GoalsMet.choices
    )
    what_changed = models.TextField(_("what has changed for you"), blank=True)
    confidence = models.JSONField(default=dict, blank=True)
    testimonial = models.TextField(_("a few words for others thinking of joining"), blank=True)
    testimonial_consent = models.BooleanField(
        _("You may publish my words with my name, job title and organisation"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pairing", "person"], name="closing_review_once"),
        ]

    def __str__(self) -> str:
        return f"Closing review by {self.person} of {self.pairing}"
