from django.contrib import admin

from .models import (
    Contribution,
    FeedbackLink,
    FeedbackRequest,
    FeedbackResponse,
    MarkerAssessment,
    QualityMarker,
    ReplyLink,
)


class FeedbackLinkInline(admin.TabularInline):
    """Links are shown by dates only: the token is never stored, and its hash is no use."""

    model = FeedbackLink
    extra = 0
    fields = ["created_at", "expires_at", "first_used_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(FeedbackRequest)
class FeedbackRequestAdmin(admin.ModelAdmin):
    list_display = ["participant", "activity", "channel", "sent_at", "reminders", "revoked_at"]
    list_filter = ["organisation", "channel"]
    search_fields = ["participant__name", "activity__title"]
    list_select_related = ["participant", "activity"]
    readonly_fields = ["email_queued_at", "email_error"]
    raw_id_fields = ["activity", "participant", "session", "created_by"]
    inlines = [FeedbackLinkInline]


@admin.register(FeedbackResponse)
class FeedbackResponseAdmin(admin.ModelAdmin):
    list_display = ["activity", "status", "method", "anonymous", "submitted_at"]
    list_filter = ["organisation", "status", "method", "anonymous"]
    search_fields = ["activity__title"]
    list_select_related = ["activity"]
    raw_id_fields = ["activity", "request", "entered_by"]


@admin.register(QualityMarker)
class QualityMarkerAdmin(admin.ModelAdmin):
    list_display = ["text", "actor", "stage", "organisation", "judged_by", "retired_at"]
    list_filter = ["organisation", "actor", "stage"]
    search_fields = ["text"]
    readonly_fields = ["judged_by", "catalogue_key", "retired_at"]


@admin.register(MarkerAssessment)
class MarkerAssessmentAdmin(admin.ModelAdmin):
    list_display = ["marker", "activity", "status", "assessed_by", "updated_at"]
    list_filter = ["organisation", "status"]
    list_select_related = ["marker", "activity", "assessed_by"]
    raw_id_fields = ["activity", "marker", "assessed_by"]


class ReplyLinkInline(admin.TabularInline):
    """As feedback links: dates only."""

    model = ReplyLink
    extra = 0
    fields = ["created_at", "expires_at", "first_used_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["activity", "raised_on", "status", "decision", "told_how", "satisfied"]
    list_filter = ["organisation", "status", "decision"]
    search_fields = ["activity__title", "participant__name"]
    list_select_related = ["activity"]
    readonly_fields = ["tell_queued_at", "tell_error", "told_at", "rated_at", "responded_at"]
    raw_id_fields = [
        "activity",
        "participant",
        "feedback_response",
        "created_by",
        "responded_by",
        "told_by",
    ]
    inlines = [ReplyLinkInline]
