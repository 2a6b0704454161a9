from django.core.management.base import BaseCommand

from peerpath.programmes.demo import seed_demo_programmes


class Command(BaseCommand):
    help = "Add demo programmes, events, a learning set and a placement (after seed-demo)."

    def handle(self, *args, **options):
        added = seed_demo_programmes()
        if added is None:
            self.stdout.write("Demo programmes not added: they exist, or run seed-demo first.")
        else:
            self.stdout.write(
                f"Demo programmes added: {added['programmes']} programmes, "
                f"{added['events']} events."
            )
