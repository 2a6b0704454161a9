from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from peerpath.accounts.models import User, UserManager
from peerpath.portfolio.transfer.exporting import portfolio_json, write_portfolio_zip
from peerpath.portfolio.transfer.pdf import portfolio_pdf


class Command(BaseCommand):
    help = (
        "Export a person's portfolio: a zip (portfolio.json + evidence files) that another "
        "Peerpath imports whole, the JSON alone, or a PDF to read."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's email address")
        parser.add_argument("--format", choices=["zip", "json", "pdf"], default="zip", dest="fmt")
        parser.add_argument("--output", "-o", type=Path, help="Default: a dated file here")

    def handle(self, *args, email, fmt, output, **options):
        user = User.objects.filter(email=UserManager.normalize_email(email)).first()
        if user is None:
            raise CommandError(f"No account with the email address {email}")
        output = output or Path(f"portfolio-{user.pk}-{timezone.localdate():%Y-%m-%d}.{fmt}")
        if fmt == "zip":
            with output.open("wb") as target:
                data = write_portfolio_zip(user, target)
            counts = (
                f"{len(data['learning_entries'])} entries, {len(data['goals'])} goals, "
                f"{len(data['development_plan']['items'])} plan items, "
                f"{len(data['claims'])} claims"
            )
        elif fmt == "json":
            output.write_text(portfolio_json(user), encoding="utf-8")
            counts = "without evidence files"
        else:
            output.write_bytes(portfolio_pdf(user))
            counts = "PDF"
        self.stdout.write(f"Wrote the portfolio of {user.full_name} to {output} ({counts})")
