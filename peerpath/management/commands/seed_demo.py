from django.core.management.base import BaseCommand, CommandError

from peerpath.demo import database_is_empty, seed_demo
from peerpath.frameworks.shipped import load_shipped_frameworks
from peerpath.mentoring.demo import seed_mentoring_demo


class Command(BaseCommand):
    help = "Create demo organisations and about 30 people (fictional) for trying Peerpath."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and succeed) when the database already has people in it",
        )

    def handle(self, *args, **options):
        if not database_is_empty():
            if options["if_empty"]:
                self.stdout.write("The database already has data; demo data not added.")
                return
            raise CommandError(
                "The database already has people or organisations in it; demo data is only "
                "added to an empty database. Use --if-empty to skip quietly."
            )
        load_shipped_frameworks()  # the demo schemes use the shipped themes and capabilities
        counts = seed_demo()
        mentoring = seed_mentoring_demo()
        self.stdout.write(
            f"Demo data added: {counts['organisations']} organisations, {counts['people']} people, "
            f"a mentoring round with {mentoring['applicants']} applicants and a peer pair with "
            f"{mentoring['cld_sessions']} sessions."
        )
