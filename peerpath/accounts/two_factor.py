"""Two-step sign-in: setting it up, checking codes, turning it off.

A code is accepted once: the time step it belongs to must be later than the last one
used, so a code seen over someone's shoulder cannot be replayed.
"""

from django.db import transaction
from django.utils import timezone

from peerpath.lib import totp
from peerpath.lib.sealing import seal, unseal

from .models import TotpDevice, User

PURPOSE = "totp"


def two_factor_enabled(user: User) -> bool:
    return TotpDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def device_start(*, user: User) -> tuple[TotpDevice, str]:
    """The device being set up (made if needed) and its secret, to show as a QR code."""
    device = TotpDevice.objects.filter(user=user).first()
    if device is None or (
        device.confirmed_at is None and unseal(device.sealed_secret, PURPOSE) is None
    ):
        secret = totp.new_secret()
        device, _created = TotpDevice.objects.update_or_create(
            user=user, defaults={"sealed_secret": seal(secret, PURPOSE), "confirmed_at": None}
        )
    return device, unseal(device.sealed_secret, PURPOSE)


def code_accept(*, device: TotpDevice, code: str, now: float | None = None) -> bool:
    """True if `code` is right and unused; records its time step so it cannot be reused."""
    with transaction.atomic():
        locked = TotpDevice.objects.select_for_update().get(pk=device.pk)
        secret = unseal(locked.sealed_secret, PURPOSE)
        step = totp.matching_step(secret, code, now=now) if secret else None
        if step is None or step <= locked.last_step:
            return False
        locked.last_step = step
        if locked.confirmed_at is None:
            locked.confirmed_at = timezone.now()
        locked.save(update_fields=["last_step", "confirmed_at"])
    device.refresh_from_db()
    return True


def device_remove(*, user: User) -> None:
    TotpDevice.objects.filter(user=user).delete()
