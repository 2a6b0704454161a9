"""Which evidence files a portfolio accepts, checked by what the file is, not what it is called.

A file must have an allowed extension AND start with the bytes that kind of file starts
with, so a web page renamed to .pdf is refused. Files are always downloaded, never shown
inline, so even an allowed file cannot run script in the site's origin.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word, Excel and PowerPoint files


@dataclass(frozen=True)
class FileKind:
    label: object  # a lazily translated name, e.g. "Word document"
    content_type: str
    magic: tuple[bytes, ...] = ()  # empty: plain text, checked by decoding instead


KINDS = {
    "pdf": FileKind(_l("PDF"), "application/pdf", (b"%PDF-",)),
    "png": FileKind(_l("PNG image"), "image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": FileKind(_l("JPEG image"), "image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": FileKind(_l("JPEG image"), "image/jpeg", (b"\xff\xd8\xff",)),
    "gif": FileKind(_l("GIF image"), "image/gif", (b"GIF87a", b"GIF89a")),
    "docx": FileKind(
        _l("Word document"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (ZIP,),
    ),
    "xlsx": FileKind(
        _l("Excel spreadsheet"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (ZIP,),
    ),
    "pptx": FileKind(
        _l("PowerPoint presentation"),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (ZIP,),
    ),
    "odt": FileKind(_l("OpenDocument text"), "application/vnd.oasis.opendocument.text", (ZIP,)),
    "ods": FileKind(
        _l("OpenDocument spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet", (ZIP,)
    ),
    "odp": FileKind(
        _l("OpenDocument presentation"), "application/vnd.oasis.opendocument.presentation", (ZIP,)
    ),
    "doc": FileKind(_l("Word document"), "application/msword", (OLE,)),
    "xls": FileKind(_l("Excel spreadsheet"), "application/vnd.ms-excel", (OLE,)),
    "ppt": FileKind(_l("PowerPoint presentation"), "application/vnd.ms-powerpoint", (OLE,)),
    "txt": FileKind(_l("Text file"), "text/plain"),
    "csv": FileKind(_l("CSV file"), "text/csv"),
    "md": FileKind(_l("Text file"), "text/markdown"),
}


def max_bytes() -> int:
    return getattr(settings, "PORTFOLIO_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)


def allowed_extensions() -> str:
    """For hints: "PDF, DOCX, …"."""
    return ", ".join(ext.upper() for ext in KINDS if ext != "jpeg")


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(head) - 3
    return True


def check_evidence_file(name: str, size: int, head: bytes) -> FileKind:
    """The kind of an acceptable file; ValidationError with a message a person can act on."""
    limit = max_bytes()
    if size > limit:
        raise ValidationError(
            _("The file must be smaller than %(mb)s MB (this one is %(size)s MB).")
            % {"mb": limit // 1_048_576, "size": f"{size / 1_048_576:.1f}"},
            code="too-big",
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    kind = KINDS.get(extension_of(name))
    if kind is None:
        raise ValidationError(
            _("The file must be one of these types: %(types)s.") % {"types": allowed_extensions()},
            code="type",
        )
    matches = any(head.startswith(magic) for magic in kind.magic) if kind.magic else None
    if matches is False or (matches is None and not _looks_like_text(head)):
        raise ValidationError(
            _("The file is called .%(ext)s but is not a %(label)s. Save it again as that type.")
            % {"ext": extension_of(name), "label": kind.label},
            code="content",
        )
    return kind
