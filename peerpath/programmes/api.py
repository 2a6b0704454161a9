"""Programmes over the API: what a person may see, and their own progress."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .models import Programme
from .selectors.events import upcoming_events_for
from .selectors.progress import programme_progress, visible_programmes

router = Router(tags=["programmes"])


class ProgrammeSummary(Schema):
    slug: str
    name: str
    kind: str
    owner: str | None
    url: str


class ActivityProgressOut(Schema):
    code: str
    title: str
    state: str  # done, in-progress or not-started
    badge_url: str
    url: str


class ProgressOut(Schema):
    programme: str
    done: int
    in_progress: int
    not_started: int
    completed: bool
    activities: list[ActivityProgressOut]


class EventPlace(Schema):
    programme: str
    title: str
    starts_at: str
    status: str
    url: str


@router.get("/", response=list[ProgrammeSummary])
def list_programmes(request):
    """Programmes open to the caller (and those they run)."""
    return [
        ProgrammeSummary(
            slug=p.slug,
            name=p.name,
            kind=p.kind,
            owner=p.owner.name if p.owner else None,
            url=request.build_absolute_uri(p.get_absolute_url()),
        )
        for p in visible_programmes(request.user)
    ]


@router.get("/events/mine/", response=list[EventPlace])
def my_events(request):
    """Events the caller has a place at or is queueing for, soonest first."""
    return [
        EventPlace(
            programme=e.event.programme.slug,
            title=e.event.title,
            starts_at=e.event.starts_at.isoformat(),
            status=e.status,
            url=request.build_absolute_uri(e.event.get_absolute_url()),
        )
        for e in upcoming_events_for(request.user)
    ]


@router.get("/{slug}/progress/", response=ProgressOut)
def my_progress(request, slug: str):
    """The caller's progress in one programme, activity by activity."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), slug=slug)
    progress = programme_progress(programme, request.user)
    return ProgressOut(
        programme=programme.slug,
        done=progress.done,
        in_progress=progress.in_progress,
        not_started=progress.not_started,
        completed=progress.completion is not None,
        activities=[
            ActivityProgressOut(
                code=item.activity.code,
                title=item.activity.title,
                state=item.state,
                badge_url=item.badge_url,
                url=request.build_absolute_uri(item.activity.get_absolute_url()),
            )
            for item in progress.activities
        ],
    )
