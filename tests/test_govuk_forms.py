"""Every field of our forms renders as a GOV.UK component, including fields a form adds in
its own __init__ (one comment box per claimed item, one question per round...)."""

from django import forms

from peerpath.lib.forms import Form


class PerItemForm(Form):
    name = forms.CharField(label="Your name", help_text="As others know you")

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"comment-{item}"] = forms.CharField(
                label=f"Comment on {item}", widget=forms.Textarea(attrs={"rows": 3})
            )
            self.fields[f"count-{item}"] = forms.IntegerField(
                label=f"How many for {item}", help_text="A whole number"
            )


def test_fields_added_after_the_form_is_made_are_styled_like_the_others():
    html = str(PerItemForm(items=["A.1"]))

    assert 'class="govuk-textarea"' in html
    assert 'class="govuk-input"' in html
    assert 'aria-describedby="count-A.1-hint"' in html
    assert 'aria-describedby="name-hint"' in html


def test_an_invalid_added_field_shows_its_error_state():
    form = PerItemForm(data={"name": "Sam", "count-A.1": "many"}, items=["A.1"])

    assert not form.is_valid()
    html = str(form)
    assert 'class="govuk-textarea govuk-textarea--error"' in html
    assert 'class="govuk-input govuk-input--error"' in html
    assert 'aria-describedby="count-A.1-hint count-A.1-error"' in html
    assert [anchor for anchor, _message in form.error_summary_items()] == [
        "id_comment-A.1",
        "id_count-A.1",
    ]


def test_styling_twice_changes_nothing():
    form = PerItemForm(items=["A.1"])
    first = str(form)

    assert str(form) == first
    assert form.fields["comment-A.1"].widget.attrs["class"] == "govuk-textarea"
