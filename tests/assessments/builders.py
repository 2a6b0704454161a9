"""Quick ways to put evaluations, rounds and rater answers into the database for tests.

They write rows directly (fast enough for the permission table's per-test world);
tests about the journeys themselves go through the services and pages instead.
"""

import datetime
import json

from django.utils import timezone

from peerpath.assessments import tokens
from peerpath.assessments.forms import RatingsForm
from peerpath.assessments.models import (
    FeedbackResponse,
    FeedbackRound,
    Rater,
    ResponseComment,
    ResponseRating,
    SelfEvaluation,
    SelfRating,
)
from peerpath.frameworks.formats import read_framework_file
from peerpath.frameworks.models import Framework, ScaleLevel, Statement
from peerpath.frameworks.services import framework_import


def organisation_framework(owner, slug="supportive-workplace", version="1"):
    """A small published framework about an organisation, with a 4-level scale."""
    data = {
        "format": "peerpath-framework/1",
        "slug": slug,
        "name": "Supportive workplace",
        "version": version,
        "language": "en",
        "subject": "organisation",
        "kind": "capabilities",
        "description": "",
        "statement_stem": "",
        "source": {
            "title": "Test",
            "publisher": "",
            "url": "",
            "licence": "",
            "licence_url": "",
            "attribution": "",
            "notes": "",
        },
        "rating_scale": {
            "name": "How far",
            "levels": [
                {"value": 1, "label": "Not yet", "description": ""},
                {"value": 2, "label": "Starting", "description": ""},
                {"value": 3, "label": "Mostly", "description": ""},
                {"value": 4, "label": "Fully", "description": ""},
            ],
        },
        "progression_levels": [],
        "domains": [
            {
                "code": "LEARN",
                "name": "Learning culture",
                "description": "",
                "evidence_prompt": "",
                "statements": [
                    {"code": "LEARN.1", "text": "We make time for learning", "description": ""},
                    {"code": "LEARN.2", "text": "We share what we learn", "description": ""},
                ],
            },
            {
                "code": "LEAD",
                "name": "Leadership at all levels",
                "description": "",
                "evidence_prompt": "",
                "statements": [
                    {"code": "LEAD.1", "text": "We let people take decisions", "description": ""},
                ],
            },
        ],
    }
    parsed, _fmt = read_framework_file("org.json", json.dumps(data).encode())
    return framework_import(data=parsed, owner=owner).framework


def level(framework: Framework, value: int) -> ScaleLevel:
    return ScaleLevel.objects.get(scale__framework=framework, value=value)


def finished_evaluation(owner, framework, values=None, *, default=3, when=None, **fields):
    """A completed evaluation; `values` maps statement codes to ratings (others: default)."""
    values = values or {}
    evaluation = SelfEvaluation.objects.create(owner=owner, framework=framework, **fields)
    levels = {lv.value: lv for lv in ScaleLevel.objects.filter(scale__framework=framework)}
    SelfRating.objects.bulk_create(
        SelfRating(
            evaluation=evaluation,
            statement=statement,
            level=levels[values.get(statement.code, default)],
            rated_by=owner,
        )
        for statement in Statement.objects.filter(framework=framework)
    )
    evaluation.completed_at = when or timezone.now()
    evaluation.save(update_fields=["completed_at"])
    return evaluation


def feedback_round(subject, framework, *, status=FeedbackRound.Status.OPEN, self_values=None):
    """A round with a finished self-assessment, in the given state."""
    evaluation = finished_evaluation(subject, framework, self_values)
    now = timezone.now()
    return FeedbackRound.objects.create(
        subject=subject,
        framework=framework,
        self_evaluation=evaluation,
        title="Leadership feedback",
        status=status,
        closes_on=timezone.localdate() + datetime.timedelta(days=14),
        launched_at=None if status == FeedbackRound.Status.DRAFT else now,
        closed_at=now if status == FeedbackRound.Status.CLOSED else None,
    )


def rater(round, email="rater@example.org", group="peer", salt=None) -> tuple[Rater, str]:
    """A rater and the token of their link."""
    salt = salt or tokens.new_salt()
    made = Rater.objects.create(
        round=round,
        group=group,
        email=email,
        token_salt=salt,
        token_hash=tokens.hash_of(tokens.token_for(salt)),
        invited_at=timezone.now(),
        last_emailed_at=timezone.now(),
    )
    return made, tokens.token_for(salt)


def submitted_answers(round, group, values, comments=None):
    """A submitted response as the service leaves it: unlinked from any rater.

    `values` maps statement codes to a rating, or None for "I cannot say";
    `comments` maps domain codes (or None for overall) to text.
    """
    response = FeedbackResponse.objects.create(round=round, group=group, is_submitted=True)
    statements = {s.code: s for s in Statement.objects.filter(framework=round.framework)}
    levels = {lv.value: lv for lv in ScaleLevel.objects.filter(scale__framework=round.framework)}
    ResponseRating.objects.bulk_create(
        ResponseRating(
            response=response,
            statement=statements[code],
            level=None if value is None else levels[value],
        )
        for code, value in values.items()
    )
    for code, text in (comments or {}).items():
        domain = None if code is None else statements[f"{code}.1"].domain
        ResponseComment.objects.create(response=response, domain=domain, text=text)
    return response


def ratings_post(framework, domain_code, values, **extra) -> dict:
    """Form data for a domain page: {statement code: value or "cannot-say"}."""
    data = dict(extra)
    for code, value in values.items():
        statement = Statement.objects.get(framework=framework, code=code)
        data[RatingsForm.field_name(statement)] = str(value)
    return data


def whole_domain(framework, domain_code, value) -> dict:
    statements = Statement.objects.filter(framework=framework, domain__code=domain_code)
    return {s.code: value for s in statements}


def whole_domain_post(framework, domain_code, value) -> dict:
    """Form data rating every statement of a domain at `value`."""
    return ratings_post(framework, domain_code, whole_domain(framework, domain_code, value))
