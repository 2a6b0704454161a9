"""Programmes back in file shape, for export and for moving between Peerpath sites."""

from ..formats import (
    ROLE_LEVELS,
    ActivityData,
    ModuleData,
    ProgrammeData,
    ResourceData,
    SourceData,
    as_hours,
)
from ..models import Programme

LEVEL_KEYS = {value: key for key, value in ROLE_LEVELS.items()}


def programme_as_data(programme: Programme) -> ProgrammeData:
    """What an export writes; importing it elsewhere recreates the same programme."""
    activities = programme.activities.filter(retired=False).prefetch_related("statements")
    return ProgrammeData(
        slug=programme.slug,
        name=programme.name,
        kind=programme.kind,
        summary=programme.summary,
        language=programme.language,
        audience=programme.audience,
        review=programme.review,
        activity_label=programme.activity_label,
        start_with=[a.code for a in activities if a.recommended_first],
        start_with_note=programme.start_with_note,
        min_role_level=LEVEL_KEYS.get(programme.min_role_level, ""),
        eligibility=programme.eligibility,
        completion_attendance=programme.completion_attendance,
        completion_activities=programme.completion_activities,
        capabilities_framework=programme.framework.slug if programme.framework else "",
        source=SourceData(
            title=programme.source_title,
            publisher=programme.source_publisher,
            url=programme.source_url,
            licence=programme.licence,
            licence_url=programme.licence_url,
            attribution=programme.attribution,
            notes=programme.source_notes,
        ),
        modules=[
            ModuleData(title=m.title, summary=m.summary, accreditation=m.accreditation)
            for m in programme.modules.all()
        ],
        activities=[_activity_data(activity) for activity in activities],
    )


def _activity_data(activity) -> ActivityData:
    return ActivityData(
        code=activity.code,
        title=activity.title,
        summary=activity.summary,
        steps=list(activity.steps),
        resources=[ResourceData(**resource) for resource in activity.resources],
        capabilities=[s.code for s in activity.statements.all()],
        min_words=activity.min_words,
        link_allowed=activity.allow_link,
        tool=activity.tool,
        hours=as_hours(activity.hours) if activity.hours is not None else None,
        badge_name=activity.badge_name,
        badge_criteria=activity.badge_criteria,
    )
