"""Site administration shows organisations' objectives only.

People's portfolios (reflections, evidence, plans, claims) are deliberately not
registered: they are private to their owner, and not even site admins read them here.
"""

from django.contrib import admin

from .models import OrganisationObjective


@admin.register(OrganisationObjective)
class OrganisationObjectiveAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "is_active"]
    list_filter = ["is_active", "organisation"]
    search_fields = ["title"]
