"""Making a portfolio PDF or zip in the background, and keeping only the latest."""

import logging
import tempfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import PortfolioExport
from ..privacy import write_personal_data_zip
from ..transfer.exporting import write_portfolio_zip
from ..transfer.pdf import portfolio_pdf
from .evidence import delete_files_on_commit

log = logging.getLogger(__name__)


def portfolio_export_request(*, owner, kind: str) -> PortfolioExport:
    """Queue a new export of `kind`; earlier exports of the same kind are deleted.

    Guarantees: the background task is started only once the request is saved.
    """
    from ..tasks import build_portfolio_export  # here: the task module imports this one

    with transaction.atomic():
        earlier = PortfolioExport.objects.filter(owner=owner, kind=kind)
        delete_files_on_commit([e.file.name for e in earlier if e.file])
        earlier.delete()
        export = PortfolioExport.objects.create(
            owner=owner, kind=kind, stage=_("Waiting for a free moment on the server")
        )
        transaction.on_commit(lambda: build_portfolio_export.enqueue(export.pk))
    return export


def _step(export: PortfolioExport, stage: str, progress: int, **fields) -> None:
    export.stage, export.progress = stage, progress
    for name, value in fields.items():
        setattr(export, name, value)
    export.save(update_fields=["stage", "progress", *fields])


def portfolio_export_build(*, export: PortfolioExport) -> PortfolioExport:
    """Make the file and keep it privately; on failure, say so rather than wait forever."""
    if export.status != PortfolioExport.Status.QUEUED:
        return export  # already made (a task delivered twice)
    owner = export.owner
    _step(export, _("Gathering your portfolio"), 10, status=PortfolioExport.Status.RUNNING)
    try:
        with tempfile.TemporaryFile() as spool:
            if export.kind == PortfolioExport.Kind.PDF:
                _step(export, _("Laying out the pages"), 40)
                spool.write(portfolio_pdf(owner))
                name = "portfolio.pdf"
            elif export.kind == PortfolioExport.Kind.ZIP:
                _step(export, _("Packing your evidence files"), 40)
                write_portfolio_zip(owner, spool)
                name = "portfolio.zip"
            else:
                _step(export, _("Gathering everything we hold about you"), 40)
                write_personal_data_zip(owner, spool)
                name = "personal-data.zip"
            _step(export, _("Saving the file"), 90)
            spool.seek(0)
            export.file.save(name, File(spool), save=False)
            export.size = export.file.size
    except Exception:
        log.exception("Portfolio export %s failed", export.pk)
        _step(
            export,
            _("Something went wrong. Try again; if it fails again, tell your administrator."),
            0,
            status=PortfolioExport.Status.FAILED,
            finished_at=timezone.now(),
        )
        return export
    _step(
        export,
        _("Ready"),
        100,
        status=PortfolioExport.Status.READY,
        file=export.file,
        size=export.size,
        finished_at=timezone.now(),
    )
    return export
