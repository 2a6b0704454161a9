"""Reads for pages, reports and other apps.

Other apps need only `can_view` (may this person see this evaluation?) and
`can_view_report` (this 360° report?); both honour withdrawn shares at once.
"""

from .access import can_edit, can_view, can_view_report

__all__ = ["can_edit", "can_view", "can_view_report"]
