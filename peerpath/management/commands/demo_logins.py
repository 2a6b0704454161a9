from django.core.management.base import BaseCommand

from peerpath.accounts.models import User
from peerpath.demo import DEMO_PASSWORD, demo_logins


class Command(BaseCommand):
    help = "Print where Peerpath is and the demo accounts to sign in with."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/")

    def handle(self, *args, **options):
        rows = [
            (label, email)
            for label, email in demo_logins()
            if User.objects.filter(email=email).exists()
        ]
        line = "-" * 64
        self.stdout.write(line)
        self.stdout.write(f"Peerpath is starting at {options['url']}")
        if rows:
            self.stdout.write(f"Sign in with any of these (password: {DEMO_PASSWORD}):")
            for label, email in rows:
                self.stdout.write(f"  {label:<28} {email}")
            self.stdout.write("About 30 more demo people exist; see the organisation pages.")
        else:
            self.stdout.write("No demo accounts in this database; sign in with your own.")
        self.stdout.write("Press Ctrl+C to stop.")
        self.stdout.write(line)
