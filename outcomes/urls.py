from django.urls import path

from .views import activity, catalogue, dashboard, training

app_name = "outcomes"

urlpatterns = [
    path("outcomes/", dashboard.OutcomesDashboardView.as_view(), name="dashboard"),
    path("outcomes/dashboard.csv", dashboard.dashboard_csv, name="dashboard-csv"),
    path(
        "outcomes/figures/<slug:key>/", dashboard.FigureDetailView.as_view(), name="figure-detail"
    ),
    path("outcomes/measures/", catalogue.MeasureListView.as_view(), name="measure-list"),
    path("outcomes/measures.csv", catalogue.measure_list_csv, name="measure-list-csv"),
    path("outcomes/measures/add/", catalogue.MeasureCreateView.as_view(), name="measure-create"),
    path(
        "outcomes/measures/<int:pk>/edit/",
        catalogue.MeasureUpdateView.as_view(),
        name="measure-update",
    ),
    path("outcomes/measures/<int:pk>/retire/", catalogue.measure_retire, name="measure-retire"),
    path("outcomes/measures/<int:pk>/restore/", catalogue.measure_restore, name="measure-restore"),
    path(
        "activities/<int:pk>/measures/",
        activity.ActivityMeasuresView.as_view(),
        name="activity-measures",
    ),
    path(
        "activities/<int:pk>/measures/choose/",
        activity.ActivityMeasuresChooseView.as_view(),
        name="activity-measures-choose",
    ),
    path(
        "activities/<int:pk>/measures.csv",
        activity.activity_measures_csv,
        name="activity-measures-csv",
    ),
    path(
        "activity-measures/<int:pk>/edit/",
        activity.ActivityMeasureUpdateView.as_view(),
        name="activity-measure-update",
    ),
    path(
        "activity-measures/<int:pk>/remove/",
        activity.activity_measure_remove,
        name="activity-measure-remove",
    ),
    path(
        "activity-measures/<int:pk>/record/",
        activity.MeasureValueRecordView.as_view(),
        name="measure-value-record",
    ),
    path("outcomes/training/", training.TrainingListView.as_view(), name="training-list"),
    path("outcomes/training/add/", training.TrainingCreateView.as_view(), name="training-create"),
]
