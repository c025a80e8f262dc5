from django.contrib import admin

from .models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    """For operators: a report's job state. Its PDF is downloaded from the site itself."""

    list_display = ["organisation", "period_start", "period_end", "version", "status", "tries"]
    list_filter = ["status", "automatic", "organisation"]
    readonly_fields = ["key", "claim", "claimed_at", "tries", "failure", "finished_at"]
    raw_id_fields = ["activities", "requested_by"]
