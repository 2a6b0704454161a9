from django.core.management.base import BaseCommand, CommandError

from peerpath.programmes.formats import ProgrammeFileError
from peerpath.programmes.shipped import load_shipped_programmes


class Command(BaseCommand):
    help = "Load the programmes and pathways that ship with Peerpath (safe to run again)."

    def handle(self, *args, **options):
        try:
            outcomes = load_shipped_programmes()
        except ProgrammeFileError as error:
            raise CommandError(f"A shipped programme file is invalid: {error}") from error
        for outcome in outcomes:
            state = "loaded" if outcome.created else "updated" if outcome.changed else "unchanged"
            self.stdout.write(f"{state}: {outcome.thing.slug} ({outcome.thing.name})")
