"""`get_FOO_display()` on Peerpath's models (peerpath/lib/models.py) says exactly what
Django's own would, for every choice of every model, in English and in Welsh."""

import pytest
from django.apps import apps
from django.db.models import Model as DjangoModel
from django.utils import translation

from peerpath.lib.models import Model

FIELDS = [
    (model, field)
    for model in apps.get_models()
    if issubclass(model, Model)
    for field in model._meta.concrete_fields
    if field.choices
]


def test_the_models_with_choices_are_found():
    assert len({model for model, _field in FIELDS}) >= 20
    assert len(FIELDS) >= 40


@pytest.mark.parametrize("language", ["en-gb", "cy"])
def test_every_label_is_djangos_own(language):
    checked = 0
    with translation.override(language):
        for model, field in FIELDS:
            for value, _label in field.flatchoices:
                instance = model(**{field.attname: value})
                ours = getattr(instance, f"get_{field.name}_display")()
                assert ours == DjangoModel._get_FIELD_display(instance, field), (model, field)
                assert isinstance(ours, str)
                checked += 1
    assert checked >= 150


def test_a_value_without_a_label_is_shown_as_it_is():
    model, field = next((m, f) for m, f in FIELDS if f.get_internal_type() == "CharField")
    instance = model(**{field.attname: "not-a-choice"})
    assert getattr(instance, f"get_{field.name}_display")() == "not-a-choice"


def test_welsh_labels_differ_from_english():
    pairing = next(m for m, f in FIELDS if m.__name__ == "Pairing" and f.name == "status")
    instance = pairing(status="active")
    english = instance.get_status_display()
    with translation.override("cy"):
        assert instance.get_status_display() != english
    assert instance.get_status_display() == english
