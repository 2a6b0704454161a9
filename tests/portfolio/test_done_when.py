"""The issue's "done when", as one journey through the web pages: a participant records a
year of learning against the six capabilities and the CPD Standard, sees hours by
capability, exports to PDF and JSON, and the JSON imports into a fresh instance with
everything equal."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from peerpath.accounts.models import User
from peerpath.frameworks.models import Framework

pytestmark = pytest.mark.django_db

# month, type, hours, a six-capabilities element, a CPD Standard item
A_YEAR = [
    (1, "course", "7", "VIS.4", "KS.1"),
    (2, "reading", "3", "SELF.2", "PQV.1"),
    (3, "peer-session", "1.5", "SELF.4", "PQV.20"),
    (4, "masterclass", "4", "CREATE.3", "KS.2"),
    (5, "action-learning", "3", "COLLAB.1", "PC.7"),
    (6, "e-learning", "2", "SELF.5", "PC.2"),
    (7, "coaching", "1", "EMP.1", "PC.6"),
    (8, "secondment", "35", "COLLAB.2", "PC.1"),
    (9, "residential", "14", "MOT.1", "PQV.4"),
    (10, "exchange", "7", "EMP.4", "PQV.6"),
    (11, "qualification", "20", "VIS.1", "KS.3"),
]


def unpack(content: bytes) -> tuple[dict, dict]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        data = json.loads(archive.read("portfolio.json"))
        files = {n: archive.read(n) for n in archive.namelist() if n.startswith("evidence/")}
    data.pop("exported_at")
    return data, files


def test_a_year_of_learning_is_recorded_totalled_exported_and_imported_whole(
    alice, client_for, statement, today, tmp_path, made_file
):
    client = client_for(alice)
    for month, kind, hours, capability, standard in A_YEAR:
        response = client.post(
            reverse("portfolio:entry-new"),
            {
                "title": f"Learning in month {month}",
                "kind": kind,
                "date_0": "15",
                "date_1": str(month),
                "date_2": "2026",
                "hours": hours,
                "reflection": f"In month {month} I learned *something* that changed my practice.",
                "statements": [
                    statement(capability).pk,
                    statement(standard, "cpd-standard-wales").pk,
                ],
            },
        )
        assert response.status_code == 302
        entry_url = response["Location"]
    upload = io.BytesIO(b"%PDF-1.4\n% certificate\n%%EOF\n")
    upload.name = "certificate.pdf"
    client.post(entry_url + "evidence/upload/", {"file-file": upload, "file-title": "Certificate"})

    hours = client.get(reverse("portfolio:hours")).content.decode()
    assert "97.5 hours over 11 entries" in hours
    for capability in ["Vision", "Self-leadership", "Collaborating and influencing"]:
        assert capability in hours
    assert "Knowledge and skills" in hours and "Professional characteristics" in hours

    assert made_file(client, "pdf").startswith(b"%PDF-")
    exported = made_file(client, "zip")
    before = unpack(exported)
    assert len(before[0]["learning_entries"]) == 11 and len(before[1]) == 1

    # A fresh Peerpath: no people and no frameworks at all.
    path = tmp_path / "portfolio.zip"
    path.write_bytes(exported)
    User.objects.all().delete()
    Framework.objects.all().delete()
    call_command("import_portfolio", str(path), "--email", "alice@example.org", "--create-account")

    again = client_for(User.objects.get(email="alice@example.org"))
    after = unpack(made_file(again, "zip"))
    assert after == before
