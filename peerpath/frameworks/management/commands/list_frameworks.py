import json

from django.core.management.base import BaseCommand

from peerpath.frameworks.models import Framework


class Command(BaseCommand):
    help = "List frameworks with their size; --json for scripts."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print a JSON array")
        parser.add_argument("--all-versions", action="store_true")

    def handle(self, *args, **options):
        frameworks = Framework.objects.order_by("slug", "version")
        if not options["all_versions"]:
            frameworks = frameworks.filter(is_current=True)
        rows = [
            {
                "slug": f.slug,
                "name": f.name,
                "version": f.version,
                "domains": f.domain_count,
                "statements": f.statement_count,
                "status": f.status,
                "current": f.is_current,
            }
            for f in frameworks
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(
                f"{row['slug']:<40} {row['version']:<8} {row['domains']:>3} domains "
                f"{row['statements']:>4} statements  {row['name']}"
            )
