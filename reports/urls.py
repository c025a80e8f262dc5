from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.ReportListView.as_view(), name="report-list"),
    path("reports/new/", views.ReportRequestView.as_view(), name="report-request"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report-detail"),
    path("reports/<int:pk>/status/", views.report_status, name="report-status"),
    path("reports/<int:pk>/try-again/", views.report_retry, name="report-retry"),
    path("reports/<int:pk>/new-version/", views.report_again, name="report-again"),
    path("reports/<int:pk>/pdf/try-again/", views.report_pdf_retry, name="report-pdf-retry"),
    path("reports/<int:pk>/preview/", views.report_preview, name="report-preview"),
    path("reports/<int:pk>/download/", views.report_download, name="report-download"),
]
