"""The portfolio as a PDF a person would hand to a panel or bring to an annual review."""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from ..capabilities import hours_by_capability, hours_by_kind
from ..models import Claim, ClaimItem
from ..portfolio import other_apps_timeline
from ..selectors import LogFilter, claim_items, goals_in_full, log_entries, plan_of


def portfolio_context(user, start: datetime.date | None = None, end: datetime.date | None = None):
    """What the PDF shows: goals, the log with reflections and links, hours by type and by
    capability, the plan, assessed claims, and records from the rest of Peerpath."""
    end = end or timezone.localdate()
    wanted = log_entries(user, LogFilter(start=start, end=end))
    entries = list(wanted)
    by_kind, total = hours_by_kind(wanted)
    assessed = Claim.objects.filter(owner=user, status=Claim.Status.ASSESSED).select_related(
        "framework"
    )
    return {
        "person": user,
        "start": start,
        "end": end,
        "generated": timezone.localtime(),
        "site_name": settings.SITE_NAME,
        "entries": entries,
        "by_kind": by_kind,
        "total": total,
        "by_capability": hours_by_capability(wanted),
        "goals": goals_in_full(user),
        "plan": plan_of(user),
        "claims": [
            (claim, claim_items(claim).filter(decision=ClaimItem.Decision.ACCEPTED))
            for claim in assessed
        ],
        "elsewhere": other_apps_timeline(user, start or datetime.date(1900, 1, 1), end),
    }


def portfolio_html(user, **period) -> str:
    return render_to_string("portfolio/pdf/portfolio.html", portfolio_context(user, **period))


def portfolio_pdf(user, **period) -> bytes:
    """The PDF's bytes. Rendering is offline: no resource is fetched from anywhere."""
    from weasyprint import HTML  # imported here: loading it takes a moment

    def no_fetching(url, *args, **kwargs):
        raise ValueError(f"The portfolio PDF does not load outside resources ({url})")

    return HTML(string=portfolio_html(user, **period), url_fetcher=no_fetching).write_pdf()
