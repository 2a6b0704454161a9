from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from peerpath.frameworks.formats import FORMATS, dump_framework
from peerpath.frameworks.management.commands._base import FrameworkCommand
from peerpath.frameworks.models import Framework, version_key
from peerpath.frameworks.selectors import framework_as_data


class Command(FrameworkCommand):
    help = "Write a framework to a file or standard output in any supported format."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--version", dest="framework_version", help="Default: current")
        parser.add_argument("--format", choices=sorted(FORMATS), default="json")
        parser.add_argument("-o", "--output", type=Path, help="Default: standard output")

    def handle(self, *args, **options):
        versions = Framework.objects.filter(slug=options["slug"])
        if options["framework_version"]:
            framework = versions.filter(version=options["framework_version"]).first()
        else:
            framework = versions.filter(is_current=True).first() or max(
                versions, key=lambda f: version_key(f.version), default=None
            )
        if framework is None:
            known = ", ".join(
                Framework.objects.order_by("slug").values_list("slug", flat=True).distinct()
            )
            raise CommandError(f"No framework {options['slug']!r}. Known: {known or 'none'}")
        text = dump_framework(
            framework_as_data(framework), options["format"], base_uri=settings.SITE_URL
        )
        if options["output"]:
            options["output"].write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text, ending="")
