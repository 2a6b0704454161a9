"""Following a pathway and ticking off its steps."""

from ..models import Pathway, PathwayFollow, PathwayStep, PathwayStepDone


def pathway_follow(*, pathway: Pathway, person) -> PathwayFollow:
    """Start following a pathway; following twice changes nothing."""
    follow, _created = PathwayFollow.objects.get_or_create(pathway=pathway, person=person)
    return follow


def pathway_unfollow(*, pathway: Pathway, person) -> None:
    """Stop following; ticks are kept in case the person comes back."""
    PathwayFollow.objects.filter(pathway=pathway, person=person).delete()


def step_mark_done(*, step: PathwayStep, person, done: bool) -> None:
    """Tick or untick a resource step (activity steps are done when the activity is accepted)."""
    if done:
        PathwayStepDone.objects.get_or_create(step=step, person=person)
    else:
        PathwayStepDone.objects.filter(step=step, person=person).delete()
