"""Every change to mentoring data goes through these services, one transaction each.

Views, the API, management commands and tasks all call them; none touches `request`.
"""

from .applications import (
    application_decide,
    application_save,
    application_withdraw,
    applications_accept,
)
from .closing import closing_review_save
from .drafting import (
    draft_choose,
    draft_pin,
    draft_remove,
    draft_swap,
    drafts_publish,
    match_run,
    weights_save,
)
from .pairings import agreement_save, pairing_create, pairing_end, pairing_finish
from .peers import peer_invitation_answer, peer_invitation_withdraw, peer_invite
from .reminders import reminders_send
from .schemes import (
    cohort_advance,
    cohort_create,
    cohort_start_next_round,
    scheme_create,
    staff_add,
    staff_remove,
)
from .sessions import (
    check_in_record,
    notes_save,
    session_cancel,
    session_confirm,
    session_log,
    session_plan,
)
from .shortlists import mentor_request, mentor_request_answer, requests_lapse, shortlist_build
from .training import attendance_set, training_exempt_set, training_session_add

__all__ = [
    "agreement_save",
    "application_decide",
    "application_save",
    "application_withdraw",
    "applications_accept",
    "attendance_set",
    "check_in_record",
    "closing_review_save",
    "cohort_advance",
    "cohort_create",
    "cohort_start_next_round",
    "draft_choose",
    "draft_pin",
    "draft_remove",
    "draft_swap",
    "drafts_publish",
    "match_run",
    "mentor_request",
    "mentor_request_answer",
    "notes_save",
    "pairing_create",
    "pairing_end",
    "pairing_finish",
    "peer_invitation_answer",
    "peer_invitation_withdraw",
    "peer_invite",
    "reminders_send",
    "requests_lapse",
    "scheme_create",
    "session_cancel",
    "session_confirm",
    "session_log",
    "session_plan",
    "shortlist_build",
    "staff_add",
    "staff_remove",
    "training_exempt_set",
    "training_session_add",
    "weights_save",
]
