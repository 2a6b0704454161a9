"""The coordinator's matching page, pair health, outcomes and the round's export.

Nothing here shows or exports private notes: pair health is counts, dates and ratings.
"""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import selectors, services
from ..access import scheme_staff
from ..forms.matching import ChooseForm, SwapForm, WeightsForm
from ..models import Application, Pairing
from .common import posted_id, show_errors

REASONS = {
    "no_eligible_partner": _("Every possible partner is ruled out by the scheme's rules."),
    "below_floor": _("Every possible partner scores below the lowest acceptable score."),
    "capacity_exhausted": _("The mentors who would suit are full."),
    "partners_matched_elsewhere": _("The mentees who would suit are better matched elsewhere."),
}
RULES = {
    "same_organisation": _("same organisation"),
    "role_level": _("role level"),
    "forbidden": _("line manager, declared conflict or removed by you"),
    "same_person": _("same person"),
}


def _act(request, cohort) -> None:
    """Carry out one action from the matching page's forms."""
    action = request.POST.get("action")
    drafts = cohort.draft_pairs
    if action == "run":
        mentees, mentors = selectors.waiting_to_match(cohort)
        if not (mentees and mentors):
            raise ValidationError(_("Nothing was proposed: nobody is waiting to be matched."))
        services.match_run(cohort=cohort, by=request.user)
        messages.success(request, _("The optimiser has proposed pairs. Check them, then publish."))
    elif action == "weights":
        form = WeightsForm(request.POST)
        if not form.is_valid():
            raise ValidationError([m for errors in form.errors.values() for m in errors])
        services.weights_save(cohort=cohort, weights=form.cleaned_data)
        mentees, mentors = selectors.matchable(cohort)
        if not (mentees and mentors):
            messages.success(
                request, _("Weights saved. Nothing was proposed: nobody is waiting to be matched.")
            )
            return
        services.match_run(cohort=cohort, by=request.user)
        messages.success(request, _("Weights saved and pairs proposed again."))
    elif action in {"pin", "unpin"}:
        draft = get_object_or_404(drafts, pk=posted_id(request, "draft"))
        services.draft_pin(draft=draft, pinned=action == "pin")
    elif action == "remove":
        services.draft_remove(draft=get_object_or_404(drafts, pk=posted_id(request, "draft")))
        messages.success(request, _("The pair is removed and will not be proposed again."))
    elif action == "choose":
        mentees, mentors = selectors.matchable(cohort)
        form = ChooseForm(request.POST, mentees=mentees, mentors=mentors)
        if not form.is_valid():
            raise ValidationError(_("Choose a mentee and a mentor."))
        services.draft_choose(cohort=cohort, **form.cleaned_data)
        messages.success(request, _("The pair is added and pinned."))
    elif action == "swap":
        form = SwapForm(request.POST, cohort=cohort)
        if not form.is_valid():
            raise ValidationError([m for errors in form.errors.values() for m in errors])
        services.draft_swap(**form.cleaned_data)
        messages.success(request, _("The mentors are swapped; both pairs are pinned."))
    elif action == "publish":
        made = services.drafts_publish(cohort=cohort, by=request.user)
        messages.success(
            request,
            ngettext(
                "%(n)s pair is published and both people have been emailed.",
                "%(n)s pairs are published and everyone has been emailed.",
                len(made),
            )
            % {"n": len(made)},
        )


@scheme_staff
def matching(request, scheme, cohort):
    if request.method == "POST":
        try:
            _act(request, cohort)
        except ValidationError as error:
            show_errors(request, error)
        return redirect("mentoring:matching", cohort_id=cohort.pk)
    mentees, mentors = selectors.matchable(cohort)
    drafts = list(
        cohort.draft_pairs.select_related(
            "mentee__applicant", "mentee__organisation", "mentor__applicant", "mentor__organisation"
        )
    )
    waiting = selectors.not_drafted(mentees, drafts)
    run = getattr(cohort, "match_run", None)
    names = dict(
        Application.objects.filter(
            pk__in={pk for d in drafts for pk in d.better_mentors}
        ).values_list("pk", "applicant__full_name")
    )
    for draft in drafts:
        draft.better_names = [names[pk] for pk in draft.better_mentors if pk in names]
    return render(
        request,
        "mentoring/matching.html",
        {
            "scheme": scheme,
            "cohort": cohort,
            "drafts": drafts,
            "run": run,
            "left_out": _left_out(run),
            "mentees": mentees,
            "mentors": mentors,
            "weights_form": WeightsForm(
                initial={f: getattr(cohort, f) for f in services.drafting.WEIGHT_FIELDS}
            ),
            "nobody_waiting": not waiting,
            "no_mentor_free": not mentors,
            "choose_form": ChooseForm(mentees=waiting, mentors=mentors),
            "swap_form": SwapForm(cohort=cohort),
            "untrained": cohort.applications.filter(status=Application.Status.ACCEPTED)
            .exclude(pk__in=selectors.trained_ids(cohort))
            .count()
            if cohort.training_required
            else 0,
            "published": cohort.pairings.filter(how_made=Pairing.HowMade.COORDINATOR).count(),
        },
    )


def _left_out(run) -> list[dict]:
    if run is None:
        return []
    people = Application.objects.select_related("applicant").in_bulk(
        [row["application_id"] for row in run.unmatched]
    )
    rows = []
    for row in run.unmatched:
        application = people.get(row["application_id"])
        if application is None:
            continue
        rows.append(
            {
                "application": application,
                "reason": REASONS.get(row["reason"], row["reason"]),
                "blocked_by": [
                    (RULES.get(rule, rule), count) for rule, count in row["blocked_by"].items()
                ],
            }
        )
    return rows


@scheme_staff
def pairs(request, scheme, cohort):
    """Pair health: sessions, quiet weeks, ratings and flags. Never notes."""
    return render(
        request,
        "mentoring/pairs.html",
        {"scheme": scheme, "cohort": cohort, "rows": selectors.pair_health(cohort)},
    )


@scheme_staff
def outcomes(request, scheme, cohort):
    return render(
        request,
        "mentoring/outcomes.html",
        {"scheme": scheme, "cohort": cohort, "outcomes": selectors.cohort_outcomes(cohort)},
    )


@scheme_staff
def export(request, scheme, cohort):
    """One row per pair for the round's records: who, how made, status, sessions, hours,
    usefulness and goals. Private notes, actions and evidence are not included."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="round-{cohort.pk}-pairs.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Mentor or peer"),
            _("Organisation"),
            _("Mentee or peer"),
            _("Organisation"),
            _("How made"),
            _("Status"),
            _("Sessions confirmed"),
            _("Weeks since last session"),
            _("Recent usefulness ratings"),
            _("Ended because"),
        ]
    )
    for row in selectors.pair_health(cohort, organisations=True):
        pairing = row["pairing"]
        writer.writerow(
            _safe(value)
            for value in [
                pairing.mentor.full_name,
                pairing.mentor_application.organisation,
                pairing.mentee.full_name,
                pairing.mentee_application.organisation,
                pairing.get_how_made_display(),
                pairing.get_status_display(),
                row["sessions"],
                row["quiet_weeks"] if row["last_session"] else "",  # never met: no number
                " ".join(str(r) for r in row["recent_ratings"]),
                pairing.get_end_reason_display(),
            ]
        )
    return response


def _safe(value) -> str:
    """Stop spreadsheet programs treating a cell as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in {"=", "+", "-", "@"} else text
