from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from peerpath.accounts.models import User, UserManager
from peerpath.accounts.services import user_create
from peerpath.portfolio.transfer.checking import PortfolioFileError
from peerpath.portfolio.transfer.importing import portfolio_import
from peerpath.portfolio.transfer.reading import read_portfolio


class Command(BaseCommand):
    help = (
        "Import a portfolio zip made by `peerpath export-portfolio` (here or on another "
        "Peerpath). All or nothing: every problem is listed and nothing is saved. "
        "Frameworks the portfolio uses that this Peerpath lacks are installed from the file."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--email", required=True, help="Whose portfolio it becomes")
        parser.add_argument(
            "--create-account",
            action="store_true",
            help="Create the account if there is none (they set a password by 'Forgotten "
            "your password?')",
        )
        parser.add_argument(
            "--merge",
            action="store_true",
            help="Add to a portfolio that already has content (beware of doubling it)",
        )
        parser.add_argument(
            "--no-install-frameworks",
            action="store_true",
            help="Refuse the file if it needs a framework this Peerpath does not have",
        )

    def handle(self, *args, file, email, create_account, merge, no_install_frameworks, **opts):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        user = User.objects.filter(email=UserManager.normalize_email(email)).first()
        if user is None and not create_account:
            raise CommandError(
                f"No account with the email address {email}; add --create-account to make one"
            )
        try:
            with file.open("rb") as source, transaction.atomic():
                bundle = read_portfolio(source, may_install_frameworks=not no_install_frameworks)
                if user is None:  # made only once the file is known to be good
                    user = user_create(email=email, full_name=bundle.person_name or email)
                summary = portfolio_import(owner=user, bundle=bundle, merge=merge)
        except PortfolioFileError as error:
            count = len(error.problems)
            problems = "1 problem" if count == 1 else f"{count} problems"
            lines = [f"{file}: {problems}; nothing was imported."]
            lines += [f"  {problem}" for problem in error.problems]
            raise CommandError("\n".join(lines)) from None
        for framework in summary.frameworks_installed:
            self.stdout.write(f"Installed the framework {framework}")
        self.stdout.write(
            f"Imported into the portfolio of {user.full_name}: {summary.entries} entries, "
            f"{summary.goals} goals, {summary.plan_items} plan items, {summary.claims} claims, "
            f"{summary.evidence_files} evidence files"
        )
