"""A pair's agreement and sessions: signed first, logged by one, confirmed by the other,
then in both learning logs, without the private notes."""

import datetime
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from peerpath.frameworks.models import Statement
from peerpath.mentoring import services
from peerpath.mentoring.models import Pairing, Session, SessionNotes
from peerpath.portfolio.models import LearningEntry

NOTE = "Worried about the restructure; talked about my manager."


def test_sessions_wait_until_both_have_signed_the_agreement(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice, signed=False)
    session = Session(pairing=pairing, starts_at=timezone.now() - timedelta(days=1))

    with pytest.raises(ValidationError, match="both signed your agreement"):
        services.session_log(session=session, by=alice, themes=[], notes="")


def test_signing_needs_the_code_of_ethics_commitments(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice, signed=False)
    agreement = pairing.agreement
    agreement.frequency = "Monthly"

    with pytest.raises(ValidationError, match="professional learning and self-care"):
        services.agreement_save(agreement=agreement, by=alice, sign=True)
    pairing.agreement.refresh_from_db()
    assert pairing.agreement.mentee_signed_at is None


def test_changing_a_signed_agreement_asks_both_to_sign_again(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice)
    assert pairing.status == Pairing.Status.ACTIVE
    agreement = pairing.agreement
    agreement.frequency = "Every two weeks"

    saved = services.agreement_save(agreement=agreement, by=alice, sign=True)

    assert saved.mentee_signed_at is not None
    assert saved.mentor_signed_at is None


def _log(pairing, by, themes=(), notes=NOTE, when=None):
    session = Session(
        pairing=pairing,
        starts_at=when or timezone.now() - timedelta(days=1),
        duration_minutes=90,
        own_themes="Working with councillors",
        actions="Book time with the portfolio holder",
        evidence="Two budget meetings chaired without my manager",
    )
    return services.session_log(session=session, by=by, themes=list(themes), notes=notes)


def test_a_confirmed_session_goes_into_both_learning_logs_without_private_notes(
    peer_cohort, make_pair, alice, shipped_frameworks
):
    pairing = make_pair(peer_cohort, alice)
    partner = pairing.partner_of(alice)
    themes = Statement.objects.filter(
        framework__slug="peer-support-discussion-themes", code__in=["THEMES.5", "THEMES.8"]
    )
    session = _log(pairing, alice, themes)
    assert not LearningEntry.objects.exists()
    assert "Please confirm your session" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == [partner.email]

    services.session_confirm(session=session, by=partner)

    entries = LearningEntry.objects.filter(kind="peer-session")
    assert {e.owner for e in entries} == {alice, partner}
    for entry in entries:
        assert entry.hours == Decimal("1.50")
        assert entry.date == timezone.localtime(session.starts_at).date()
        assert set(entry.statements.all()) == set(themes)
        assert "Displaying confidence in my own judgement" in entry.reflection
        assert "Two budget meetings" in entry.reflection
        assert NOTE not in entry.reflection
    assert SessionNotes.objects.get(session=session).text == NOTE


def test_the_person_who_logged_a_session_cannot_confirm_it(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice)
    session = _log(pairing, alice)

    with pytest.raises(ValidationError, match="other person"):
        services.session_confirm(session=session, by=alice)


def test_a_change_to_a_confirmed_session_updates_both_logs_once(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice)
    session = _log(pairing, alice)
    services.session_confirm(session=session, by=pairing.partner_of(alice))
    session.actions = "Write to the portfolio holder"

    services.session_log(session=session, by=alice, themes=[], notes=NOTE)

    assert LearningEntry.objects.count() == 2
    assert all("Write to the portfolio holder" in e.reflection for e in LearningEntry.objects.all())


def test_a_future_session_cannot_be_logged_as_held(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice)
    with pytest.raises(ValidationError, match="once it has happened"):
        _log(pairing, alice, when=timezone.now() + timedelta(days=2))


def test_logging_through_the_page_keeps_notes_apart_and_dates_in_uk_time(
    peer_cohort, make_pair, alice, client_for, shipped_frameworks
):
    pairing = make_pair(peer_cohort, alice)
    theme = Statement.objects.get(framework__slug="peer-support-discussion-themes", code="THEMES.1")
    url = reverse("mentoring:session-new", args=[pairing.pk])

    response = client_for(alice).post(
        url,
        {
            "date": "2026-07-14",
            "time": "09:30",
            "duration_minutes": "60",
            "format": "online",
            "themes": [theme.pk],
            "actions": "Try a reflective diary",
            "evidence": "",
            "notes": NOTE,
        },
    )

    session = Session.objects.get()
    assert response["Location"] == session.get_absolute_url()
    assert session.starts_at == datetime.datetime(2026, 7, 14, 8, 30, tzinfo=datetime.UTC)
    assert list(session.themes.all()) == [theme]
    assert session.private_notes.text == NOTE


def test_check_ins_are_one_per_person_and_from_1_to_5(cohort, make_pair, alice):
    pairing = make_pair(cohort, alice)
    session = _log(pairing, alice)

    services.check_in_record(session=session, person=alice, usefulness=2)
    services.check_in_record(session=session, person=alice, usefulness=4, comment="Better")

    assert session.check_ins.get().usefulness == 4
    with pytest.raises(ValidationError):
        services.check_in_record(session=session, person=alice, usefulness=6)


def test_in_welsh_the_themes_are_marked_english_where_they_are_chosen_and_shown(
    client, cohort, make_pair, alice, shipped_frameworks
):
    from tests.test_language_of_parts import languages_of, welsh

    themes = shipped_frameworks["peer-support-discussion-themes"]
    cohort.scheme.theme_framework = themes
    cohort.scheme.save(update_fields=["theme_framework"])
    pairing = make_pair(cohort, alice)
    theme = themes.statements.order_by("domain__position", "position").first()
    client.force_login(alice)
    client.cookies["django_language"] = "cy"

    page = client.get(reverse("mentoring:session-new", args=[pairing.pk])).content.decode()
    session = _log(pairing, alice, themes=[theme])
    shown = client.get(session.get_absolute_url()).content.decode()
    pair_page = client.get(pairing.get_absolute_url()).content.decode()

    assert languages_of(page, theme.text) == {"en"}
    assert languages_of(page, welsh("Themes you discussed")) == {"cy"}
    assert languages_of(shown, theme.text) == {"en"}
    assert languages_of(shown, welsh("Themes")) == {"cy"}
    assert languages_of(pair_page, theme.text) == {"en"}
