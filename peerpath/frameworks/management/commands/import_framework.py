from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from peerpath.accounts.models import Organisation
from peerpath.frameworks.formats import FORMATS, FrameworkFileError, read_framework_file
from peerpath.frameworks.management.commands._base import FrameworkCommand
from peerpath.frameworks.services import framework_import


class Command(FrameworkCommand):
    help = (
        "Import a framework file (Peerpath JSON or CSV, Moodle competency CSV, CASE JSON). "
        "All or nothing: any problem is reported with its line or field and nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=sorted(FORMATS), help="Default: detect")
        parser.add_argument("--slug")
        parser.add_argument("--name")
        parser.add_argument("--version", dest="framework_version", help="Default: from the file")
        parser.add_argument(
            "--scale", help='For CSV without one: "Confidence = Low | Medium | High"'
        )
        parser.add_argument("--owner", help="Slug of the organisation that owns it")
        parser.add_argument("--draft", action="store_true", help="Import without publishing")

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        owner = None
        if options["owner"]:
            owner = Organisation.objects.filter(slug=options["owner"]).first()
            if owner is None:
                raise CommandError(f"No organisation with the slug {options['owner']!r}")
        overrides = {
            "slug": options["slug"] or "",
            "name": options["name"] or "",
            "version": options["framework_version"] or "",
            "rating_scale": options["scale"] or "",
        }
        limit = settings.FRAMEWORK_UPLOAD_MAX_BYTES
        with path.open("rb") as handle:
            content = handle.read(limit + 1)  # never read a huge file whole
        try:
            data, fmt = read_framework_file(
                path.name,
                content,
                overrides=overrides,
                fmt=options["format"],
                max_bytes=limit,
                size=path.stat().st_size,
            )
            outcome = framework_import(
                data=data, owner=owner, publish=not options["draft"], imported_from=fmt
            )
        except FrameworkFileError as error:
            count = len(error.problems)
            problems = "1 problem" if count == 1 else f"{count} problems"
            lines = [f"{path}: {problems}; nothing was imported."]
            lines += [f"  {problem}" for problem in error.problems]
            raise CommandError("\n".join(lines)) from None
        framework = outcome.framework
        verb = "Imported" if outcome.created else "Already loaded, unchanged:"
        self.stdout.write(
            f"{verb} {framework.slug} {framework.version}: {data.name} "
            f"({len(data.domains)} domains, {data.statement_count} statements, "
            f"{framework.get_status_display().lower()})"
        )
