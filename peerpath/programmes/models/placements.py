"""Broadening experience: exchanges, secondments and international visits."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peerpath.frameworks.models import Statement
from peerpath.lib.models import Model

from .programmes import Programme


class Placement(Model):
    class Kind(models.TextChoices):
        EXCHANGE = "exchange", _("Exchange")
        SECONDMENT = "secondment", _("Secondment")
        INTERNATIONAL_VISIT = "international-visit", _("International visit")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="placements"
    )
    kind = models.CharField(_("type of placement"), max_length=30, choices=Kind.choices)
    host = models.CharField(
        _("host organisation"),
        max_length=200,
        help_text=_("Where you went, for example another council or a company."),
    )
    country = models.CharField(
        _("country"), max_length=100, blank=True, help_text=_("Leave empty if in the UK.")
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    purpose = models.TextField(_("purpose"), help_text=_("What you wanted to see or learn."))
    reflection = models.TextField(_("reflection"), blank=True)
    statements = models.ManyToManyField(
        Statement, blank=True, related_name="+", verbose_name=_("capabilities it developed")
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("part of a programme"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.host}"

    def get_absolute_url(self) -> str:
        return reverse("programmes:placement", kwargs={"placement_id": self.pk})
