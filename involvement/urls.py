from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from . import forms, views

auth_patterns = [
    path("sign-in/", views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("keep-alive/", views.session_keep_alive, name="session-keep-alive"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=forms.ResetRequestForm,
            extra_email_context={"service_name": settings.SITE_NAME},
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=forms.ResetSetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("account/", include(auth_patterns)),
    path("no-organisation/", views.no_organisation, name="no-organisation"),
    path("organisation/switch/", views.organisation_switch, name="organisation-switch"),
    path(
        "organisation/settings/",
        views.OrganisationSettingsView.as_view(),
        name="organisation-settings",
    ),
    path("members/", views.MembershipListView.as_view(), name="membership-list"),
    path("members/invite/", views.MembershipInviteView.as_view(), name="membership-invite"),
    path(
        "members/<int:pk>/role/", views.MembershipRoleUpdateView.as_view(), name="membership-role"
    ),
    # The emailed link (its token is redacted from logs), and the page it leads to.
    path("invitations/<str:token>/", views.invitation_start, name="invitation-start"),
    path("invitations/<int:pk>/accept/", views.invitation_accept, name="invitation-accept"),
    path("", include("activities.urls")),
    path("", include("quality.urls")),
    path("", include("outcomes.urls")),
    path("", include("reports.urls")),
    path("", include("participant.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
