"""Evidence files: limited in size and type, kept privately, given only to their owner."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peerpath.portfolio.models import Evidence

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def upload(client, entry, name, content, **extra):
    url = reverse("portfolio:evidence-upload", args=[entry.pk])
    fields = {"file": SimpleUploadedFile(name, content), **extra}
    return client.post(url, {f"file-{key}": value for key, value in fields.items()})


def stored_files(media_root) -> list:
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


def test_a_pdf_certificate_is_kept_privately_and_given_back_to_its_owner_only(
    alice, bob, client_for, entry, private_media
):
    response = upload(client_for(alice), entry, "certificate.pdf", PDF, title="Certificate")
    assert response.status_code == 302
    evidence = Evidence.objects.get(entry=entry)
    assert (evidence.title, evidence.content_type, evidence.size) == (
        "Certificate",
        "application/pdf",
        len(PDF),
    )
    [path] = stored_files(private_media)
    assert path.read_bytes() == PDF
    assert "/media/" not in client_for(alice).get(entry.get_absolute_url()).content.decode()

    url = reverse("portfolio:evidence", args=[entry.pk, evidence.pk])
    download = client_for(alice).get(url)
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith('attachment; filename="certificate.pdf"')
    assert download["Cache-Control"] == "private, no-store"
    assert client_for(bob).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(
    alice, client_for, entry, private_media, settings
):
    settings.PORTFOLIO_EVIDENCE_MAX_BYTES = 1024
    response = upload(client_for(alice), entry, "big.pdf", PDF + b"0" * 2048)
    page = response.content.decode()
    assert response.status_code == 400
    assert "The file must be smaller than" in page and "govuk-error-summary" in page
    assert not Evidence.objects.exists()
    assert stored_files(private_media) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "The file must be one of these types"),
        ("page.html", b"<html><script>alert(1)</script>", "The file must be one of these types"),
        ("drawing.svg", b"<svg onload=alert(1)>", "The file must be one of these types"),
        ("report.pdf", b"<html><script>alert(1)</script>", "is not a PDF"),
        ("notes.txt", b"\x00\x01\x02binary", "is not a Text file"),
        ("empty.pdf", b"", "The submitted file is empty"),
    ],
)
def test_files_that_are_not_what_they_claim_or_not_allowed_are_refused(
    alice, client_for, entry, private_media, name, content, message
):
    response = upload(client_for(alice), entry, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Evidence.objects.exists() and stored_files(private_media) == []


def test_a_link_must_be_a_web_address(alice, client_for, entry):
    url = reverse("portfolio:evidence-link", args=[entry.pk])
    refused = client_for(alice).post(url, {"link-url": "javascript:alert(1)"})
    assert refused.status_code == 400 and "Enter a valid URL" in refused.content.decode()
    client_for(alice).post(
        url, {"link-url": "https://blog.example.org/thing-23", "link-title": "My blog"}
    )
    assert Evidence.objects.get(entry=entry).url == "https://blog.example.org/thing-23"


def test_removing_evidence_deletes_the_stored_file_once_the_removal_is_saved(
    alice, client_for, entry, private_media, django_capture_on_commit_callbacks
):
    upload(client_for(alice), entry, "notes.txt", "Notes from the day – café ☕".encode())
    evidence = Evidence.objects.get(entry=entry)
    assert len(stored_files(private_media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(reverse("portfolio:evidence-remove", args=[entry.pk, evidence.pk]))
    assert not Evidence.objects.exists()
    assert stored_files(private_media) == []


def test_deleting_an_entry_deletes_its_evidence_files(
    alice, client_for, entry, private_media, django_capture_on_commit_callbacks
):
    upload(client_for(alice), entry, "certificate.pdf", PDF)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(reverse("portfolio:entry-delete", args=[entry.pk]))
    assert stored_files(private_media) == []


def test_a_file_name_cannot_reach_outside_the_evidence_folder(
    alice, client_for, entry, private_media
):
    upload(client_for(alice), entry, "../../../etc/passwd.txt", b"root:x:0:0")
    [path] = stored_files(private_media)
    assert path.is_relative_to(private_media / "portfolio" / "evidence")
    assert Evidence.objects.get().original_name == "passwd.txt"
