"""What a browser and a screen reader need from any page's markup, checked without one.

Two mistakes that axe-core no longer reports but people notice: an `id` used twice (a
label or an error summary link goes to the wrong field) and a form with two fields of the
same name (the browser sends both and the server keeps the last, so what someone typed in
the first is lost without a word). Radios, checkboxes and buttons share names by design.
"""

from collections import Counter
from html.parser import HTMLParser

SHARED_NAMES = {"radio", "checkbox", "submit", "button", "image", "reset"}


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.forms: list[Counter[str]] = [Counter()]  # [0]: fields outside any form
        self.fields = self.forms[0]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        if tag == "form":
            self.fields = Counter()
            self.forms.append(self.fields)
        elif tag in {"input", "select", "textarea"} and attrs.get("name"):
            self.fields[attrs["name"]] += tag != "input" or attrs.get("type") not in SHARED_NAMES

    def handle_endtag(self, tag):
        if tag == "form":
            self.fields = self.forms[0]


def structure_problems(html: str) -> list[str]:
    """Ids used more than once and fields named twice in one form."""
    parser = _Structure()
    parser.feed(html)
    problems = [f'id "{name}" is used {n} times' for name, n in parser.ids.items() if n > 1]
    for fields in parser.forms:
        problems += [f'two fields are named "{name}"' for name, n in fields.items() if n > 1]
    return problems
