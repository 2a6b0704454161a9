"""`peerpath backup`: a consistent copy of the database and uploaded files.

SQLite is copied with its online backup API (safe while the site runs, WAL included);
PostgreSQL is dumped with pg_dump in its custom format. Uploaded files go into a tar.gz
beside it. Restore: stop the site, put the files back (pg_restore for PostgreSQL).
"""

import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone


class Command(BaseCommand):
    help = "Back up the database and uploaded files into a dated folder."

    def add_arguments(self, parser):
        parser.add_argument("--to", type=Path, default=None, help="Default: DATA_DIR/backups")

    def handle(self, *args, **options):
        stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M%S")
        target = (options["to"] or settings.DATA_DIR / "backups") / stamp
        target.mkdir(parents=True, exist_ok=False)
        if connection.vendor == "sqlite":
            self._sqlite(target / "peerpath.sqlite3")
        elif connection.vendor == "postgresql":
            self._postgres(target / "peerpath.pgdump")
        else:
            raise CommandError(f"No backup method for {connection.vendor}")
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
                archive.add(media, arcname="media")
        self.stdout.write(f"Backed up to {target}")

    def _sqlite(self, destination: Path) -> None:
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(destination)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()

    def _postgres(self, destination: Path) -> None:
        if shutil.which("pg_dump") is None:
            raise CommandError("pg_dump is not installed (Debian: postgresql-client)")
        db = settings.DATABASES["default"]
        command = [
            "pg_dump",
            "--format=custom",
            f"--file={destination}",
            f"--host={db.get('HOST') or 'localhost'}",
            f"--port={db.get('PORT') or 5432}",
            f"--username={db.get('USER') or ''}",
            db["NAME"],
        ]
        environment = {"PGPASSWORD": db.get("PASSWORD") or ""}
        result = subprocess.run(command, env=environment, capture_output=True, text=True)  # noqa: S603
        if result.returncode != 0:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
