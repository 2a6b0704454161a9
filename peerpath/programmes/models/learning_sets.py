"""Action learning sets: a small group, one theme, a facilitator, regular meetings.

Everything members write here (issues, actions, notes) is private to the set: its
members and its facilitator. Coordinators see that a set exists, who is in it and
when it meets, never what was said.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Organisation
from peerpath.lib.models import Model

from .programmes import Programme


class LearningSet(Model):
    owner = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="learning_sets")
    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_sets",
        verbose_name=_("part of a programme"),
    )
    name = models.CharField(_("name"), max_length=200)
    theme = models.CharField(
        _("theme"), max_length=300, help_text=_("The single theme the set works on.")
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="facilitated_learning_sets",
        verbose_name=_("facilitator"),
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:learning-set", kwargs={"set_id": self.pk})

    def is_in_set(self, user) -> bool:
        """Members and the facilitator: the only people who see what the set writes."""
        if not user.is_authenticated:
            return False
        return user.pk == self.facilitator_id or self.members.filter(person=user).exists()


class LearningSetMember(Model):
    learning_set = models.ForeignKey(LearningSet, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_set_places"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["learning_set", "person"], name="set_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.learning_set}"


class LearningSetMeeting(Model):
    learning_set = models.ForeignKey(LearningSet, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("where"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.learning_set} meeting"


class LearningSetIssue(Model):
    """The real work problem a member brings to the set."""

    learning_set = models.ForeignKey(LearningSet, on_delete=models.CASCADE, related_name="issues")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("your issue, in a sentence"), max_length=300)
    description = models.TextField(_("more about it"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title


class LearningSetAction(Model):
    """Something a member will do about their issue before the next meeting."""

    issue = models.ForeignKey(LearningSetIssue, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=500)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text


class LearningSetNote(Model):
    learning_set = models.ForeignKey(LearningSet, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(
        LearningSetMeeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notes",
        verbose_name=_("meeting"),
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Note by {self.author}"
