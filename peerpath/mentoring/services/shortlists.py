"""Mentee picks from a shortlist: up to N suggested mentors with reasons; the mentee asks
one; the mentor answers within the round's response time, or the request lapses and the
mentee chooses again from a fresh shortlist.

A mentor is featured on at most as many live shortlists (plus open requests) as they have
places left, so no mentor is ever promised to more mentees than they can take.
"""

from dataclasses import asdict
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import matching_adapter, selectors
from ..eligibility import ended_pairs, pair_problems
from ..emails import notify
from ..models import Application, MatchExclusion, MentorRequest, Pairing, ShortlistEntry
from .pairings import pairing_create


def _room_to_feature(mentors: list[Application], mentee: Application) -> dict[int, int]:
    """Places left minus places already promised (live shortlists of other mentees and
    open requests)."""
    now = timezone.now()
    room = selectors.places_left(mentors)
    for entry in ShortlistEntry.objects.filter(
        mentor__in=mentors, released_at__isnull=True, expires_at__gt=now
    ).exclude(mentee=mentee):
        room[entry.mentor_id] -= 1
    for request in MentorRequest.objects.filter(
        mentor__in=mentors, status="pending", expires_at__gt=now
    ):
        room[request.mentor_id] -= 1
    return room


def _refused_by(mentee: Application) -> set[int]:
    return set(
        mentee.requests_made.exclude(status__in=["pending", "accepted"]).values_list(
            "mentor_id", flat=True
        )
    )


def shortlist_build(*, mentee: Application) -> list[ShortlistEntry]:
    """The mentee's live shortlist, making a new one if they have none and no open request."""
    cohort = mentee.cohort
    if not (cohort.allow_shortlist and cohort.pairs_can_form):
        raise ValidationError(_("This round does not offer shortlists now."))
    if mentee.role != Application.Role.MENTEE or mentee.status != Application.Status.ACCEPTED:
        raise ValidationError(_("Shortlists are for accepted mentees."))
    with transaction.atomic():
        Application.objects.select_for_update().get(pk=mentee.pk)
        live = list(selectors.live_shortlist(mentee).select_related("mentor__applicant"))
        if (
            live
            or mentee.requests_made.filter(status="pending", expires_at__gt=timezone.now()).exists()
        ):
            return live
        if cohort.training_required and not selectors.is_trained(mentee):
            raise ValidationError(_("Your shortlist opens once you have completed training."))
        _mentees, mentors = selectors.matchable(cohort)
        # Lock the candidates so two mentees building shortlists at once cannot both take
        # a mentor's last place.
        list(Application.objects.select_for_update().filter(pk__in=[m.pk for m in mentors]))
        room = _room_to_feature(mentors, mentee)
        refused, ended = _refused_by(mentee), ended_pairs(cohort)
        removed = set(
            MatchExclusion.objects.filter(mentee=mentee).values_list("mentor_id", flat=True)
        )
        candidates = [
            m
            for m in mentors
            if room[m.pk] > 0
            and m.pk not in refused
            and not pair_problems(
                mentee, m, excluded=m.pk in removed, paired_before=(mentee.pk, m.pk) in ended
            )
        ]
        scored = matching_adapter.score_against(mentee, candidates)
        ranked = sorted(zip(candidates, scored, strict=True), key=lambda c: (-c[1][0], c[0].pk))
        expires = timezone.now() + timedelta(days=cohort.response_days)
        return [
            ShortlistEntry.objects.create(
                mentee=mentee,
                mentor=mentor,
                position=position,
                score=score,
                breakdown=[asdict(c) for c in components],
                expires_at=expires,
            )
            for position, (mentor, (score, components)) in enumerate(
                ranked[: cohort.shortlist_size], start=1
            )
        ]


def mentor_request(
    *, mentee: Application, entry: ShortlistEntry, message: str = ""
) -> MentorRequest:
    """Ask a mentor from the live shortlist. The other suggestions are released for other
    mentees; the request holds the chosen mentor's place until answered or lapsed."""
    with transaction.atomic():
        locked = ShortlistEntry.objects.select_for_update().get(pk=entry.pk)
        if (
            locked.mentee_id != mentee.pk
            or locked.released_at
            or locked.expires_at <= timezone.now()
        ):
            raise ValidationError(
                _("That suggestion is no longer available: see your new shortlist.")
            )
        now = timezone.now()
        selectors.live_shortlist(mentee).update(released_at=now)
        request = MentorRequest.objects.create(
            cohort=mentee.cohort,
            mentee=mentee,
            mentor=locked.mentor,
            message=message.strip(),
            expires_at=now + timedelta(days=mentee.cohort.response_days),
        )
        notify("mentor-requested", request, [locked.mentor.applicant])
    return request


def mentor_request_answer(
    *, request: MentorRequest, user, accept: bool, note: str = ""
) -> Pairing | None:
    """The mentor accepts (making the pair) or declines; the mentee is told either way."""
    with transaction.atomic():
        locked = MentorRequest.objects.select_for_update().get(pk=request.pk)
        if locked.mentor.applicant_id != user.pk:
            raise ValidationError(_("This request is for someone else."))
        if not locked.is_open:
            raise ValidationError(_("This request can no longer be answered."))
        locked.answered_at = timezone.now()
        locked.answer_note = note.strip()
        pairing = None
        if accept:
            pairing = pairing_create(
                mentee=locked.mentee,
                mentor=locked.mentor,
                how_made=Pairing.HowMade.SHORTLIST,
                by=user,
            )
            locked.status = MentorRequest.Status.ACCEPTED
        else:
            locked.status = MentorRequest.Status.DECLINED
        locked.save()
        notify("mentor-answered", locked, [locked.mentee.applicant])
    return pairing


def requests_lapse() -> int:
    """Mark unanswered requests past their time as lapsed and tell each mentee, who can then
    choose again. Returns how many lapsed."""
    count = 0
    for request in MentorRequest.objects.filter(status="pending", expires_at__lte=timezone.now()):
        with transaction.atomic():
            locked = MentorRequest.objects.select_for_update().get(pk=request.pk)
            if locked.status == MentorRequest.Status.PENDING:
                locked.status = MentorRequest.Status.EXPIRED
                locked.save(update_fields=["status"])
                notify("request-lapsed", locked, [locked.mentee.applicant])
                count += 1
    return count
