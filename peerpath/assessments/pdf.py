"""The 360° report as a PDF, printed by WeasyPrint from the same report data as the page."""

from django.template.loader import render_to_string


def report_pdf_html(report, chart, *, request=None) -> str:
    """The HTML that becomes the PDF. Tests read it to check what the PDF may contain."""
    return render_to_string(
        "assessments/pdf/report.html", {"report": report, "chart": chart}, request=request
    )


def report_pdf_bytes(report, chart, *, request=None) -> bytes:
    from weasyprint import CSS, HTML

    stylesheet = CSS(string=render_to_string("assessments/pdf/report.css"))
    html = HTML(string=report_pdf_html(report, chart, request=request))
    return html.write_pdf(stylesheets=[stylesheet])
