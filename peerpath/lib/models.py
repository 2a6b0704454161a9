"""The base of Peerpath's models."""

from django.db import models
from django.utils.encoding import force_str


class Model(models.Model):
    """A Django model whose `get_FOO_display()` looks the label up rather than translating
    every label of the field first.

    Django's own hashes the field's choices on each call, and hashing a lazily translated
    label translates it: a table of a hundred rows showing a status translated a thousand
    labels to show a hundred. Labels here are gathered once per field, still lazy, so only
    the one shown is translated, in the language of the request. Abstract, so migrations
    do not see it.
    """

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        try:
            labels = field.__dict__.get("_peerpath_labels")
            if labels is None:
                labels = field.__dict__["_peerpath_labels"] = dict(field.flatchoices)
            label = labels.get(value, value)
        except TypeError:  # unhashable values: Django's own way copes with them
            return super()._get_FIELD_display(field)
        return force_str(label, strings_only=True)
