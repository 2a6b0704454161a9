"""Where a participant stands in a programme: activity by activity, and badges earned."""

from dataclasses import dataclass, field

from django.db.models import Q

from peerpath.drafts.models import Draft

from ..models import Activity, Programme, ProgrammeCompletion, Submission
from ..services.submissions import statement_draft_key
from ..tools import ToolCompletion, tool_for, tool_name

DONE, IN_PROGRESS, NOT_STARTED = "done", "in-progress", "not-started"


@dataclass
class ActivityProgress:
    activity: Activity
    state: str
    submission: Submission | None = None

    @property
    def badge_url(self) -> str:
        return self.submission.badge_url if self.submission else ""


@dataclass
class ProgrammeProgress:
    programme: Programme
    activities: list[ActivityProgress] = field(default_factory=list)
    completion: ProgrammeCompletion | None = None

    def count(self, state: str) -> int:
        return sum(1 for item in self.activities if item.state == state)

    @property
    def done(self) -> int:
        return self.count(DONE)

    @property
    def in_progress(self) -> int:
        return self.count(IN_PROGRESS)

    @property
    def not_started(self) -> int:
        return self.count(NOT_STARTED)

    @property
    def badges(self) -> list[ActivityProgress]:
        return [item for item in self.activities if item.state == DONE and item.badge_url]


def programme_progress(programme: Programme, user) -> ProgrammeProgress:
    """Every current activity with the person's state: done, in progress or not started.

    In progress means work handed in and not yet accepted, work returned, or an
    autosaved draft of the statement. Three queries whatever the programme's size.
    """
    activities = list(programme.activities.filter(retired=False).order_by("position"))
    for activity in activities:
        activity.programme = programme  # labels and addresses need it: no query each
    submissions = {
        s.activity_id: s
        for s in Submission.objects.filter(participant=user, activity__programme=programme)
    }
    keys = {statement_draft_key(a): a.pk for a in activities}
    drafted = {
        keys[key]
        for key in Draft.objects.filter(owner=user, key__in=keys)
        .exclude(text="")
        .values_list("key", flat=True)
    }
    progress = ProgrammeProgress(
        programme=programme,
        completion=ProgrammeCompletion.objects.filter(
            programme=programme, participant=user
        ).first(),
    )
    for activity in activities:
        submission = submissions.get(activity.pk)
        if submission is not None and submission.is_accepted:
            state = DONE
        elif submission is not None or activity.pk in drafted:
            state = IN_PROGRESS
        else:
            state = NOT_STARTED
        progress.activities.append(ActivityProgress(activity, state, submission))
    return progress


def visible_programmes(user):
    """Programmes a person may see, each annotated for the list page."""
    return Programme.objects.visible_to(user).select_related("owner").order_by("kind", "name")


def activities_done_by(user):
    """Accepted submissions, newest first (for the home card and the portfolio)."""
    return (
        Submission.objects.filter(participant=user, status=Submission.Status.ACCEPTED)
        .select_related("activity__programme")
        .order_by("-accepted_at")
    )


@dataclass(frozen=True)
class ToolState:
    key: str
    name: str
    available: bool
    start_url: str = ""
    completion: ToolCompletion | None = None


def tool_state(activity: Activity, user) -> ToolState | None:
    """The embedded tool as this person sees it, or None for activities without one."""
    if not activity.tool:
        return None
    tool = tool_for(activity.tool)
    name = tool_name(activity.tool)
    if tool is None:
        return ToolState(activity.tool, name, available=False)
    return ToolState(
        activity.tool,
        name,
        available=True,
        start_url=tool.start_url(user),
        completion=tool.completion(user),
    )


def submission_for(activity: Activity, user) -> Submission | None:
    return Submission.objects.filter(activity=activity, participant=user).first()


def other_activities(activity: Activity) -> tuple[Activity | None, Activity | None]:
    """The previous and next activities in the recommended order."""
    siblings = Activity.objects.filter(programme=activity.programme_id, retired=False)
    previous = siblings.filter(position__lt=activity.position).order_by("-position").first()
    following = siblings.filter(Q(position__gt=activity.position)).order_by("position").first()
    return previous, following
