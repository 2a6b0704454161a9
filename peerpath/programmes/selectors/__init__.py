"""Reads for programme pages, reports and other apps. None of these change anything."""
