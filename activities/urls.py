from django.urls import path

from . import views

app_name = "activities"

urlpatterns = [
    path("", views.ActivityListView.as_view(), name="activity-list"),
    path("overview/", views.ActivityOverviewView.as_view(), name="activity-overview"),
    path("new/", views.ActivityCreateView.as_view(), name="activity-create"),
    path("<int:pk>/", views.ActivityDetailView.as_view(), name="activity-detail"),
    path("<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="activity-update"),
    path("<int:pk>/status/", views.activity_transition, name="activity-transition"),
    path("<int:pk>/agreement/", views.AgreementUpdateView.as_view(), name="agreement-update"),
    path(
        "<int:pk>/agreement/record/", views.AgreementRecordView.as_view(), name="agreement-record"
    ),
    path(
        "<int:pk>/accessibility/",
        views.AccessibilityChecksView.as_view(),
        name="accessibility-update",
    ),
    path("<int:pk>/sessions/new/", views.SessionCreateView.as_view(), name="session-create"),
    path("sessions/<int:pk>/edit/", views.SessionUpdateView.as_view(), name="session-update"),
    path("sessions/<int:pk>/delete/", views.SessionDeleteView.as_view(), name="session-delete"),
]
