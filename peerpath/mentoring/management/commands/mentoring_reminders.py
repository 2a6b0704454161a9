from django.core.management.base import BaseCommand

from peerpath.mentoring.services import reminders_send


class Command(BaseCommand):
    help = (
        "Send mentoring reminders that are due (unsigned agreements, pairs with no session "
        "for a while) and lapse unanswered mentor requests. Run daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        counts = reminders_send()
        self.stdout.write(
            f"Queued {counts['reminder-agreement']} agreement and {counts['reminder-quiet']} "
            f"session reminders; {counts['requests-lapsed']} requests lapsed."
        )
