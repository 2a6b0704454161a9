"""Operations that change programmes. Each is one transaction, and never sees `request`.

Grouped by what people do: loading (files), submissions (handing in and reviewing
work), awards (learning log, badges, completion), events, learning sets, placements
and pathways. `_award_badge` (in awards) is the single place badges are awarded.
"""

from .awards import _award_badge, programme_completion_check
from .events import (
    attendance_record,
    eligibility_problem,
    enrolment_cancel,
    enrolment_request,
    event_cancel,
    event_save,
    module_create,
)
from .learning_sets import (
    action_add,
    action_set_done,
    issue_add,
    learning_set_add_member,
    learning_set_create,
    meeting_add,
    note_add,
)
from .loading import ImportOutcome, pathway_import, programme_import
from .pathways import pathway_follow, pathway_unfollow, step_mark_done
from .placements import placement_delete, placement_reflection_draft_key, placement_save
from .programmes import programme_create
from .submissions import (
    statement_draft_key,
    submission_accept,
    submission_return,
    submission_submit,
)

__all__ = [
    "ImportOutcome",
    "_award_badge",
    "action_add",
    "action_set_done",
    "attendance_record",
    "eligibility_problem",
    "enrolment_cancel",
    "enrolment_request",
    "event_cancel",
    "event_save",
    "issue_add",
    "learning_set_add_member",
    "learning_set_create",
    "meeting_add",
    "module_create",
    "note_add",
    "pathway_follow",
    "pathway_import",
    "pathway_unfollow",
    "placement_delete",
    "placement_reflection_draft_key",
    "placement_save",
    "programme_completion_check",
    "programme_create",
    "programme_import",
    "statement_draft_key",
    "step_mark_done",
    "submission_accept",
    "submission_return",
    "submission_submit",
]
