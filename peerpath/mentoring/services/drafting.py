"""The coordinator's draft of pairs: run the optimiser, pin, swap, remove, publish.

Nothing here uses anyone's capacity until `drafts_publish`, which turns the whole draft
into pairings in one transaction: either every pair is made or none is.
"""

from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.accounts.audit import audit_record

from .. import matching_adapter, selectors
from ..eligibility import ended_pairs, pair_problems
from ..models import Application, Cohort, DraftPair, MatchExclusion, MatchRun, Pairing
from .pairings import pairing_create

WEIGHT_FIELDS = ["weight_topics", "weight_capabilities", "weight_region", "weight_availability"]


def _require_matching(cohort: Cohort) -> None:
    if cohort.scheme.is_peer:
        raise ValidationError(_("In a peer scheme people choose each other."))
    if not cohort.pairs_can_form:
        raise ValidationError(_("Pairs can be made once the round reaches its matching phase."))


def match_run(*, cohort: Cohort, by) -> MatchRun:
    """Replace the unpinned draft pairs with the optimiser's best proposal; pinned pairs
    stay as they are. Records why anyone was left out."""
    _require_matching(cohort)
    with transaction.atomic():
        Cohort.objects.select_for_update(no_key=True).get(pk=cohort.pk)
        pins = list(cohort.draft_pairs.filter(pinned=True).values_list("mentee_id", "mentor_id"))
        proposal = matching_adapter.propose_pairs(cohort, pinned=pins)
        cohort.draft_pairs.filter(pinned=False).delete()
        pinned_mentees = {mentee for mentee, _mentor in pins}
        DraftPair.objects.bulk_create(
            DraftPair(
                cohort=cohort,
                mentee_id=pair.mentee_id,
                mentor_id=pair.mentor_id,
                score=pair.score,
                breakdown=[asdict(c) for c in pair.components],
                better_mentors=list(pair.better_mentor_ids),
            )
            for pair in proposal.pairs
            if pair.mentee_id not in pinned_mentees
        )
        run, _created = MatchRun.objects.update_or_create(
            cohort=cohort,
            defaults={
                "run_at": timezone.now(),
                "run_by": by,
                "engine": proposal.engine,
                "total_score": proposal.total_score,
                "unmatched": [asdict(left) for left in proposal.left_out],
            },
        )
    return run


def weights_save(*, cohort: Cohort, weights: dict[str, float]) -> Cohort:
    """Change how much each part of the score counts (each 0 to 10)."""
    for name in WEIGHT_FIELDS:
        value = float(weights[name])
        if not 0 <= value <= 10:
            raise ValidationError(_("Each weight is a number from 0 to 10."))
        setattr(cohort, name, value)
    cohort.save(update_fields=WEIGHT_FIELDS)
    return cohort


def draft_pin(*, draft: DraftPair, pinned: bool) -> DraftPair:
    """A pinned pair is kept as it is when the optimiser runs again."""
    draft.pinned = pinned
    draft.save(update_fields=["pinned"])
    return draft


def draft_remove(*, draft: DraftPair) -> None:
    """Take a pair out of the draft; the optimiser will not propose these two again."""
    with transaction.atomic():
        MatchExclusion.objects.get_or_create(
            cohort=draft.cohort, mentee=draft.mentee, mentor=draft.mentor
        )
        draft.delete()


def draft_choose(*, cohort: Cohort, mentee: Application, mentor: Application) -> DraftPair:
    """Pair a mentee with a mentor by hand (a swap or a new pair), pinned. The scheme's
    rules still apply, and the mentor must have a place left in the draft."""
    _require_matching(cohort)
    problems = pair_problems(
        mentee,
        mentor,
        excluded=False,
        paired_before=(mentee.pk, mentor.pk) in ended_pairs(cohort),
    )
    mentees, mentors = selectors.matchable(cohort)
    if mentee not in mentees:
        problems.append(
            _("This mentee cannot be matched now (not accepted, not trained or already paired).")
        )
    if mentor not in mentors:
        problems.append(_("This mentor cannot be matched now (not accepted, not trained or full)."))
    else:
        room = selectors.places_left([mentor])[mentor.pk]
        drafted = cohort.draft_pairs.filter(mentor=mentor).exclude(mentee=mentee).count()
        if drafted >= room:
            problems.append(
                _(
                    "%(name)s has no place left in this draft: "
                    "remove or swap one of their pairs first."
                )
                % {"name": mentor.applicant.full_name}
            )
    if problems:
        raise ValidationError(problems)
    [(score, components)] = matching_adapter.score_against(mentee, [mentor])
    with transaction.atomic():
        MatchExclusion.objects.filter(mentee=mentee, mentor=mentor).delete()
        draft, _created = DraftPair.objects.update_or_create(
            cohort=cohort,
            mentee=mentee,
            defaults={
                "mentor": mentor,
                "score": score,
                "breakdown": [asdict(c) for c in components],
                "pinned": True,
                "chosen_by_hand": True,
            },
        )
    return draft


def draft_swap(*, first: DraftPair, second: DraftPair) -> tuple[DraftPair, DraftPair]:
    """Exchange the mentors of two draft pairs; both become pinned. Refused, changing
    nothing, if either new pair would break the scheme's rules."""
    cohort = first.cohort
    ended = ended_pairs(cohort)
    problems = []
    for mentee, mentor in ((first.mentee, second.mentor), (second.mentee, first.mentor)):
        for problem in pair_problems(mentee, mentor, paired_before=(mentee.pk, mentor.pk) in ended):
            names = {"mentee": mentee.applicant.full_name, "mentor": mentor.applicant.full_name}
            problems.append(_("%(mentee)s with %(mentor)s: ") % names + problem)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        pairs = []
        new_mentors = (second.mentor, first.mentor)
        for draft, mentor in zip((first, second), new_mentors, strict=True):
            [(score, components)] = matching_adapter.score_against(draft.mentee, [mentor])
            MatchExclusion.objects.filter(mentee=draft.mentee, mentor=mentor).delete()
            draft.mentor = mentor
            draft.score = score
            draft.breakdown = [asdict(c) for c in components]
            draft.pinned = draft.chosen_by_hand = True
            draft.save()
            pairs.append(draft)
    return pairs[0], pairs[1]


def drafts_publish(*, cohort: Cohort, by) -> list[Pairing]:
    """Make every draft pair a real pairing and tell both people. All or nothing: if any
    pair can no longer be made (someone's place went meanwhile, e.g. another coordinator
    published first), nothing is published and the error says which pair and why."""
    _require_matching(cohort)
    with transaction.atomic():
        Cohort.objects.select_for_update(no_key=True).get(pk=cohort.pk)
        drafts = list(cohort.draft_pairs.select_related("mentee__applicant", "mentor__applicant"))
        if not drafts:
            raise ValidationError(_("There are no draft pairs to publish."))
        made = []
        for draft in drafts:
            try:
                made.append(
                    pairing_create(
                        mentee=draft.mentee,
                        mentor=draft.mentor,
                        how_made=Pairing.HowMade.COORDINATOR,
                        by=by,
                        score=draft.score,
                        breakdown=draft.breakdown,
                    )
                )
            except ValidationError as error:
                names = {
                    "mentee": draft.mentee.applicant.full_name,
                    "mentor": draft.mentor.applicant.full_name,
                }
                raise ValidationError(
                    [_("%(mentee)s with %(mentor)s:") % names, *error.messages]
                ) from None
        cohort.draft_pairs.all().delete()
        audit_record(
            actor=by,
            action="mentoring.pairs.published",
            organisation=cohort.scheme.owner,
            obj=cohort,
            summary=f"Published {len(made)} pairs in {cohort}",
        )
    return made
