"""Importing frameworks: all or nothing, immutable versions, one owner per slug."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peerpath.frameworks.formats import FrameworkFileError, read_framework_file
from peerpath.frameworks.models import Framework, Statement
from peerpath.frameworks.services import framework_import, framework_publish

CSV = (
    "domain_code,domain_name,statement_code,statement_text\n"
    "VAL,Values,VAL.1,We listen first\n"
    "VAL,Values,VAL.2,{second}\n"
)


def values(version="1", second="We keep our promises", slug="northfold-values"):
    data, _ = read_framework_file(
        "v.csv",
        CSV.format(second=second).encode(),
        overrides={"slug": slug, "name": "Northfold values", "version": version},
    )
    return data


def test_a_newer_version_becomes_current_and_the_old_one_stays_readable(org):
    first = framework_import(data=values("1"), owner=org).framework
    old_statement = Statement.objects.get(framework=first, code="VAL.2")
    second = framework_import(data=values("2", second="We keep promises we make"), owner=org)
    first.refresh_from_db()
    assert second.framework.is_current and not first.is_current
    assert Statement.objects.get(pk=old_statement.pk).text == "We keep our promises"
    assert Statement.objects.get(framework=second.framework, code="VAL.2").text == (
        "We keep promises we make"
    )


def test_an_older_version_imported_late_does_not_become_current(org):
    framework_import(data=values("2.0"), owner=org)
    late = framework_import(data=values("1.9", second="Older wording"), owner=org).framework
    assert not late.is_current
    assert Framework.objects.get(slug="northfold-values", is_current=True).version == "2.0"


def test_version_numbers_compare_as_numbers(org):
    framework_import(data=values("1.9"), owner=org)
    framework_import(data=values("1.10", second="Newer"), owner=org)
    assert Framework.objects.get(slug="northfold-values", is_current=True).version == "1.10"


def test_a_published_version_cannot_be_changed_by_reimporting_it(org):
    framework_import(data=values("1"), owner=org)
    with pytest.raises(FrameworkFileError) as caught:
        framework_import(data=values("1", second="Changed"), owner=org)
    assert "already published with different content" in str(caught.value)
    assert Statement.objects.get(code="VAL.2").text == "We keep our promises"


def test_a_draft_is_replaced_by_a_corrected_upload(org):
    framework_import(data=values("1"), owner=org, publish=False)
    framework_import(data=values("1", second="Corrected"), owner=org, publish=False)
    assert Framework.objects.filter(slug="northfold-values").count() == 1
    assert Statement.objects.get(code="VAL.2").text == "Corrected"


def test_another_organisation_cannot_take_over_a_slug(org, other_org):
    framework_import(data=values("1"), owner=org)
    with pytest.raises(FrameworkFileError, match="another organisation"):
        framework_import(data=values("2"), owner=other_org)
    assert Framework.objects.filter(slug="northfold-values").count() == 1


def test_a_failed_import_writes_nothing(org, monkeypatch):
    from peerpath.frameworks import services

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.Statement.objects, "bulk_create", explode)
    with pytest.raises(RuntimeError):
        framework_import(data=values("1"), owner=org)
    assert not Framework.objects.exists()


def test_publishing_a_draft_makes_it_current(org):
    draft = framework_import(data=values("1"), owner=org, publish=False).framework
    assert draft.status == Framework.Status.DRAFT and not draft.is_current
    framework_publish(framework=draft)
    draft.refresh_from_db()
    assert draft.is_current and draft.published_at is not None


def test_importing_a_large_framework_uses_a_constant_number_of_queries(org):
    rows = "".join(
        f"D{d},Domain {d},D{d}.{s},Statement {d}.{s}\n" for d in range(20) for s in range(25)
    )
    data, _ = read_framework_file(
        "big.csv",
        ("domain_code,domain_name,statement_code,statement_text\n" + rows).encode(),
        overrides={"slug": "big", "name": "Big", "version": "1"},
    )
    with CaptureQueriesContext(connection) as queries:
        framework_import(data=data, owner=org)
    assert Statement.objects.filter(framework__slug="big").count() == 500
    assert len(queries) < 25
