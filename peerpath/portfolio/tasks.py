"""Background work for portfolios: tasks take ids, load, and call a service."""

from django.tasks import task

from .models import PortfolioExport
from .services.exports import portfolio_export_build


@task()
def build_portfolio_export(export_id: int) -> None:
    export = PortfolioExport.objects.filter(pk=export_id).select_related("owner").first()
    if export is not None:
        portfolio_export_build(export=export)
