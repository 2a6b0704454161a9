"""The portfolio at a glance: home, timeline, hours, and evidence per capability."""

import datetime
from itertools import groupby

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from peerpath.accounts.access import signed_in
from peerpath.frameworks.models import Framework, Statement
from peerpath.lib.timeline import collect_timeline, url_maker

from .. import selectors
from ..capabilities import capability_evidence, hours_by_capability, hours_by_kind
from ..forms import LogFilterForm
from ..models import Claim, Goal, LearningEntry, PlanItem
from ..periods import period_query, periods, year_ago


def _period_links(today):
    return [(label, period_query(start, end)) for label, start, end in periods(today)]


@signed_in
def home(request):
    user = request.user
    today = timezone.localdate()
    start = year_ago(today)
    year_entries = LearningEntry.objects.filter(owner=user, date__range=(start, today))
    _rows, year_total = hours_by_kind(year_entries)
    return render(
        request,
        "portfolio/home.html",
        {
            "year_total": year_total,
            "open_goals": selectors.goals_of(user).filter(
                status__in=[Goal.Status.NOT_STARTED, Goal.Status.IN_PROGRESS]
            )[:5],
            "plan_open": PlanItem.objects.filter(owner=user)
            .exclude(status__in=[PlanItem.Status.DONE, PlanItem.Status.DROPPED])
            .count(),
            "recent": collect_timeline(user, start, today, limit=8),
            "entry_count": LearningEntry.objects.filter(owner=user).count(),
            "claims_waiting": Claim.objects.filter(
                owner=user, status=Claim.Status.SUBMITTED
            ).count(),
            "shared_with_me": selectors.plans_shared_with(user).count(),
        },
    )


def _period_form(request):
    today = timezone.localdate()
    if any(key.startswith(("start", "end")) for key in request.GET):
        form = LogFilterForm(request.GET, user=request.user)
        wanted = form.wanted()
        return form, wanted.start, wanted.end or today
    start = year_ago(today)
    form = LogFilterForm(initial={"start": start, "end": today}, user=request.user)
    return form, start, today


@signed_in
def timeline(request):
    form, start, end = _period_form(request)
    items = collect_timeline(request.user, start or datetime.date(1900, 1, 1), end)
    months = [
        (month, list(group))
        for month, group in groupby(items, key=lambda item: item.when.replace(day=1))
    ]
    return render(
        request,
        "portfolio/timeline.html",
        {
            "form": form,
            "months": months,
            "start": start,
            "end": end,
            "periods": _period_links(timezone.localdate()),
        },
    )


@signed_in
def hours(request):
    form, start, end = _period_form(request)
    wanted = selectors.LogFilter(start=start, end=end)
    entries = selectors.log_entries(request.user, wanted)
    by_kind, total = hours_by_kind(entries)
    return render(
        request,
        "portfolio/hours.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "by_kind": by_kind,
            "total": total,
            "by_capability": hours_by_capability(entries),
            "periods": _period_links(timezone.localdate()),
        },
    )


# The capability view lists this many of each capability's newest entries; the rest are
# a link away, on the capability's own page. A person with years of learning linked to
# a framework would otherwise get every entry repeated under every capability it shows.
ENTRIES_SHOWN = 3


@signed_in
def capabilities(request):
    frameworks = list(selectors.pickable_frameworks(request.user))
    slug = request.GET.get("framework") or _busiest_framework(request.user, frameworks)
    framework = None
    if slug:
        framework = get_object_or_404(Framework.objects.published().current(), slug=slug)
    domains = capability_evidence(request.user, framework) if framework else []
    url = url_maker("portfolio:capability", "statement_id")
    for domain in domains:
        for cell in domain.statements:
            cell.url = url(cell.statement.pk)
    return render(
        request,
        "portfolio/capabilities.html",
        {
            "frameworks": frameworks,
            "framework": framework,
            "domains": domains,
            "evidenced": sum(d.evidenced for d in domains),
            "statement_total": sum(len(d.statements) for d in domains),
            "entries_shown": ENTRIES_SHOWN,
        },
    )


@signed_in
def capability(request, statement_id):
    """Everything that evidences one capability: all its entries, with their status."""
    statement = get_object_or_404(
        Statement.objects.select_related("framework", "domain").filter(
            framework__in=selectors.pickable_frameworks(request.user)
        ),
        pk=statement_id,
    )
    [domain] = capability_evidence(request.user, statement.framework, statement)
    [cell] = domain.statements
    return render(
        request,
        "portfolio/capability.html",
        {"framework": statement.framework, "domain": statement.domain, "cell": cell},
    )


def _busiest_framework(user, frameworks) -> str:
    """The framework the person has linked most entries to, to open on something useful."""
    if not frameworks:
        return ""
    linked = (
        LearningEntry.statements.through.objects.filter(
            learningentry__owner=user, statement__framework__in=frameworks
        )
        .values_list("statement__framework__slug")
        .annotate(entries=Count("learningentry", distinct=True))
        .order_by()
    )
    counts = {f.slug: 0 for f in frameworks} | dict(linked)
    best = max(counts, key=lambda slug: counts[slug])
    return best if counts[best] else frameworks[0].slug
