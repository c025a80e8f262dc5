from django.urls import path

from .views import about_you, easy, feedback, people, reply, self_report

app_name = "participant"

urlpatterns = [
    # The person's own pages, through their feedback link, in the order of steps.py
    path("feedback/start/<str:token>/", feedback.feedback_start, name="feedback-start"),
    path("feedback/<int:pk>/", feedback.feedback_form, name="feedback-form"),
    path("feedback/<int:pk>/easy/<int:step>/", easy.feedback_easy, name="feedback-easy"),
    path("feedback/<int:pk>/easy/send/", easy.feedback_easy_send, name="feedback-easy-send"),
    path("feedback/<int:pk>/easy-read/", feedback.easy_read_switch, name="easy-read-switch"),
    path("feedback/<int:pk>/saved/", feedback.feedback_saved, name="feedback-saved"),
    path("feedback/<int:pk>/changes/", self_report.self_report, name="self-report"),
    path("feedback/<int:pk>/about-you/", about_you.about_you, name="about-you"),
    path(
        "feedback/<int:pk>/about-you/<int:step>/", about_you.about_you_easy, name="about-you-easy"
    ),
    path("feedback/<int:pk>/thank-you/", feedback.feedback_thanks, name="feedback-thanks"),
    # The person's answer to "we did", through the link in their message
    path("reply/start/<str:token>/", reply.reply_start, name="reply-start"),
    path("reply/<int:pk>/", reply.reply, name="reply"),
    path("reply/<int:pk>/easy-read/", reply.reply_easy_read, name="reply-easy-read"),
    path("reply/<int:pk>/thank-you/", reply.reply_thanks, name="reply-thanks"),
    # Staff: everything held about a person, and erasing it
    path(
        "people/<int:pk>/export/", people.ParticipantExportView.as_view(), name="participant-export"
    ),
    path("people/<int:pk>/erase/", people.ParticipantEraseView.as_view(), name="participant-erase"),
]
