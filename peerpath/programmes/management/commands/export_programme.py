from django.core.management.base import BaseCommand, CommandError

from peerpath.programmes.formats import dump
from peerpath.programmes.models import Programme
from peerpath.programmes.selectors.exporting import programme_as_data


class Command(BaseCommand):
    help = "Write a programme as a peerpath-programme/1 JSON file to standard output."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, slug, **options):
        programme = Programme.objects.filter(slug=slug).first()
        if programme is None:
            raise CommandError(f"No programme has the slug {slug!r}.")
        self.stdout.write(dump(programme_as_data(programme)), ending="")
