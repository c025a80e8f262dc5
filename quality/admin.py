from django.contrib import admin

from .models import FeedbackLink, FeedbackRequest, FeedbackResponse


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
