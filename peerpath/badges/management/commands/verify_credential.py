"""`peerpath verify-credential FILE`: check a badge; exit 0 only when it is valid.

FILE is a baked PNG or SVG, a .json credential or a .jwt/.jws file; "-" reads standard
input. The outcome and reason are printed; --json prints the full result.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from peerpath.badges.verification import verify


class Command(BaseCommand):
    help = "Check an Open Badge (PNG, SVG, JSON or JWT). Exits 0 only if it is valid."

    def add_arguments(self, parser):
        parser.add_argument("file", help='the badge file, or "-" for standard input')
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        result = verify(data)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
        else:
            style = self.style.SUCCESS if result.is_valid else self.style.ERROR
            self.stdout.write(style(f"{result.outcome.upper()}: {result.reason}"))
            for check in result.checks:
                mark = "ok  " if check.passed else "FAIL"
                self.stdout.write(
                    f"  {mark} {check.label}{': ' + check.detail if check.detail else ''}"
                )
        if not result.is_valid:
            sys.exit(1)
