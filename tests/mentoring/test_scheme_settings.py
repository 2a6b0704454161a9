"""The scheme settings form lists organisations only when the scheme is for listed ones."""

import pytest
from django.urls import reverse

from peerpath.mentoring.models import Scheme
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_organisation_checkboxes_show_only_for_a_scheme_of_listed_organisations(
    scheme, bob, client_for
):
    other = OrganisationFactory(name="Riverside Libraries")
    url = reverse("mentoring:scheme-manage", kwargs={"slug": scheme.slug})
    client = client_for(bob)
    assert scheme.open_to == Scheme.OpenTo.ANY
    assert 'name="scheme-member_organisations"' not in client.get(url).text

    scheme.open_to = Scheme.OpenTo.LISTED
    scheme.save()
    scheme.member_organisations.set([other])
    assert 'name="scheme-member_organisations"' in client.get(url).text


def test_ticked_organisations_are_kept_when_the_checkboxes_are_not_shown(scheme, bob, client_for):
    from peerpath.mentoring.forms.schemes import SchemeForm

    other = OrganisationFactory(name="Riverside Libraries")
    scheme.member_organisations.set([other])
    form = SchemeForm(instance=scheme, prefix="scheme")
    html = str(form["member_organisations"])
    assert 'type="hidden"' in html and f'value="{other.pk}"' in html
    assert "checkbox" not in html


def test_choosing_listed_organisations_asks_for_ticks_with_the_checkboxes(scheme, bob, client_for):
    from peerpath.mentoring.forms.schemes import SchemeForm

    OrganisationFactory(name="Riverside Libraries")
    data = {
        f"scheme-{name}": value
        for name, value in SchemeForm(instance=scheme, prefix="scheme").initial.items()
        if value is not None and not isinstance(value, list)
    }
    data["scheme-open_to"] = Scheme.OpenTo.LISTED
    form = SchemeForm(data, instance=scheme, prefix="scheme")
    assert not form.is_valid()
    assert "member_organisations" in form.errors
    assert 'type="checkbox"' in str(form["member_organisations"])
