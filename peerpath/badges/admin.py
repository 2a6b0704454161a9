from django.contrib import admin

from .models import Achievement, Credential, Issuer, IssuerKey


class IssuerKeyInline(admin.TabularInline):
    model = IssuerKey
    extra = 0
    can_delete = False  # retired keys must stay published for old badges to verify
    fields = ["algorithm", "uuid", "created_at", "retired_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ["__str__", "uuid", "created_at"]
    readonly_fields = ["uuid", "organisation", "is_site", "created_at"]
    inlines = [IssuerKeyInline]


@admin.register(Achievement)
class AchievementAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "issuer", "updated_at"]
    search_fields = ["name", "key"]
    readonly_fields = ["uuid", "key", "issuer"]
    autocomplete_fields = ["statements"]


@admin.register(Credential)
class CredentialAdmin(admin.ModelAdmin):
    """Read-only: credentials are signed; revoke through the issuer's manage page."""

    list_display = ["achievement", "recipient", "issued_at", "revoked_at"]
    list_filter = ["revoked_at", "issuer"]
    search_fields = ["recipient__full_name", "recipient__email", "achievement__name"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False
