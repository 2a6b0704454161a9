"""Slowing down password guessing without telling anyone which accounts exist.

Failed sign-ins are counted per email address (hashed) and per network address. Past the
limits, every attempt gets the same message for fifteen minutes, whether or not the
address has an account; a successful sign-in clears that address's count.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import LoginAttempt

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_ADDRESS = 30


def email_digest(email: str) -> str:
    return hashlib.sha256((email or "").strip().lower().encode()).hexdigest()


def client_address(request) -> str:
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def is_locked(email: str, address: str) -> bool:
    since = timezone.now() - WINDOW
    failures = LoginAttempt.objects.filter(at__gte=since)
    return failures.filter(email_digest=email_digest(email)).count() >= MAX_FAILURES_PER_EMAIL or (
        address and failures.filter(address=address).count() >= MAX_FAILURES_PER_ADDRESS
    )


def record_failure(email: str, address: str) -> None:
    LoginAttempt.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()
    LoginAttempt.objects.create(email_digest=email_digest(email), address=address[:45])


def record_success(email: str) -> None:
    LoginAttempt.objects.filter(email_digest=email_digest(email)).delete()
