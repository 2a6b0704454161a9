"""Site admin screens for mentoring. Private notes are not registered here, and no admin
screen shows them inline: a pair's notes are theirs alone, site admins included."""

from django.contrib import admin

from .models import (
    Application,
    Cohort,
    Pairing,
    Scheme,
    SchemeStaff,
    Session,
    TrainingSession,
)


class StaffInline(admin.TabularInline):
    model = SchemeStaff
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "owner", "open_to"]
    list_filter = ["kind", "open_to"]
    search_fields = ["name"]
    inlines = [StaffInline]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "scheme", "phase"]
    list_filter = ["phase"]
    search_fields = ["name", "scheme__name"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["applicant", "cohort", "role", "status"]
    list_filter = ["status", "role"]
    search_fields = ["applicant__full_name", "applicant__email"]
    raw_id_fields = ["applicant", "cohort", "decided_by"]


admin.site.register(TrainingSession)


@admin.register(Pairing)
class PairingAdmin(admin.ModelAdmin):
    """Read-only: pairs are made and ended through the scheme's pages, which keep the
    rules and capacity; the admin can look, not change."""

    list_display = ["mentor", "mentee", "cohort", "status", "how_made"]
    list_filter = ["status", "how_made"]
    search_fields = ["mentor__full_name", "mentee__full_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    """Dates and status only: what a pair discussed is not for site admins."""

    list_display = ["pairing", "starts_at", "status"]
    list_filter = ["status"]
    fields = ["pairing", "starts_at", "duration_minutes", "status"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
