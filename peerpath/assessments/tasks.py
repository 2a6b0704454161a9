"""Background work: each task takes ids, loads, and calls a service."""

from django.tasks import task

from .models import Rater
from .services.emails import rater_email_send


@task
def email_rater(rater_id: int, kind: str) -> bool:
    """Send a rater their invitation or a reminder (skipped if they have answered)."""
    rater = Rater.objects.select_related("round__subject").filter(pk=rater_id).first()
    if rater is None:
        return False
    return rater_email_send(rater=rater, kind=kind)
