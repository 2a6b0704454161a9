"""Pathways: curated, ordered resources and activities for a role level."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Organisation, RoleLevel
from peerpath.frameworks.models import Statement
from peerpath.lib.models import Model

from .programmes import Activity


class Pathway(Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    role_level = models.PositiveSmallIntegerField(
        _("for people working as"), choices=RoleLevel.choices, null=True, blank=True
    )
    summary = models.TextField(_("summary"), blank=True)
    owner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="pathways"
    )
    attribution = models.TextField(blank=True)
    checksum = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role_level", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:pathway", kwargs={"pathway_slug": self.slug})


class PathwayStep(Model):
    """A resource to read or watch, or an activity of a programme, mapped to capabilities."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True)
    activity = models.ForeignKey(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="pathway_steps"
    )
    statements = models.ManyToManyField(Statement, blank=True, related_name="+")

    class Meta:
        ordering = ["pathway", "position"]

    def __str__(self) -> str:
        return self.title


class PathwayFollow(Model):
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="followers")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pathways_followed"
    )
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pathway", "person"], name="pathway_follow_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} follows {self.pathway}"


class PathwayStepDone(Model):
    """A resource step the person has marked done (activity steps count when accepted)."""

    step = models.ForeignKey(PathwayStep, on_delete=models.CASCADE, related_name="done_by")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["step", "person"], name="pathway_step_done_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} did {self.step}"
