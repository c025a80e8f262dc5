from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("activities/", views.ActivityListView.as_view(), name="activity-list"),
    path("activities/overview/", views.ActivityOverviewView.as_view(), name="activity-overview"),
    path("activities/new/", views.ActivityCreateView.as_view(), name="activity-create"),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity-detail"),
    path("activities/<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="activity-update"),
    path("activities/<int:pk>/status/", views.activity_transition, name="activity-transition"),
    path(
        "activities/<int:pk>/agreement/",
        views.AgreementUpdateView.as_view(),
        name="agreement-update",
    ),
    path(
        "activities/<int:pk>/agreement/record/",
        views.AgreementRecordView.as_view(),
        name="agreement-record",
    ),
    path(
        "activities/<int:pk>/accessibility/",
        views.AccessibilityChecksView.as_view(),
        name="accessibility-update",
    ),
    path(
        "activities/<int:pk>/sessions/new/",
        views.SessionCreateView.as_view(),
        name="session-create",
    ),
    path(
        "activities/sessions/<int:pk>/edit/",
        views.SessionUpdateView.as_view(),
        name="session-update",
    ),
    path(
        "activities/sessions/<int:pk>/delete/",
        views.SessionDeleteView.as_view(),
        name="session-delete",
    ),
    path(
        "activities/sessions/<int:pk>/attendance/",
        views.SessionAttendanceView.as_view(),
        name="session-attendance",
    ),
    path(
        "activities/<int:pk>/people/add/",
        views.InvolvementCreateView.as_view(),
        name="involvement-create",
    ),
    path(
        "activities/involvements/<int:pk>/edit/",
        views.InvolvementUpdateView.as_view(),
        name="involvement-update",
    ),
    path(
        "activities/involvements/<int:pk>/delete/",
        views.InvolvementDeleteView.as_view(),
        name="involvement-delete",
    ),
    path("people/", views.ParticipantListView.as_view(), name="participant-list"),
    path("people/involved/", views.WhoIsInvolvedView.as_view(), name="who-is-involved"),
    path("people/population/", views.PopulationProfileView.as_view(), name="population-profile"),
    path("people/new/", views.ParticipantCreateView.as_view(), name="participant-create"),
    path("people/<int:pk>/", views.ParticipantDetailView.as_view(), name="participant-detail"),
    path("people/<int:pk>/edit/", views.ParticipantUpdateView.as_view(), name="participant-update"),
]
