"""Rules every page template keeps, checked on the files themselves."""

import re
from pathlib import Path

import peerpath

TEMPLATES = Path(peerpath.__file__).parent / "templates"
TABLE = re.compile(r'(<div class="pp-table-scroll">\s*)?<table class="govuk-table')


def test_every_table_on_a_page_scrolls_in_its_own_box():
    """A table wider than a phone must scroll inside its box, not drag the page sideways
    (tests/browser/test_reflow.py sees only the tables its data makes wide)."""
    bare = [
        f"{path.relative_to(TEMPLATES)}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        if "pdf" not in path.parts
        for text in [path.read_text()]
        for match in TABLE.finditer(text)
        if not match.group(1)
    ]

    assert bare == [], 'wrap these in <div class="pp-table-scroll">: ' + ", ".join(bare)


def test_every_page_with_an_error_summary_starts_its_title_with_error():
    """GOV.UK's pattern: when a form has errors the page title begins "Error:", so a screen
    reader says so before anything else."""
    missing = [
        str(path.relative_to(TEMPLATES))
        for path in sorted(TEMPLATES.rglob("*.html"))
        for text in [path.read_text()]
        if "includes/error_summary.html" in text
        and not re.search(r"\{% block title %\}[^\n]*Error:", text)
    ]

    assert missing == []
