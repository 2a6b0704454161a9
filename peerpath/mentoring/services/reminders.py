"""Reminders sent on a schedule (`peerpath mentoring-reminders`, e.g. daily from cron or
the worker): unsigned agreements, pairs that have gone quiet, lapsed mentor requests.

Each reminder is sent at most once a week per pairing: the last one sent is remembered.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from ..emails import notify
from ..models import Pairing
from .shortlists import requests_lapse

REMIND_EVERY = timedelta(days=7)


def reminders_send() -> dict:
    """Queue due reminders; returns how many of each kind."""
    now = timezone.now()
    counts = {"reminder-agreement": 0, "reminder-quiet": 0}
    due = (
        Pairing.objects.filter(status__in=["agreeing", "active"])
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - REMIND_EVERY))
        .annotate(
            last=Max(
                "sessions__starts_at",
                filter=Q(sessions__status__in=["logged", "confirmed", "planned"]),
            )
        )
    )
    for pairing in due.select_related("cohort", "mentor", "mentee"):
        kind = None
        if pairing.status == Pairing.Status.AGREEING and now - pairing.created_at >= REMIND_EVERY:
            kind = "reminder-agreement"
        elif pairing.status == Pairing.Status.ACTIVE:
            since = pairing.last or pairing.created_at
            if now - since >= timedelta(weeks=pairing.cohort.quiet_weeks):
                kind = "reminder-quiet"
        if kind:
            with transaction.atomic():
                Pairing.objects.filter(pk=pairing.pk).update(reminded_at=now)
                notify(kind, pairing, [pairing.mentor, pairing.mentee])
            counts[kind] += 1
    counts["requests-lapsed"] = requests_lapse()
    return counts
