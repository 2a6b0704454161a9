"""A pair's own pages: overview, agreement, ending early, the final review and their own
export. Only the two people in the pair can open any of these (see access.pair_member)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from peerpath.drafts.services import draft_discard
from peerpath.frameworks.models import Statement

from .. import services
from ..access import pair_member
from ..capabilities import from_self_evaluation
from ..forms.pairs import AgreementForm, ClosingReviewForm, EndForm
from ..models import ClosingReview, Session
from .common import add_errors


@pair_member
def pairing(request, pairing):
    # Each theme with its framework, whose language the page marks the theme in.
    themes = Prefetch("themes", queryset=Statement.objects.select_related("framework"))
    sessions = pairing.sessions.prefetch_related(themes).order_by("-starts_at")
    return render(
        request,
        "mentoring/pairing.html",
        {
            "pairing": pairing,
            "agreement": pairing.agreement,
            "i_signed": pairing.agreement.signed_by(request.user),
            "partner": pairing.partner_of(request.user),
            "role": pairing.role_of(request.user),
            "sessions": sessions,
            "my_review": pairing.reviews.filter(person=request.user).first(),
            "can_review": pairing.cohort.phase in {"closing", "evaluation"} or not pairing.is_live,
        },
    )


@pair_member
def agreement(request, pairing):
    current = pairing.agreement
    form = AgreementForm(request.POST or None, instance=current)
    if request.method == "POST" and pairing.is_live and form.is_valid():
        try:
            saved = services.agreement_save(
                agreement=form.save(commit=False), by=request.user, sign="sign" in request.POST
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            draft_discard(owner=request.user, key=f"mentoring.pair.{pairing.pk}.goals")
            if saved.is_signed_by_both:
                messages.success(request, _("You have both signed. You can record sessions now."))
            elif saved.signed_by(request.user):
                messages.success(request, _("You have signed. We will ask your partner to sign."))
            else:
                messages.success(request, _("The agreement is saved. Sign it when you are ready."))
            return redirect(pairing)
    return render(
        request,
        "mentoring/agreement.html",
        {
            "pairing": pairing,
            "agreement": current,
            "form": form,
            "partner": pairing.partner_of(request.user),
        },
    )


@pair_member
def end(request, pairing):
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pairing_end(pairing=pairing, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The pairing has ended. Thank you for what you put in."))
            return redirect("mentoring:home")
    return render(request, "mentoring/end.html", {"pairing": pairing, "form": form})


@pair_member
def review(request, pairing):
    """The final review: goals, the same confidence questions as at the start, testimonial."""
    existing = pairing.reviews.filter(person=request.user).first()
    prefill = None
    if existing is None:
        framework = pairing.cohort.scheme.evaluation_framework
        prefill = from_self_evaluation(request.user, framework, after=pairing.created_at)
        existing = ClosingReview(
            pairing=pairing, person=request.user, confidence=prefill.confidence if prefill else {}
        )
    key = f"mentoring.pair.{pairing.pk}.review"
    form = ClosingReviewForm(
        request.POST or None,
        instance=existing,
        framework=pairing.cohort.scheme.evaluation_framework,
        draft_key=key,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.closing_review_save(
                pairing=pairing,
                person=request.user,
                confidence=form.confidence(),
                **{k: form.cleaned_data[k] for k in ClosingReviewForm.Meta.fields},
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            draft_discard(owner=request.user, key=key)
            messages.success(request, _("Thank you: your final review is saved."))
            return redirect(pairing)
    mine = (
        pairing.mentor_application
        if request.user.pk == pairing.mentor_id
        else pairing.mentee_application
    )
    return render(
        request,
        "mentoring/review.html",
        {"pairing": pairing, "form": form, "baseline": mine.confidence, "prefill": prefill},
    )


@pair_member
def export(request, pairing):
    """The pair's own record, private notes included: only ever for the two of them."""
    sessions = (
        pairing.sessions.exclude(status=Session.Status.CANCELLED)
        .select_related("private_notes")
        .prefetch_related("themes")
        .order_by("starts_at")
    )
    text = render_to_string(
        "mentoring/pair_export.md",
        {"pairing": pairing, "agreement": pairing.agreement, "sessions": sessions},
        request=request,
    )
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    name = slugify(f"{pairing.cohort.scheme.name} {pairing.mentor} {pairing.mentee}")[:80]
    response["Content-Disposition"] = f'attachment; filename="{name}.md"'
    return response
