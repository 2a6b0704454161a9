"""Admin screens show rounds and anonymity rules for support, never anyone's answers.

Responses, ratings and comments are deliberately not registered, and raters appear only
as a count: no admin screen can say who answered or what anyone said.
"""

from django.contrib import admin

from .models import AnonymityPolicy, FeedbackRound


@admin.register(AnonymityPolicy)
class AnonymityPolicyAdmin(admin.ModelAdmin):
    list_display = [
        "organisation",
        "min_line_manager",
        "min_peer",
        "min_direct_report",
        "min_other",
        "updated_at",
    ]
    readonly_fields = ["updated_at", "updated_by"]


@admin.register(FeedbackRound)
class FeedbackRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "subject", "framework", "status", "closes_on", "rater_count"]
    list_filter = ["status"]
    search_fields = ["title", "subject__email"]
    fields = [
        "title",
        "subject",
        "framework",
        "status",
        "closes_on",
        "created_at",
        "launched_at",
        "closed_at",
        "min_line_manager",
        "min_peer",
        "min_direct_report",
        "min_other",
        "rater_count",
    ]
    readonly_fields = fields

    @admin.display(description="raters invited")
    def rater_count(self, round: FeedbackRound) -> int:
        return round.raters.count()

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
