"""People, organisations and the roles people hold in them."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from peerpath.lib.models import Model


class Nation(models.TextChoices):
    ENGLAND = "england", _("England")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")
    SCOTLAND = "scotland", _("Scotland")
    WALES = "wales", _("Wales")
    CROWN_DEPENDENCIES = "crown-dependencies", _("Crown Dependencies")
    OUTSIDE_UK = "outside-uk", _("Outside the UK")


class RoleLevel(models.IntegerChoices):
    """Seniority, in order: matching compares these ("mentor at or above the mentee")."""

    PRACTITIONER = 1, _("Practitioner")
    SUPERVISOR = 2, _("Supervisor or team leader")
    MIDDLE_MANAGER = 3, _("Middle manager")
    HEAD_OF_SERVICE = 4, _("Head of service")
    SENIOR_OFFICER = 5, _("Senior or chief officer")


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        # People type their address in any case; treat it as one address.
        return (email or "").strip().lower()

    def get_by_natural_key(self, username):
        return self.get(email=self.normalize_email(username))

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in with their email address."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("site admin"), default=False, help_text=_("Can use the site administration pages.")
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    language = models.CharField(
        _("language for emails"), max_length=10, choices=settings.LANGUAGES, default="en-gb"
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = UserManager.normalize_email(self.email)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @cached_property
    def memberships_for_pages(self) -> list["Membership"]:
        """This person's memberships with their organisations, read once per request (the
        navigation and the page share them; `request.user` lasts only for the request)."""
        return list(self.memberships.select_related("organisation"))

    @property
    def administered_for_pages(self) -> list["Organisation"]:
        """The organisations this person is an admin of, from `memberships_for_pages`."""
        return [
            m.organisation
            for m in self.memberships_for_pages
            if m.role == Membership.Role.ORG_ADMIN
        ]

    def is_org_admin_of(self, organisation: "Organisation") -> bool:
        if self.is_superuser:
            return True
        return self.memberships.filter(
            organisation=organisation, role=Membership.Role.ORG_ADMIN
        ).exists()


class Organisation(Model):
    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local-authority", _("Local authority")
        LIBRARY_SERVICE = "library-service", _("Library service")
        VOLUNTARY = "voluntary", _("Voluntary or community organisation")
        PRIVATE = "private", _("Private provider")
        NATIONAL_BODY = "national-body", _("National body")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name for web addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    nation = models.CharField(_("nation"), max_length=30, choices=Nation.choices)
    region = models.CharField(_("region"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="organisation_name_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("orgs:organisation", kwargs={"org_slug": self.slug})


class Membership(Model):
    """A role a person holds in an organisation. One person may hold several."""

    class Role(models.TextChoices):
        PARTICIPANT = "participant", _("Participant")
        COORDINATOR = "coordinator", _("Coordinator")
        ORG_ADMIN = "org-admin", _("Organisation admin")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"


class ExpertiseArea(Model):
    """A tag such as "budgeting" or "capital projects" that people offer or seek."""

    name = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Profile(Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    role_level = models.PositiveSmallIntegerField(
        _("role level"), choices=RoleLevel.choices, null=True, blank=True
    )
    sector = models.CharField(
        _("sector or section"),
        max_length=150,
        blank=True,
        help_text=_("For example: early years, libraries, youth work, adult social care."),
    )
    region = models.CharField(_("region"), max_length=100, blank=True)
    bio = models.TextField(
        _("about you"),
        max_length=2000,
        blank=True,
        help_text=_("A few sentences that help a peer or mentor get to know you."),
    )
    expertise = models.ManyToManyField(
        ExpertiseArea, blank=True, related_name="profiles", verbose_name=_("areas of expertise")
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile of {self.user}"


def hash_token(raw_token: str) -> str:
    return hashlib.sha256(raw_token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(Model):
    """An emailed link that lets someone join an organisation in a role.

    Only a hash of the token is stored: a copy of the database cannot be used to join.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.organisation}"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

    @classmethod
    def default_expiry(cls):
        return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"

    @property
    def is_usable(self) -> bool:
        return self.status == "pending"


class LoginAttempt(Model):
    """A failed sign-in, kept for a day to slow down guessing (see throttle.py)."""

    email_digest = models.CharField(max_length=64, db_index=True)
    address = models.CharField(max_length=45, blank=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"Failed sign-in at {self.at:%Y-%m-%d %H:%M}"


class AuditEvent(Model):
    """Something a coordinator or admin did to people's data: who, what, when, to whom.

    Written by services (accounts.audit.audit_record), never edited; organisation admins
    read their organisation's events. The summary never repeats private content.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="audit_events_made"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="audit_events"
    )
    action = models.CharField(max_length=60)
    subject = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_events_about"
    )
    subject_name = models.CharField(max_length=150, blank=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=60, blank=True)
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["organisation", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name}: {self.summary}"


class ApiToken(Model):
    """A personal token for the JSON API. Only its hash is stored; it is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class TotpDevice(Model):
    """Two-step sign-in with an authenticator app. The secret is sealed at rest."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    sealed_secret = models.TextField(editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_step = models.BigIntegerField(default=0, editable=False)

    def __str__(self) -> str:
        state = "on" if self.confirmed_at else "being set up"
        return f"Two-step sign-in for {self.user} ({state})"
