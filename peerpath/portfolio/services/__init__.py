"""Operations that change a portfolio. Views, commands, tasks and other apps call these.

Other apps rely on `learning_entry_record` and `plan_item_create` (their signatures only
ever gain optional keyword arguments).
"""

from .claims import (
    Decision,
    claim_assess,
    claim_for_token,
    claim_item_add,
    claim_item_remove,
    claim_start,
    claim_start_from_returned,
    claim_submit,
    claim_withdraw,
)
from .entries import learning_entry_delete, learning_entry_record, learning_entry_save
from .evidence import evidence_add_bytes, evidence_add_file, evidence_add_link, evidence_remove
from .exports import portfolio_export_build, portfolio_export_request
from .goals import goal_delete, goal_note_add, goal_save, objective_add, objective_set_active
from .plans import (
    plan_comment_add,
    plan_item_create,
    plan_item_delete,
    plan_item_save,
    plan_share,
    plan_share_withdraw,
)

__all__ = [
    "Decision",
    "claim_assess",
    "claim_for_token",
    "claim_item_add",
    "claim_item_remove",
    "claim_start",
    "claim_start_from_returned",
    "claim_submit",
    "claim_withdraw",
    "evidence_add_bytes",
    "evidence_add_file",
    "evidence_add_link",
    "evidence_remove",
    "goal_delete",
    "goal_note_add",
    "goal_save",
    "learning_entry_delete",
    "learning_entry_record",
    "learning_entry_save",
    "objective_add",
    "objective_set_active",
    "plan_comment_add",
    "plan_item_create",
    "plan_item_delete",
    "plan_item_save",
    "plan_share",
    "plan_share_withdraw",
    "portfolio_export_build",
    "portfolio_export_request",
]
