from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from peerpath.frameworks.formats import FrameworkFileError
from peerpath.frameworks.shipped import load_shipped_frameworks


class Command(BaseCommand):
    help = "Load the frameworks that ship with Peerpath (safe to run again)."

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                outcomes = load_shipped_frameworks()
        except FrameworkFileError as error:
            raise CommandError(f"A shipped framework file is invalid: {error}") from error
        for outcome in outcomes:
            framework = outcome.framework
            state = "loaded" if outcome.created else "already loaded"
            self.stdout.write(f"{state}: {framework.slug} {framework.version} ({framework.name})")
