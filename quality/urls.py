from django.urls import path

from . import views
from .views import loop, markers, tell

app_name = "quality"

urlpatterns = [
    # Quality markers and ratings
    path("quality/", markers.QualityOverviewView.as_view(), name="quality-overview"),
    path("quality/rules/", markers.RatingRulesView.as_view(), name="rating-rules"),
    path("quality/markers/", markers.MarkerListView.as_view(), name="marker-list"),
    path("quality/markers/add/", markers.MarkerCreateView.as_view(), name="marker-create"),
    path("quality/markers/<int:pk>/retire/", markers.marker_retire, name="marker-retire"),
    path("quality/markers/<int:pk>/restore/", markers.marker_restore, name="marker-restore"),
    path(
        "activities/<int:pk>/quality/",
        markers.ActivityQualityView.as_view(),
        name="activity-quality",
    ),
    path(
        "activities/<int:pk>/quality/assess/",
        markers.MarkerAssessView.as_view(),
        name="marker-assess",
    ),
    # You said, we did
    path(
        "activities/<int:pk>/you-said/",
        loop.ContributionListView.as_view(),
        name="contribution-list",
    ),
    path(
        "activities/<int:pk>/you-said/add/",
        loop.ContributionCreateView.as_view(),
        name="contribution-create",
    ),
    path(
        "activities/<int:pk>/you-said/from-feedback/",
        loop.contribution_from_comment,
        name="contribution-from-comment",
    ),
    path(
        "activities/<int:pk>/you-said/publish/",
        loop.loop_page_publish,
        name="loop-page-publish",
    ),
    path(
        "contributions/<int:pk>/respond/",
        loop.ContributionRespondView.as_view(),
        name="contribution-respond",
    ),
    path(
        "contributions/<int:pk>/tell/",
        tell.ContributionTellView.as_view(),
        name="contribution-tell",
    ),
    path(
        "contributions/<int:pk>/their-answer/",
        tell.ContributionAnswerView.as_view(),
        name="contribution-answer",
    ),
    # By the page's random slug, not the activity's id: published pages cannot be counted through.
    path("you-said-we-did/<slug:slug>/", loop.loop_page_public, name="loop-page-public"),
    # Feedback: staff
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
]
