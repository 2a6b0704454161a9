"""`peerpath match-file IN.json -o OUT.json`: run a match from a coordinator's file."""

from django.core.management.base import BaseCommand, CommandError

from peerpath.mentoring import matching_io
from peerpath.mentoring.matching import InvalidProblem, match


class Command(BaseCommand):
    help = "Match mentees with mentors from a JSON file (format: docs/matching-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("input", help="the matching file to read")
        parser.add_argument("-o", "--output", required=True, help="where to write the result")

    def handle(self, *args, **options):
        try:
            parsed = matching_io.read_matching_file(options["input"])
            result = match(parsed.problem)
        except (matching_io.InvalidFile, InvalidProblem) as error:
            raise CommandError("invalid matching file:\n" + "\n".join(error.errors)) from None
        matching_io.write_result(options["output"], parsed, result)
        unmatched = sum(u.side == "mentee" for u in result.unmatched)
        self.stdout.write(
            f"Matched {result.matched} mentees (total score {result.total_score:g}); "
            f"{unmatched} unmatched. Written to {options['output']}."
        )
