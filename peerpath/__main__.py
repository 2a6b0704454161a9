"""The `peerpath` console script: Django's manage.py with our settings and dashed names.

`peerpath import-framework FILE` runs the `import_framework` management command, so the
commands read like the rest of the documentation while staying valid Python modules.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerpath.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    argv[0] = "peerpath"
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
