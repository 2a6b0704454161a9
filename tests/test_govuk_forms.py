"""Every field of our forms renders as a GOV.UK component, including fields a form adds in
its own __init__ (one comment box per claimed item, one question per round...)."""

from django import forms
from django.urls import reverse
from django.utils import translation

from peerpath.lib.forms import Form
from peerpath.programmes.forms import EventForm


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


class EveryKindForm(Form):
    name = forms.CharField(label="Your name")
    colour = forms.ChoiceField(
        label="Favourite colour?",
        choices=[("", "- Select an option -"), ("red", "Red"), ("blue", "Blue")],
        widget=forms.RadioSelect,
    )
    team = forms.ChoiceField(label="Team", choices=[("", "---"), ("a", "A")])
    agree = forms.BooleanField(label="I agree")
    reason = forms.CharField(label="Reason", error_messages={"required": "Say why."})
    unnamed = forms.CharField()


def test_a_missing_answer_is_named_beside_its_field_and_in_the_summary():
    form = EveryKindForm(data={})

    assert not form.is_valid()
    assert form.error_summary_items() == [
        ("id_name", "“Your name” is required"),
        ("id_colour_0", "Choose an answer for “Favourite colour?”"),
        ("id_team", "Choose an answer for “Team”"),
        ("id_agree", "Tick “I agree”"),
        ("id_reason", "Say why."),
        ("id_unnamed", "“Unnamed” is required"),
    ]
    html = str(form)
    assert "“Your name” is required" in html
    assert "Choose an answer for “Favourite colour?”" in html
    assert "This field is required." not in html


def test_a_field_added_or_relabelled_in_init_is_named_by_its_final_label():
    form = PerItemForm(data={"name": ""}, items=["A.1"])
    form.fields["name"].label = "Name as others know you"

    assert not form.is_valid()
    assert form.errors["name"] == ["“Name as others know you” is required"]
    assert form.errors["comment-A.1"] == ["“Comment on A.1” is required"]


def test_missing_answer_messages_are_welsh_on_welsh_pages():
    with translation.override("cy"):
        form = EveryKindForm(data={})
        form.is_valid()
        assert form.errors["name"] == ["Mae angen “Your name”"]
        assert form.errors["colour"] == ["Dewiswch ateb ar gyfer “Favourite colour?”"]
        assert form.errors["agree"] == ["Ticiwch “I agree”"]


def test_an_empty_password_change_says_which_boxes_are_empty(client_for, alice):
    page = client_for(alice).post(reverse("accounts:password-change"), {"x": ""})

    summary = page.content.decode().split("govuk-error-summary__list")[1].split("</ul>")[0]
    assert "“Old password” is required" in summary
    assert "“New password” is required" in summary
    assert "“New password confirmation” is required" in summary
    assert "This field is required." not in summary


def test_a_required_radio_group_offers_no_blank_answer():
    html = str(EveryKindForm())

    assert 'type="radio" name="colour" value=""' not in html
    assert '<option value="" selected>---</option>' in html  # a dropdown keeps its blank


def test_a_required_model_radio_group_offers_no_blank_answer(masterclasses):
    html = str(EventForm(programme=masterclasses))

    assert 'name="kind" value=""' not in html
    assert 'name="kind" value="masterclass"' in html


def test_the_blank_choice_of_a_dropdown_is_welsh_on_welsh_pages(masterclasses):
    with translation.override("cy"):
        html = str(EventForm(programme=masterclasses)["module"])

    assert "- Dewiswch opsiwn -" in html
    assert "Select an option" not in html
