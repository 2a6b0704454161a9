"""Certificates of completion as PDF, made with WeasyPrint from a template."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from .models import Enrolment, ProgrammeCompletion
from .services.awards import completion_criteria


def certificate_pdf(completion: ProgrammeCompletion) -> bytes:
    """A one-page certificate naming the person, the programme, the date and the rules met."""
    programme = completion.programme
    attended = (
        Enrolment.objects.filter(
            event__programme=programme, participant=completion.participant, attended=True
        )
        .select_related("event__module")
        .order_by("event__starts_at")
    )
    html = render_to_string(
        "programmes/certificate_pdf.html",
        {
            "completion": completion,
            "programme": programme,
            "person": completion.participant,
            "issuer": programme.owner.name if programme.owner else settings.SITE_NAME,
            "completed_on": timezone.localdate(completion.completed_at),
            "rule": completion_criteria(programme),
            "attended": attended,
            "modules": programme.modules.exclude(accreditation=""),
        },
    )
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()
