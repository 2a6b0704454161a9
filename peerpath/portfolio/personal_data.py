"""The portfolio's part of a person's data download and of their erasure.

This module is the portfolio's implementation of the personal-data hook that
`peerpath.portfolio.privacy` calls in every app (see the contract there).
"""

from django.db.models import Q

from .models import Claim, ClaimItem, Evidence, PlanComment, PlanShare, PortfolioExport
from .services.evidence import delete_files_on_commit
from .transfer.exporting import portfolio_as_dict

ERASED_ASSESSOR = "An assessor whose account was erased"
ERASED_COMMENTER = "A former member"


def export(user) -> dict:
    """Everything the portfolio holds about `user`: their own portfolio, the plans shared
    with them, their comments on other people's plans, and claims they assessed."""
    data = portfolio_as_dict(user)
    data["plans_shared_with_me"] = [
        {
            "owner": share.owner.full_name,
            "shared_at": share.created_at.isoformat(),
            "withdrawn_at": share.withdrawn_at.isoformat() if share.withdrawn_at else None,
        }
        for share in PlanShare.objects.filter(viewer=user).select_related("owner")
    ]
    data["my_plan_shares"] = [
        {
            "shared_with": share.viewer.full_name,
            "shared_at": share.created_at.isoformat(),
            "withdrawn_at": share.withdrawn_at.isoformat() if share.withdrawn_at else None,
        }
        for share in PlanShare.objects.filter(owner=user).select_related("viewer")
    ]
    data["my_comments_on_other_plans"] = [
        {"plan_of": c.plan_owner.full_name, "text": c.text, "written_at": c.created_at.isoformat()}
        for c in PlanComment.objects.filter(author=user)
        .exclude(plan_owner=user)
        .select_related("plan_owner")
    ]
    data["claims_i_assessed"] = [
        {
            "claim_of": claim.owner.full_name,
            "framework": claim.framework.name,
            "assessed_at": claim.assessed_at.isoformat() if claim.assessed_at else None,
        }
        for claim in _assessed_by(user).select_related("owner", "framework")
    ]
    return data


def export_files(user):
    """Evidence files as (path in the download, stored file) pairs."""
    for evidence in Evidence.objects.filter(entry__owner=user).exclude(file=""):
        yield f"portfolio/evidence/{evidence.pk}-{evidence.original_name}", evidence.file


def _assessed_by(user):
    return Claim.objects.filter(assessor_email=user.email).exclude(owner=user)


def erase(user) -> None:
    """Delete the person's portfolio (files once the erasure commits) and shares of it;
    keep what others legitimately hold without the person's name: their comments on
    someone else's plan and their decisions on someone else's claim."""
    files = list(
        Evidence.objects.filter(entry__owner=user).exclude(file="").values_list("file", flat=True)
    )
    exports = PortfolioExport.objects.filter(owner=user)
    files += [name for name in exports.values_list("file", flat=True) if name]
    delete_files_on_commit(files)
    exports.delete()
    PlanShare.objects.filter(Q(owner=user) | Q(viewer=user)).delete()
    PlanComment.objects.filter(author=user).exclude(plan_owner=user).update(
        author=None, author_name=ERASED_COMMENTER
    )
    assessed = _assessed_by(user)
    ClaimItem.objects.filter(claim__in=assessed).exclude(decided_by="").update(
        decided_by=ERASED_ASSESSOR
    )
    assessed.update(assessor_name=ERASED_ASSESSOR, assessor_email="")
    for related in ("claims", "plan_items", "learning_entries", "goals", "plan_comments"):
        getattr(user, related).all().delete()
