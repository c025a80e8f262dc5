from django.contrib import admin

from .models import ActivityMeasure, Measure, MeasureValue, TrainingRecord


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["name", "aim", "tier", "kind", "source", "organisation", "retired_at"]
    list_filter = ["organisation", "aim", "tier", "source"]
    search_fields = ["name"]
    list_select_related = ["aim", "organisation"]
    readonly_fields = ["computed_key", "catalogue_key", "retired_at"]


@admin.register(ActivityMeasure)
class ActivityMeasureAdmin(admin.ModelAdmin):
    list_display = ["measure", "activity", "baseline", "target"]
    list_filter = ["organisation"]
    search_fields = ["measure__name", "activity__title"]
    list_select_related = ["measure", "activity"]
    raw_id_fields = ["activity", "measure", "added_by"]


@admin.register(MeasureValue)
class MeasureValueAdmin(admin.ModelAdmin):
    list_display = ["activity_measure", "period_start", "number", "answer"]
    list_filter = ["organisation", "period_start"]
    list_select_related = ["activity_measure__measure", "activity_measure__activity"]
    raw_id_fields = ["activity_measure", "recorded_by"]


@admin.register(TrainingRecord)
class TrainingRecordAdmin(admin.ModelAdmin):
    list_display = ["participant", "course", "completed_on"]
    list_filter = ["organisation"]
    search_fields = ["course"]
    list_select_related = ["participant"]
    raw_id_fields = ["participant", "recorded_by"]
