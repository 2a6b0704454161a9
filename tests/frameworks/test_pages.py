"""Framework pages: browse, stable item addresses, downloads, and uploads by org admins."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from peerpath.frameworks.models import Framework

CSV = "domain_code,domain_name,statement_code,statement_text\nVAL,Values,VAL.1,We listen first\n"


def upload(client, org, content, filename="values.csv", **fields):
    return client.post(
        reverse("framework-upload", kwargs={"org_slug": org.slug}),
        {"file": SimpleUploadedFile(filename, content), **fields},
    )


def test_anyone_can_browse_the_shipped_frameworks(client, shipped_frameworks):
    page = client.get(reverse("frameworks:list")).content.decode()
    assert "CLD peer support self-evaluation" in page
    assert "Six leadership capabilities" in page


def test_every_statement_has_a_stable_address(client, shipped_frameworks):
    url = reverse(
        "frameworks:item",
        kwargs={"slug": "six-leadership-capabilities", "version": "1.0", "code": "VIS.1"},
    )
    assert url == "/frameworks/six-leadership-capabilities/1.0/items/VIS.1/"
    assert "Seeing how best to make a difference" in client.get(url).content.decode()
    latest = client.get("/frameworks/six-leadership-capabilities/items/VIS.1/")
    assert latest["Location"] == url


def test_a_framework_downloads_in_each_format(client, shipped_frameworks):
    for fmt, needle in [
        ("json", '"format": "peerpath-framework/1"'),
        ("csv", "domain_code"),
        ("moodle", "Is framework"),
        ("case", "CFDocument"),
    ]:
        response = client.get(
            reverse(
                "frameworks:export",
                kwargs={"slug": "cpd-standard-wales", "version": "1.0", "fmt": fmt},
            )
        )
        assert response.status_code == 200
        assert needle in response.content.decode()
        assert "attachment" in response["Content-Disposition"]


def test_an_org_admin_uploads_previews_and_publishes(client_for, carol, org):
    client = client_for(carol)
    response = upload(client, org, CSV.encode(), name="Northfold values", version="1")
    framework = Framework.objects.get(slug="northfold-values")
    assert response["Location"] == framework.get_absolute_url()
    assert framework.status == Framework.Status.DRAFT
    preview = client.get(framework.get_absolute_url()).content.decode()
    assert "This is a draft" in preview and "We listen first" in preview
    client.post(reverse("frameworks:publish", kwargs={"slug": "northfold-values", "version": "1"}))
    framework.refresh_from_db()
    assert framework.status == Framework.Status.PUBLISHED and framework.is_current


def test_a_draft_is_invisible_outside_its_organisation(client_for, carol, alice, dan, org):
    upload(client_for(carol), org, CSV.encode(), name="Northfold values", version="1")
    url = Framework.objects.get(slug="northfold-values").get_absolute_url()
    assert client_for(alice).get(url).status_code == 404
    assert client_for(dan).get(url).status_code == 404
    assert (
        "Northfold values" not in client_for(alice).get(reverse("frameworks:list")).content.decode()
    )


def test_a_bad_upload_lists_every_problem_and_saves_nothing(client_for, carol, org):
    bad = CSV + "VAL,Values,VAL.1,Again\nOTHER,,X Y,\n"
    response = upload(client_for(carol), org, bad.encode(), name="Northfold values", version="1")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "Nothing was saved" in page
    assert "line 3, code" in page and "is used twice" in page
    assert "line 4, name" in page
    assert not Framework.objects.filter(slug="northfold-values").exists()
    assert 'value="Northfold values"' in page, "the form keeps what was typed"


def test_a_welsh_upload_of_broken_json_lists_the_problems_in_welsh(client_for, carol, org):
    client = client_for(carol)
    client.cookies["django_language"] = "cy"
    broken = b'{"format": "peerpath-framework/1",\n "slug": "northfold-values",\n "name": }'
    page = upload(client, org, broken, filename="values.json").content.decode()
    assert "llinell 3, colofn 10" in page
    assert "Nid yw hwn yn JSON dilys: mae gwerth ar goll yma" in page
    assert "Expecting" not in page and "not valid JSON" not in page
    assert not Framework.objects.filter(slug="northfold-values").exists()


def test_a_welsh_upload_of_a_bad_spreadsheet_names_lines_in_welsh(client_for, carol, org):
    client = client_for(carol)
    client.cookies["django_language"] = "cy"
    bad = CSV + "OTHER,,X Y,\n"
    page = upload(client, org, bad.encode(), name="Northfold values", version="1").content.decode()
    assert "llinell 3, name" in page and "mae angen hwn ac ni all fod yn wag" in page
    assert "is required" not in page


@pytest.mark.parametrize(
    "filename, content",
    [
        ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"),
        ("values.xml", b'<?xml version="1.0"?>\n<framework><domain code="VAL"/></framework>\n'),
    ],
)
def test_a_picture_or_an_xml_file_is_named_as_the_wrong_kind_and_nothing_is_saved(
    client_for, carol, org, filename, content
):
    response = upload(client_for(carol), org, content, filename=filename, name="V", version="1")
    page = response.content.decode()
    assert "The file cannot be imported: 1 problem," in page
    assert (
        "This file is not a JSON or CSV file. Choose the framework file saved as .json or .csv."
        in (page)
    )
    assert "the header row needs" not in page and "not UTF-8 text" not in page
    assert not Framework.objects.exists()


@override_settings(FRAMEWORK_UPLOAD_MAX_BYTES=1024)
def test_an_oversized_upload_is_refused_with_the_sizes(client_for, carol, org):
    big = CSV + "".join(f"VAL,Values,VAL.{n},Statement {n}\n" for n in range(2, 200))
    page = upload(client_for(carol), org, big.encode(), name="V", version="1").content.decode()
    assert "the limit is 1 KB" in page
    assert not Framework.objects.exists()


def test_an_admin_can_discard_a_draft(client_for, carol, org):
    client = client_for(carol)
    upload(client, org, CSV.encode(), name="Northfold values", version="1")
    client.post(reverse("frameworks:discard", kwargs={"slug": "northfold-values", "version": "1"}))
    assert not Framework.objects.exists()


def test_a_published_version_cannot_be_discarded(client_for, carol, org):
    client = client_for(carol)
    upload(client, org, CSV.encode(), name="Northfold values", version="1")
    client.post(reverse("frameworks:publish", kwargs={"slug": "northfold-values", "version": "1"}))
    response = client.post(
        reverse("frameworks:discard", kwargs={"slug": "northfold-values", "version": "1"})
    )
    assert response.status_code == 403
    assert Framework.objects.filter(slug="northfold-values").exists()


def test_the_framework_page_uses_a_fixed_number_of_queries(
    client, shipped_frameworks, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get("/frameworks/cpd-standard-wales/1.0/")


def test_progression_levels_are_shown_when_a_framework_has_them(client, org):
    import json

    from peerpath.frameworks.formats import read_framework_file
    from peerpath.frameworks.services import framework_import

    raw = {
        "format": "peerpath-framework/1",
        "slug": "scqf-like",
        "name": "Levels",
        "version": "1",
        "progression_levels": [{"code": "L7", "name": "SCQF level 7", "description": "Higher"}],
        "domains": [
            {
                "code": "K",
                "name": "Knowledge",
                "statements": [{"code": "K.1", "text": "Knows the field"}],
            }
        ],
    }
    data, _ = read_framework_file("l.json", json.dumps(raw).encode())
    framework_import(data=data, owner=org)
    page = client.get("/frameworks/scqf-like/1/").content.decode()
    assert "Progression levels" in page and "SCQF level 7" in page
