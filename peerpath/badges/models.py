"""Open Badges: who issues, what can be earned, and the signed credentials people hold.

An Issuer is the site itself or one organisation; it signs with IssuerKeys, of which one
per algorithm is active and the rest retired but still published, so badges signed
before a rotation keep verifying. An Achievement is what can be earned (one per
programme activity, module or event). A Credential is one person's signed award of one
achievement; its signed JSON and JWT are stored exactly as issued.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Organisation
from peerpath.frameworks.models import Statement
from peerpath.lib.models import Model


def absolute(path: str) -> str:
    """A public address under SITE_URL: credentials name these, so they never change."""
    return f"{settings.SITE_URL}{path}"


class Issuer(Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="badge_issuer",
        help_text=_("Empty for badges the site itself issues."),
    )
    is_site = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["is_site"], condition=Q(is_site=True), name="badges_one_site_issuer"
            ),
            models.CheckConstraint(
                condition=Q(is_site=True, organisation__isnull=True)
                | Q(is_site=False, organisation__isnull=False),
                name="badges_issuer_is_site_or_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("badges:issuer", kwargs={"issuer_uuid": self.uuid})

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation else settings.SITE_NAME

    @property
    def iri(self) -> str:
        """The issuer's `id` in credentials: its public Profile."""
        return absolute(self.get_absolute_url())


class IssuerKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(retired_at__isnull=True)


class IssuerKey(Model):
    class Algorithm(models.TextChoices):
        RS256 = "RS256", "RS256 (RSA)"
        EDDSA = "EdDSA", "EdDSA (Ed25519)"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="keys")
    algorithm = models.CharField(max_length=10, choices=Algorithm.choices)
    public_jwk = models.JSONField(editable=False)
    sealed_private_key = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = IssuerKeyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "algorithm"],
                condition=Q(retired_at__isnull=True),
                name="badges_one_active_key_per_algorithm",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.algorithm} key {self.uuid} of {self.issuer}"

    def get_absolute_url(self) -> str:
        return reverse(
            "badges:issuer-key", kwargs={"issuer_uuid": self.issuer.uuid, "key_uuid": self.uuid}
        )

    @property
    def iri(self) -> str:
        """The `kid` of JWTs and the `verificationMethod` of proofs signed with this key."""
        return absolute(self.get_absolute_url())


class Achievement(Model):
    """Something that can be earned, e.g. "Thing 4: 360° feedback"."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key = models.CharField(
        max_length=200,
        unique=True,
        help_text=_("Stable name the part of Peerpath that awards it uses, e.g. 23things.4."),
    )
    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="achievements")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    criteria = models.TextField(_("how it is earned"))
    image_url = models.URLField(
        _("image address"), max_length=500, blank=True, help_text=_("Empty: a generated image.")
    )
    statements = models.ManyToManyField(
        Statement, blank=True, related_name="achievements", verbose_name=_("aligned to")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("badges:achievement", kwargs={"achievement_uuid": self.uuid})

    @property
    def iri(self) -> str:
        return absolute(self.get_absolute_url())

    @property
    def image_iri(self) -> str:
        if self.image_url:
            return self.image_url
        return absolute(
            reverse(
                "badges:achievement-image", kwargs={"achievement_uuid": self.uuid, "fmt": "png"}
            )
        )


class CredentialQuerySet(models.QuerySet):
    def current(self):
        return self.filter(revoked_at__isnull=True)


class Credential(Model):
    """One person's signed OpenBadgeCredential for one achievement."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    achievement = models.ForeignKey(
        Achievement, on_delete=models.PROTECT, related_name="credentials"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_credentials"
    )
    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="credentials")
    status_index = models.PositiveIntegerField(editable=False)
    issued_at = models.DateTimeField(editable=False)
    valid_until = models.DateTimeField(null=True, blank=True, editable=False)
    evidence_url = models.URLField(max_length=500, blank=True)
    evidence_narrative = models.TextField(blank=True)
    signed_json = models.JSONField(editable=False)
    signed_jwt = models.TextField(editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revocation_reason = models.CharField(max_length=500, blank=True, editable=False)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["achievement", "recipient"], name="badges_one_credential_per_achievement"
            ),
            models.UniqueConstraint(
                fields=["issuer", "status_index"], name="badges_status_index_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.achievement} – {self.recipient}"

    def get_absolute_url(self) -> str:
        """The public share page (the address is the credential's id)."""
        return reverse("badges:credential", kwargs={"credential_uuid": self.uuid})

    @property
    def iri(self) -> str:
        return absolute(self.get_absolute_url())

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
