"""Evidence attached to an entry: files kept in private storage, or links."""

import hashlib

from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from ..evidence_files import check_evidence_file
from ..models import Evidence, LearningEntry


def _safe_name(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    try:
        cleaned = get_valid_filename(base)
    except SuspiciousFileOperation:  # a name such as "" or ".."
        cleaned = "evidence"
    if len(cleaned) > 150:
        stem, _dot, ext = cleaned.rpartition(".")
        cleaned = f"{stem[:140]}.{ext[:9]}" if stem else cleaned[:150]
    return cleaned


def evidence_add_file(*, entry: LearningEntry, upload: File, title: str = "") -> Evidence:
    """Keep an uploaded file as evidence for `entry`.

    Guarantees: the size and type limits hold (checked on the content, not only the name);
    the stored name is safe; a file whose row fails to save is deleted again. (A caller
    that rolls back a larger transaction deletes what it wrote: see transfer.importing.)
    """
    name = _safe_name(upload.name or "evidence")
    upload.seek(0)
    head = upload.read(2048)
    kind = check_evidence_file(name, upload.size, head)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        evidence = Evidence(
            entry=entry,
            title=title[:200],
            original_name=name,
            content_type=kind.content_type,
            size=upload.size,
            sha256=digest.hexdigest(),
        )
        evidence.file.save(name, upload, save=False)
        try:
            evidence.save()
        except Exception:
            default_storage.delete(evidence.file.name)
            raise
    return evidence


def evidence_add_bytes(*, entry: LearningEntry, name: str, content: bytes, title: str = ""):
    """Like evidence_add_file, for files that arrive as bytes (an imported portfolio)."""
    upload = ContentFile(content, name=name)
    return evidence_add_file(entry=entry, upload=upload, title=title)


def evidence_add_link(*, entry: LearningEntry, url: str, title: str = "") -> Evidence:
    """Keep a link (a blog post, a certificate online) as evidence for `entry`."""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            _("Enter a web address that starts with https:// or http://"), code="url"
        ) from None
    return Evidence.objects.create(entry=entry, url=url[:500], title=title[:200])


def evidence_remove(*, evidence: Evidence) -> None:
    """Remove one piece of evidence; a file is deleted once the removal has committed."""
    with transaction.atomic():
        if evidence.file:
            delete_files_on_commit([evidence.file.name])
        evidence.delete()


def delete_files_on_commit(names: list[str]) -> None:
    """Delete stored files after the surrounding transaction commits (never before)."""

    def delete():
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete)
