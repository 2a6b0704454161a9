from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from peerpath.accounts.models import Organisation
from peerpath.programmes.formats import (
    PATHWAY_FORMAT,
    ProgrammeFileError,
    file_format,
    load_json,
    read_pathway,
    read_programme,
)
from peerpath.programmes.services.loading import pathway_import, programme_import


class Command(BaseCommand):
    help = "Import a programme or pathway file (peerpath-programme/1 or peerpath-pathway/1)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--org", help="Slug of the organisation that will own it")
        parser.add_argument("--draft", action="store_true", help="Keep a new programme as a draft")

    def handle(self, *args, file, org, draft, **options):
        owner = None
        if org:
            owner = Organisation.objects.filter(slug=org).first()
            if owner is None:
                raise CommandError(f"No organisation has the slug {org!r}.")
        try:
            raw = load_json(file.read_bytes())
            if file_format(raw) == PATHWAY_FORMAT:
                outcome = pathway_import(data=read_pathway(raw), owner=owner)
            else:
                outcome = programme_import(data=read_programme(raw), owner=owner, publish=not draft)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        except ProgrammeFileError as error:
            lines = [f"  {p.where}: {p.message}" for p in error.problems]
            raise CommandError("Nothing was imported:\n" + "\n".join(lines)) from error
        state = "created" if outcome.created else "updated" if outcome.changed else "unchanged"
        self.stdout.write(f"{state}: {outcome.thing.slug} ({outcome.thing.name})")
