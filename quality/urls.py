from django.urls import path

from . import views

app_name = "quality"

urlpatterns = [
    # Staff
    path(
        "activities/<int:pk>/feedback/",
        views.FeedbackOverviewView.as_view(),
        name="feedback-overview",
    ),
    path(
        "activities/<int:pk>/feedback/send/",
        views.FeedbackSendView.as_view(),
        name="feedback-send",
    ),
    path(
        "activities/<int:pk>/feedback/remind/",
        views.feedback_remind_all,
        name="feedback-remind-activity",
    ),
    path(
        "activities/<int:pk>/feedback/results/",
        views.FeedbackResultsView.as_view(),
        name="feedback-results",
    ),
    path(
        "activities/<int:pk>/feedback/people/<int:participant_pk>/letter/",
        views.FeedbackLetterView.as_view(),
        name="feedback-letter",
    ),
    path(
        "activities/<int:pk>/feedback/people/<int:participant_pk>/on-behalf/",
        views.FeedbackOnBehalfView.as_view(),
        name="feedback-on-behalf",
    ),
    path("feedback/requests/<int:pk>/remind/", views.feedback_remind, name="feedback-remind"),
    path(
        "feedback/requests/<int:pk>/revoke/",
        views.FeedbackRevokeView.as_view(),
        name="feedback-revoke",
    ),
    # The person's own pages, through their link
    path("feedback/start/<str:token>/", views.feedback_start, name="feedback-start"),
    path("feedback/<int:pk>/", views.feedback_form, name="feedback-form"),
    path("feedback/<int:pk>/easy/<int:step>/", views.feedback_easy, name="feedback-easy"),
    path("feedback/<int:pk>/easy/send/", views.feedback_easy_send, name="feedback-easy-send"),
    path("feedback/<int:pk>/easy-read/", views.easy_read_switch, name="easy-read-switch"),
    path("feedback/<int:pk>/saved/", views.feedback_saved, name="feedback-saved"),
    path("feedback/<int:pk>/about-you/", views.about_you, name="about-you"),
    path("feedback/<int:pk>/about-you/<int:step>/", views.about_you_easy, name="about-you-easy"),
    path("feedback/<int:pk>/thank-you/", views.feedback_thanks, name="feedback-thanks"),
]
