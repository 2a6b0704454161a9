from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run background tasks (emails, reminders, exports) until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then stop")

    def handle(self, *args, **options):
        extra = ["--batch"] if options["batch"] else []
        call_command("db_worker", *extra)
