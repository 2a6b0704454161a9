"""`peerpath rotate-issuer-keys (--site | --organisation SLUG)`: new signing keys.

Old public keys stay published, so badges signed with them keep verifying.
"""

from django.core.management.base import BaseCommand, CommandError

from peerpath.accounts.models import Organisation
from peerpath.badges.services import issuer_ensure, issuer_keys_rotate


class Command(BaseCommand):
    help = "Retire an issuer's signing keys and make new ones (old public keys stay published)."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--site", action="store_true", help="the site's own issuer")
        which.add_argument("--organisation", metavar="SLUG", help="an organisation's issuer")

    def handle(self, *args, **options):
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(
                    f"No organisation has the short name {options['organisation']!r}."
                )
        issuer = issuer_ensure(organisation=organisation)
        for key in issuer_keys_rotate(issuer=issuer):
            self.stdout.write(f"New {key.algorithm} key: {key.iri}")
