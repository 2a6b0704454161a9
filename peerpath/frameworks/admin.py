from django.contrib import admin

from .models import Domain, Framework, ScaleLevel, Statement


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0
    fields = ["position", "code", "name"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    """Read-mostly: frameworks change by importing a new version, never by editing rows."""

    list_display = ["name", "slug", "version", "status", "is_current", "owner"]
    list_filter = ["status", "kind", "is_current"]
    search_fields = ["name", "slug"]
    readonly_fields = ["uuid", "slug", "version", "checksum", "imported_from", "created_at"]
    inlines = [DomainInline]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "framework"]
    list_filter = ["framework"]
    search_fields = ["code", "text"]
    readonly_fields = ["uuid", "framework", "domain", "code"]


admin.site.register(ScaleLevel)
