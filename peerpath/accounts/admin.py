from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ExpertiseArea, Invitation, Membership, Organisation, Profile, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    filter_horizontal = ["expertise"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["full_name", "email"]
    list_display = ["full_name", "email", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_active", "memberships__role"]
    search_fields = ["full_name", "email"]
    inlines = [ProfileInline, MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["full_name", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    ]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "nation", "region"]
    list_filter = ["kind", "nation"]
    search_fields = ["name", "region"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "status"]
    list_filter = ["role"]
    search_fields = ["email"]
    readonly_fields = ["token_hash", "accepted_at", "accepted_by", "created_at"]


admin.site.register(ExpertiseArea)
