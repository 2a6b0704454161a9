"""Telling a file of the wrong kind from a broken one, and saying in words why JSON is broken.

Used by the framework and the programme imports, so that a picture, a PDF, a workbook or a
web page gets one plain message instead of a list of parse errors it cannot explain.
"""

import json

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The first bytes of files people pick by mistake: PNG, JPEG, GIF, PDF, ZIP (xlsx, docx, odt),
# old Office (xls, doc), RTF.
SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
UTF8_MARK = b"\xef\xbb\xbf"
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
TEXT_CONTROLS = set(b"\t\n\r\f")


def is_wrong_kind(content: bytes) -> bool:
    """True for binary files and for XML, HTML or RTF: clearly not JSON or CSV.

    Text in another encoding than UTF-8 (a Windows CSV, a UTF-16 export) is not caught
    here: it is the right file saved the wrong way, and its reader says how to save it.
    """
    head = content[:4096]
    if head.startswith(UTF16_MARKS):
        return False
    if head.startswith(SIGNATURES) or b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in TEXT_CONTROLS)
    if controls > len(head) // 100:
        return True
    start = head.removeprefix(UTF8_MARK).lstrip()
    return start.startswith((b"<", b"{\\rtf"))


# Python's own reasons are English; these say the same in the page's language.
BAD_ESCAPE = gettext_lazy(
    "This is not valid JSON: a backslash here does not start a known escape; "
    "write a backslash as \\\\."
)
TRAILING_COMMA = gettext_lazy(
    "This is not valid JSON: remove the comma before the closing bracket."
)
JSON_REASONS = {
    "Expecting value": gettext_lazy(
        "This is not valid JSON: a value is missing here, or the file is not JSON."
    ),
    "Expecting ',' delimiter": gettext_lazy("This is not valid JSON: a comma is missing here."),
    "Expecting ':' delimiter": gettext_lazy(
        "This is not valid JSON: a colon is missing after the name here."
    ),
    "Expecting property name enclosed in double quotes": gettext_lazy(
        "This is not valid JSON: a name in double quotes is expected here. "
        "Check for a comma after the last item."
    ),
    "Unterminated string starting at": gettext_lazy(
        "This is not valid JSON: the text starting here has no closing double quote."
    ),
    "Invalid control character at": gettext_lazy(
        "This is not valid JSON: text in double quotes cannot hold a line break or a tab here; "
        "write them as \\n and \\t."
    ),
    "Invalid \\escape": BAD_ESCAPE,
    "Invalid \\uXXXX escape": BAD_ESCAPE,
    "Extra data": gettext_lazy(
        "This is not valid JSON: there is more after the end of the JSON object."
    ),
    # Python 3.13 and later
    "Illegal trailing comma before end of object": TRAILING_COMMA,
    "Illegal trailing comma before end of array": TRAILING_COMMA,
}


def json_reason(error: json.JSONDecodeError) -> str:
    """Why `error` happened, in words of the page's language (its line and column go apart)."""
    reason = JSON_REASONS.get(error.msg)
    return str(reason) if reason else _("This is not valid JSON.")
