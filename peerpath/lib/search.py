"""Search that matches what people type: any case, with or without accents.

Welsh writes ŵ, ŷ, â and friends, and many people leave them off when they search ("gwyl"
for "Gŵyl"). SQLite's LIKE also folds only ASCII letters' case. So text to be searched is
kept folded in a column of its own, and the words searched for are folded the same way.
"""

import unicodedata

from django.db import models


def fold(text: str) -> str:
    """`text` without accents, in one case: "Gŵyl Café" → "gwyl cafe"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold()


class FoldedTextField(models.TextField):
    """A copy of other fields' text, folded, made whenever the row is saved (bulk_create
    too). A save(update_fields=…) naming any of them must name this field as well."""

    def __init__(self, *args, sources: tuple[str, ...] = (), **kwargs):
        self.sources = tuple(sources)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["sources"] = self.sources
        for key, value in (("editable", False), ("blank", True), ("default", "")):
            if kwargs.get(key, value) == value:
                kwargs.pop(key, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = fold(" ".join(getattr(model_instance, name) or "" for name in self.sources))
        setattr(model_instance, self.attname, value)
        return value
