"""Pairs not yet made: the coordinator's draft, invitations between peers, and requests
from a mentee's shortlist. None of these uses a mentor's capacity until it becomes a
Pairing, except that a shortlist never features a mentor beyond the room they have left.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peerpath.lib.models import Model

from .applications import Application
from .schemes import Cohort


class MatchRun(Model):
    """The latest optimiser run for a round: totals, and why anyone was left unmatched."""

    cohort = models.OneToOneField(Cohort, on_delete=models.CASCADE, related_name="match_run")
    run_at = models.DateTimeField(default=timezone.now)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    engine = models.CharField(max_length=40)
    total_score = models.FloatField(default=0)
    # [{"application": id, "reason": code, "blocked_by": {rule: count}}]
    unmatched = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"Matching run for {self.cohort}"


class DraftPair(Model):
    """A proposed mentor–mentee pair the coordinator can pin, swap or remove before publishing."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="draft_pairs")
    mentee = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    mentor = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(default=0)
    # [{"name": "topics", "value": 0.5, "weight": 1.0, "points": 0.5}, …]
    breakdown = models.JSONField(default=list)
    # Applications of mentors who would have scored higher but were full (see the engine).
    better_mentors = models.JSONField(default=list, blank=True)
    pinned = models.BooleanField(default=False)
    chosen_by_hand = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pinned", "-score", "mentee__applicant__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "mentee"], name="draft_pair_one_per_mentee"),
        ]

    def __str__(self) -> str:
        return f"Draft: {self.mentee} with {self.mentor}"


class MatchExclusion(Model):
    """A pair the coordinator removed: the optimiser will not propose it again."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="exclusions")
    mentee = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    mentor = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mentee", "mentor"], name="exclusion_once"),
        ]

    def __str__(self) -> str:
        return f"Not to pair: {self.mentee} with {self.mentor}"


class Offer(Model):
    """Shared by invitations and requests: someone asks, the other answers in time."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("No answer in time")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("a message with your request"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_note = models.TextField(blank=True, max_length=2000)

    class Meta:
        abstract = True

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING and self.expires_at > timezone.now()


class PeerInvitation(Offer):
    """ "Choose your own peer": one participant invites a named colleague to pair up."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="peer_invitations")
    inviter = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="invitations")
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peer_invitations"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["inviter", "invitee"],
                condition=Q(status="pending"),
                name="peer_invitation_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.inviter.applicant} invites {self.invitee}"


class MentorRequest(Offer):
    """A mentee asks a mentor from their shortlist; the mentor answers within the round's
    response time, or the request lapses and the mentee chooses again."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="mentor_requests")
    mentee = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="requests_made")
    mentor = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="requests_had")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentee"], condition=Q(status="pending"), name="mentor_request_one_open"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentee.applicant} asks {self.mentor.applicant}"


class ShortlistEntry(Model):
    """A mentor featured on one mentee's shortlist. While live it holds one of the mentor's
    places, so a mentor is never shown to more mentees than they have room for."""

    mentee = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="shortlist")
    mentor = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="featured_in")
    position = models.PositiveSmallIntegerField()
    score = models.FloatField(default=0)
    breakdown = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.mentor} on the shortlist of {self.mentee}"
