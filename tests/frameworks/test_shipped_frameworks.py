"""The four frameworks from the seed documents load with the right shape and sources."""

import pytest

from peerpath.frameworks.formats import read_framework_file
from peerpath.frameworks.models import Framework
from peerpath.frameworks.shipped import load_shipped_frameworks, shipped_files

EXPECTED = {
    # slug: (domains, statements per domain, rated?)
    "cld-peer-self-evaluation": (8, [8, 7, 4, 7, 8, 4, 5, 7], True),
    "peer-support-discussion-themes": (1, [8], False),
    "six-leadership-capabilities": (6, [4, 5, 3, 4, 3, 3], True),
    "cpd-standard-wales": (3, [3, 20, 7], True),
}


def test_the_four_seed_frameworks_ship_as_data_files():
    slugs = {read_framework_file(p.name, p.read_bytes())[0].slug for p in shipped_files()}
    assert slugs == set(EXPECTED)


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_each_seed_framework_loads_with_its_domains_and_statements(shipped_frameworks, slug):
    domains, per_domain, rated = EXPECTED[slug]
    framework = Framework.objects.get(slug=slug, is_current=True)
    assert framework.domains.count() == domains
    assert [d.statements.count() for d in framework.domains.order_by("position")] == per_domain
    assert framework.is_rated is rated
    assert framework.source_title and framework.licence, "every shipped file names its source"


def test_the_self_evaluation_uses_the_four_confidence_levels(shipped_frameworks):
    framework = Framework.objects.get(slug="cld-peer-self-evaluation")
    labels = list(framework.rating_scale.levels.values_list("label", flat=True))
    assert labels == ["Less confident", "Quite confident", "Confident", "Very confident"]
    assert all(d.evidence_prompt for d in framework.domains.all())


def test_loading_the_shipped_frameworks_twice_changes_nothing(shipped_frameworks):
    before = Framework.objects.count()
    outcomes = load_shipped_frameworks()
    assert not any(outcome.created for outcome in outcomes)
    assert Framework.objects.count() == before


def test_the_23_things_attribution_is_kept(shipped_frameworks):
    framework = Framework.objects.get(slug="six-leadership-capabilities")
    assert "Scottish Social Services Council" in framework.attribution
    assert "CC BY 4.0" in framework.licence
