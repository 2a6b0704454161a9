"""Unsaved long text, kept on the server while a person types.

Reflections take time to write and sessions time out. Every autosaving text box sends
its text here every few seconds and on leaving the box; the page that owns the text
offers the draft back until the real record is saved. A copy is also kept in the
browser, so text typed after a session ends is not lost either (see autosave.mjs).
"""

from django.conf import settings
from django.db import models

from peerpath.lib.models import Model


class Draft(Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    key = models.CharField(max_length=200)
    text = models.TextField(max_length=100_000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="draft_owner_key_unique"),
        ]

    def __str__(self) -> str:
        return f"Draft {self.key} of {self.owner}"
