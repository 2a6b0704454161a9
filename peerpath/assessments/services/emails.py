"""Emails to raters. Called by the `email_rater` task, never directly by a view."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .. import tokens
from ..models import FeedbackRound, Rater

KINDS = {"invitation", "reminder"}


def rater_link(rater: Rater) -> str:
    path = reverse("assessments:respond", kwargs={"token": tokens.token_for(rater.token_salt)})
    return f"{settings.SITE_URL}{path}"


def anonymity_promise(round: FeedbackRound, group: str) -> str:
    """What a rater is told about who will see their answers (the round's fixed rule)."""
    minimum = round.minimums()[group]
    if minimum <= 1:
        return _(
            "%(name)s will see your ratings and comments as the view of their %(group)s. "
            "They will not see them beside your name, but as you may be the only person "
            "in this group, they may be able to tell they are yours."
        ) % {"name": round.subject.full_name, "group": _group_label(group).lower()}
    return _(
        "Your answers are anonymous. %(name)s sees the answers of the %(group)s group "
        "only if at least %(minimum)s people in it reply, and then only as averages and "
        "unattributed comments. Nobody, including the site's administrators, can see "
        "which answers are yours."
    ) % {"name": round.subject.full_name, "group": _group_label(group).lower(), "minimum": minimum}


def asked_as(group: str) -> str:
    """How a rater was asked, in a phrase: "as their line manager", "as one of their peers"."""
    phrases = {
        "line-manager": _("as their line manager"),
        "peer": _("as one of their peers"),
        "direct-report": _("as someone who reports to them"),
        "other": _("as someone who works with them"),
    }
    return phrases[group]


def _group_label(group: str) -> str:
    return dict(Rater._meta.get_field("group").choices)[group]


def rater_email_send(*, rater: Rater, kind: str) -> bool:
    """Send the invitation or a reminder, unless the rater has answered or the round ended.

    Returns whether an email went out. Written in the subject's language.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown email kind {kind!r}")
    round = rater.round
    if rater.has_submitted or not round.accepts_feedback:
        return False
    subject_person = round.subject
    context = {
        "rater": rater,
        "round": round,
        "person": subject_person,
        "link": rater_link(rater),
        "promise": anonymity_promise(round, rater.group),
        "is_reminder": kind == "reminder",
        "site_name": settings.SITE_NAME,
    }
    with translation.override(subject_person.language or settings.LANGUAGE_CODE):
        if kind == "reminder":
            title = _("Reminder: %(name)s would value your feedback")
        else:
            title = _("%(name)s would value your feedback")
        body = render_to_string("assessments/email/rater.txt", context)
    EmailMessage(
        subject=title % {"name": subject_person.full_name},
        body=body,
        to=[rater.email],
    ).send()
    return True
