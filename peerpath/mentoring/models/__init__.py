"""Mentoring and peer-support schemes: the models, one module per part of the journey."""

from .applications import Application
from .pairings import (
    LIVE_STATUSES,
    Agreement,
    CheckIn,
    ClosingReview,
    Pairing,
    Place,
    Session,
    SessionNotes,
)
from .proposals import (
    DraftPair,
    MatchExclusion,
    MatchRun,
    MentorRequest,
    PeerInvitation,
    ShortlistEntry,
)
from .schemes import (
    DEFAULT_AVAILABILITY,
    DEFAULT_TOPICS,
    Attendance,
    Cohort,
    Scheme,
    SchemeStaff,
    TrainingSession,
)

__all__ = [
    "DEFAULT_AVAILABILITY",
    "DEFAULT_TOPICS",
    "LIVE_STATUSES",
    "Agreement",
    "Application",
    "Attendance",
    "CheckIn",
    "ClosingReview",
    "Cohort",
    "DraftPair",
    "MatchExclusion",
    "MatchRun",
    "MentorRequest",
    "Pairing",
    "PeerInvitation",
    "Place",
    "Scheme",
    "SchemeStaff",
    "Session",
    "SessionNotes",
    "ShortlistEntry",
    "TrainingSession",
]
