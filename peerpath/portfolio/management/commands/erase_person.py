from django.core.management.base import BaseCommand, CommandError

from peerpath.accounts.models import User, UserManager
from peerpath.portfolio.privacy import person_erase


class Command(BaseCommand):
    help = (
        "Erase a person on request: their content is deleted in every part of Peerpath, "
        "what others keep is anonymised, and they can no longer sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="Do not ask to confirm")

    def handle(self, *args, email, yes, **options):
        user = User.objects.filter(email=UserManager.normalize_email(email)).first()
        if user is None:
            raise CommandError(f"No account with the email address {email}")
        if not yes:
            answer = input(f"Erase {user.full_name} <{user.email}>? This cannot be undone [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing was erased.")
        person_erase(user=user)
        self.stdout.write(f"Erased account {user.pk}.")
