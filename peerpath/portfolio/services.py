"""Operations that change a portfolio. Other apps call these, never the models directly."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from peerpath.frameworks.models import Domain, Statement

from .models import LearningEntry, PlanItem


def learning_entry_record(
    *,
    owner,
    title: str,
    kind: str,
    date: datetime.date,
    hours: Decimal | float | None = None,
    reflection: str = "",
    statements: Iterable[Statement] = (),
    source_key: str = "",
    source_url: str = "",
) -> LearningEntry:
    """Add a learning-log entry, or update the one already made from the same source.

    `source_key` (e.g. "programmes.submission.17") makes the call idempotent: a session
    confirmed twice or an activity re-accepted leaves one entry, brought up to date.
    """
    values = {
        "title": title[:200],
        "kind": kind,
        "date": date,
        "hours": hours,
        "reflection": reflection,
        "source_url": source_url,
    }
    with transaction.atomic():
        if source_key:
            entry, _created = LearningEntry.objects.update_or_create(
                owner=owner, source_key=source_key, defaults=values
            )
        else:
            entry = LearningEntry.objects.create(owner=owner, **values)
        entry.statements.set(list(statements))
    return entry


def plan_item_create(
    *,
    owner,
    action: str,
    statement: Statement | None = None,
    domain: Domain | None = None,
    support_needed: str = "",
    target_date: datetime.date | None = None,
    source: str = "",
    source_url: str = "",
) -> PlanItem:
    """Add an item to the person's development plan (by hand or from an assessment)."""
    if statement is not None and domain is None:
        domain = statement.domain
    return PlanItem.objects.create(
        owner=owner,
        action=action,
        statement=statement,
        domain=domain,
        support_needed=support_needed,
        target_date=target_date,
        source=source,
        source_url=source_url,
    )
