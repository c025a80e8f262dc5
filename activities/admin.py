from django.contrib import admin

from .models import (
    AccessibilityCheck,
    Activity,
    Agreement,
    AgreementEvent,
    Aim,
    Approach,
    InfluenceLevel,
    Participant,
    Session,
)


@admin.register(Approach, InfluenceLevel, Aim)
class CatalogueAdmin(admin.ModelAdmin):
    list_display = ["position", "name", "key"]
    list_display_links = ["name"]
    search_fields = ["name", "key"]


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    exclude = ["organisation"]


class AccessibilityCheckInline(admin.TabularInline):
    model = AccessibilityCheck
    extra = 0
    exclude = ["organisation"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "status",
        "approach",
        "decision_level",
        "lead",
        "starts_on",
    ]
    list_filter = ["status", "approach", "decision_level", "organisation"]
    search_fields = ["title", "overview", "organisation__name"]
    list_select_related = ["organisation", "approach", "lead"]
    date_hierarchy = "starts_on"
    raw_id_fields = ["lead", "created_by"]
    inlines = [SessionInline, AccessibilityCheckInline]


class AgreementEventInline(admin.TabularInline):
    model = AgreementEvent
    extra = 0
    readonly_fields = ["kind", "actor", "changes", "note", "created_at"]
    exclude = ["organisation"]
    can_delete = False


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["activity", "organisation", "influence_level", "state", "agreed_on"]
    list_filter = ["state", "influence_level", "organisation"]
    search_fields = ["activity__title", "purpose"]
    list_select_related = ["activity", "organisation", "influence_level"]
    raw_id_fields = ["activity"]
    filter_horizontal = ["participants"]
    inlines = [AgreementEventInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "user"]
    list_filter = ["organisation"]
    search_fields = ["name", "user__email"]
    list_select_related = ["organisation", "user"]
    raw_id_fields = ["user"]
