"""Sessions: planned ahead, logged by either person, confirmed by the other.

Confirmed sessions are recorded in both people's learning logs (title, date, hours,
themes, actions and evidence). Private notes are saved separately and never leave the pair.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peerpath.portfolio.services import learning_entry_record

from ..emails import notify
from ..models import CheckIn, Pairing, Session, SessionNotes

SESSION_FIELDS = ["starts_at", "duration_minutes", "format", "own_themes", "actions", "evidence"]


def _require_active(pairing: Pairing) -> None:
    if pairing.status != Pairing.Status.ACTIVE:
        raise ValidationError(
            _(
                "Sessions can be recorded once you have both signed your agreement, "
                "while the pairing is running."
            )
        )


def session_plan(*, pairing: Pairing, by, starts_at, duration_minutes: int, format: str) -> Session:
    """Put a future session in the diary; both get an email with a calendar invitation."""
    _require_active(pairing)
    if starts_at <= timezone.now():
        raise ValidationError(_("A planned session must be in the future. Log a past one instead."))
    with transaction.atomic():
        session = Session.objects.create(
            pairing=pairing,
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            format=format,
            status=Session.Status.PLANNED,
        )
        notify("session-planned", session, [pairing.mentor, pairing.mentee])
    return session


def session_log(*, session: Session, by, themes, notes: str) -> Session:
    """Save what happened in a session (new, planned or already logged). The other person
    is asked to confirm; a change to a confirmed session updates both learning logs."""
    pairing = session.pairing
    _require_active(pairing)
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(_("This session was cancelled."))
    if session.starts_at > timezone.now():
        raise ValidationError(_("You can log a session once it has happened."))
    with transaction.atomic():
        if session.pk:  # the stored state decides, not a possibly stale copy
            stored = Session.objects.select_for_update().get(pk=session.pk)
            session.status, session.logged_by = stored.status, stored.logged_by
            session.confirmed_by, session.confirmed_at = stored.confirmed_by, stored.confirmed_at
        was_confirmed = session.status == Session.Status.CONFIRMED
        if not was_confirmed:
            session.status = Session.Status.LOGGED
            session.logged_by = by
        session.save()
        session.themes.set(themes)
        notes_save(session=session, by=by, text=notes)
        if was_confirmed:
            _record_in_portfolios(session)
        else:
            notify("session-logged", session, [pairing.partner_of(by)])
    return session


def notes_save(*, session: Session, by, text: str) -> None:
    """The pair's private notes for this session (either of them may write them)."""
    SessionNotes.objects.update_or_create(
        session=session, defaults={"text": text.strip(), "updated_by": by}
    )


def session_confirm(*, session: Session, by) -> Session:
    """The other person confirms a logged session; it goes into both learning logs."""
    with transaction.atomic():
        locked = Session.objects.select_for_update().get(pk=session.pk)
        if locked.status != Session.Status.LOGGED:
            raise ValidationError(
                _("Only a logged session waiting for confirmation can be confirmed.")
            )
        if locked.logged_by_id == by.pk:
            raise ValidationError(_("The other person in your pair confirms the session."))
        locked.status = Session.Status.CONFIRMED
        locked.confirmed_by = by
        locked.confirmed_at = timezone.now()
        locked.save()
        _record_in_portfolios(locked)
    return locked


def session_cancel(*, session: Session, by) -> Session:
    """Cancel a planned session; both get an email whose calendar file removes the event."""
    if session.status != Session.Status.PLANNED:
        raise ValidationError(_("Only a planned session can be cancelled."))
    with transaction.atomic():
        session.status = Session.Status.CANCELLED
        session.save(update_fields=["status", "updated_at"])
        notify("session-cancelled", session, [session.pairing.mentor, session.pairing.mentee])
    return session


def _record_in_portfolios(session: Session) -> None:
    pairing = session.pairing
    scheme = pairing.cohort.scheme
    themes = list(session.themes.all())
    theme_names = [t.text for t in themes] + ([session.own_themes] if session.own_themes else [])
    parts = []
    if theme_names:
        parts.append(_("Themes: %(themes)s") % {"themes": "; ".join(theme_names)})
    if session.actions:
        parts.append(_("Actions agreed:") + "\n\n" + session.actions)
    if session.evidence:
        parts.append(_("What evidence do I have?") + "\n\n" + session.evidence)
    for person in (pairing.mentor, pairing.mentee):
        partner = pairing.partner_of(person)
        learning_entry_record(
            owner=person,
            title=_("%(scheme)s: session with %(name)s")
            % {"scheme": scheme.name, "name": partner.full_name},
            kind="peer-session",
            date=timezone.localtime(session.starts_at).date(),
            hours=session.hours,
            reflection="\n\n".join(parts),
            statements=themes,
            source_key=f"mentoring.session.{session.pk}.{person.pk}",
            source_url=session.get_absolute_url(),
        )


def check_in_record(*, session: Session, person, usefulness: int, comment: str = "") -> CheckIn:
    """How useful a session was (1–5), once per person per session; the coordinator sees it."""
    if session.status not in {Session.Status.LOGGED, Session.Status.CONFIRMED}:
        raise ValidationError(_("Check in after the session has been logged."))
    if not 1 <= int(usefulness) <= 5:
        raise ValidationError(_("Choose a number from 1 to 5."))
    check_in, _created = CheckIn.objects.update_or_create(
        session=session,
        person=person,
        defaults={"usefulness": usefulness, "comment": comment.strip()},
    )
    return check_in
