"""Learning programmes: self-paced activities, structured programmes with events,
pathways, learning sets and placements.

The models are split by what people do with them; import them from here.
"""

from .events import Enrolment, Event, Module
from .learning_sets import (
    LearningSet,
    LearningSetAction,
    LearningSetIssue,
    LearningSetMeeting,
    LearningSetMember,
    LearningSetNote,
)
from .pathways import Pathway, PathwayFollow, PathwayStep, PathwayStepDone
from .placements import Placement
from .programmes import Activity, Programme, ProgrammeCompletion, Submission

__all__ = [
    "Activity",
    "Enrolment",
    "Event",
    "LearningSet",
    "LearningSetAction",
    "LearningSetIssue",
    "LearningSetMeeting",
    "LearningSetMember",
    "LearningSetNote",
    "Module",
    "Pathway",
    "PathwayFollow",
    "PathwayStep",
    "PathwayStepDone",
    "Placement",
    "Programme",
    "ProgrammeCompletion",
    "Submission",
]
