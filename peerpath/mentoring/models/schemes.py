"""Schemes and their rounds (cohorts): who runs them, who may join, and how a round works."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _

from peerpath.accounts.models import Nation, Organisation
from peerpath.frameworks.models import Framework
from peerpath.lib.models import Model

# The practical help people in the libraries scheme asked for; a coordinator edits them.
DEFAULT_TOPICS = [
    "Capital projects",
    "Restructures",
    "Service transformation",
    "Working with elected members",
    "Budgeting",
    "Technical knowledge",
    "Confidence and influencing",
    "Making time for reflection",
]
DEFAULT_AVAILABILITY = [
    "Weekday mornings",
    "Weekday afternoons",
    "Early evenings",
    "Online meetings",
    "Meeting in person",
]


class Scheme(Model):
    """A mentoring or peer-support scheme, owned by one organisation, open to many."""

    class Kind(models.TextChoices):
        MENTORING = "mentoring", _("Mentoring (a mentor and a mentee)")
        PEER_SUPPORT = "peer-support", _("Peer support (two peers)")
        CO_COACHING = "co-coaching", _("Co-coaching (two peers coach each other)")

    class OpenTo(models.TextChoices):
        ANY = "any", _("People from any organisation")
        LISTED = "listed", _("People from the organisations listed (a consortium)")

    owner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="mentoring_schemes"
    )
    name = models.CharField(_("name of the scheme"), max_length=150)
    slug = models.SlugField(_("short name for web addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind of scheme"), max_length=20, choices=Kind.choices)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences people see before they apply."),
    )
    description = models.TextField(
        _("about the scheme"),
        blank=True,
        help_text=_("Purpose, what it asks of people, who to contact. You can use Markdown."),
    )
    open_to = models.CharField(
        _("who may join"), max_length=10, choices=OpenTo.choices, default=OpenTo.ANY
    )
    member_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("organisations in the scheme")
    )
    theme_framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": Framework.Kind.THEMES},
        verbose_name=_("discussion themes"),
    )
    evaluation_framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("capabilities people rate their confidence in"),
        help_text=_(
            "Asked when people apply and again when they close: the baseline and the "
            "final view. Matching uses it too: a mentee's areas to develop against a "
            "mentor's strengths."
        ),
    )
    forbid_same_organisation = models.BooleanField(
        _("pair people only across organisations"), default=True
    )
    mentor_level_at_least_mentee = models.BooleanField(
        _("a mentor's role level must be at or above the mentee's"), default=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("mentoring:scheme", kwargs={"slug": self.slug})

    @property
    def is_peer(self) -> bool:
        """Peer support and co-coaching pair equals; mentoring pairs a mentor with a mentee."""
        return self.kind != self.Kind.MENTORING


class SchemeStaff(Model):
    """Someone who runs a scheme. Staff see its rounds, applications and pair health."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        LEAD_COACH = "lead-coach", _("Lead coach")

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_staff_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "user"], name="scheme_staff_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.scheme}"


class Cohort(Model):
    """One round of a scheme, moving through dated phases from applications to evaluation."""

    class Phase(models.TextChoices):
        SETUP = "setup", _("Being set up")
        APPLICATIONS = "applications", _("Applications open")
        TRAINING = "training", _("Training")
        MATCHING = "matching", _("Matching")
        ACTIVE = "active", _("Pairs meeting")
        CLOSING = "closing", _("Closing")
        EVALUATION = "evaluation", _("Evaluation")
        FINISHED = "finished", _("Finished")

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(_("name of the round"), max_length=120)
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.SETUP)
    started_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_rounds"
    )
    # The timetable people see; the coordinator moves the phase on when it is time.
    applications_open = models.DateField(_("applications open"), null=True, blank=True)
    applications_close = models.DateField(_("applications close"), null=True, blank=True)
    training_by = models.DateField(_("training done by"), null=True, blank=True)
    matching_by = models.DateField(_("pairs announced by"), null=True, blank=True)
    planned_end = models.DateField(_("pairs finish by"), null=True, blank=True)
    evaluation_by = models.DateField(_("evaluation done by"), null=True, blank=True)
    # The application form.
    topics = models.JSONField(_("topics people can want or offer"), default=list, blank=True)
    availability_options = models.JSONField(_("availability choices"), default=list, blank=True)
    extra_questions = models.JSONField(_("your own questions"), default=list, blank=True)
    rolling_applications = models.BooleanField(
        _("accept applications while pairs are meeting"), default=False
    )
    auto_accept = models.BooleanField(
        _("accept eligible applications straight away"), default=False
    )
    # Eligibility, checked when someone submits.
    eligible_nations = models.JSONField(_("nations"), default=list, blank=True)
    min_role_level = models.PositiveSmallIntegerField(_("lowest role level"), null=True, blank=True)
    emerging_leaders_welcome = models.BooleanField(
        _("emerging leaders below that level may apply"), default=False
    )
    # Training and matching.
    training_required = models.BooleanField(_("training before matching"), default=True)
    allow_peer_choice = models.BooleanField(_("people may choose their own peer"), default=False)
    allow_shortlist = models.BooleanField(
        _("mentees may pick from a shortlist of mentors"), default=False
    )
    shortlist_size = models.PositiveSmallIntegerField(_("mentors on a shortlist"), default=3)
    response_days = models.PositiveSmallIntegerField(
        _("days to answer a request or invitation"), default=7
    )
    max_capacity = models.PositiveSmallIntegerField(
        _("most people one mentor or peer may take on"), default=2
    )
    weight_topics = models.FloatField(_("topics in common"), default=1.0)
    weight_capabilities = models.FloatField(_("development areas met by strengths"), default=1.0)
    weight_region = models.FloatField(_("same region"), default=0.5)
    weight_availability = models.FloatField(_("availability in common"), default=1.0)
    # Pair health.
    quiet_weeks = models.PositiveSmallIntegerField(
        _("flag pairs with no session for (weeks)"), default=6
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # The timetable in the order its dates must come: applications close, training is
    # done, pairs are announced, pairs finish meeting, then the round is evaluated.
    MILESTONES = [
        "applications_open",
        "applications_close",
        "training_by",
        "matching_by",
        "planned_end",
        "evaluation_by",
    ]

    class Meta:
        ordering = ["scheme", "-created_at"]

    def __str__(self) -> str:
        return f"{self.scheme.name}: {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("mentoring:cohort", kwargs={"cohort_id": self.pk})

    @property
    def accepts_applications(self) -> bool:
        if self.phase == self.Phase.APPLICATIONS:
            return True
        rolling = {self.Phase.TRAINING, self.Phase.MATCHING, self.Phase.ACTIVE}
        return self.rolling_applications and self.phase in rolling

    @property
    def next_phase(self) -> str | None:
        """The label of the phase after this one (None once finished)."""
        phases = list(self.Phase)
        position = phases.index(self.Phase(self.phase))
        return phases[position + 1].label if position + 1 < len(phases) else None

    @property
    def pairs_can_form(self) -> bool:
        """Pairs are made (by anyone) from the matching phase until the round closes."""
        return self.phase in {self.Phase.MATCHING, self.Phase.ACTIVE}

    @property
    def nation_labels(self) -> list[str]:
        labels = dict(Nation.choices)
        return [str(labels.get(code, code)) for code in self.eligible_nations]

    @property
    def nations_text(self) -> str:
        """ "England, Wales and Northern Ireland": the nations the round is open to."""
        return get_text_list(self.nation_labels, _("and"))


class TrainingSession(Model):
    """A training session for a round; attending one is what makes someone trained."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="training_sessions")
    title = models.CharField(_("title"), max_length=150)
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=120)
    where = models.CharField(_("where or how to join"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return self.title


class Attendance(Model):
    training_session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendances"
    )
    application = models.ForeignKey(
        "mentoring.Application", on_delete=models.CASCADE, related_name="attendances"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["training_session", "application"], name="attendance_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} attended {self.training_session}"
