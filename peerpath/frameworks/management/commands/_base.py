from django.core.management.base import BaseCommand


class FrameworkCommand(BaseCommand):
    """Frees `--version` (Django's "print Django's version") for a framework's version."""

    def add_base_argument(self, parser, *args, **kwargs):
        if "--version" in args:
            return
        super().add_base_argument(parser, *args, **kwargs)
