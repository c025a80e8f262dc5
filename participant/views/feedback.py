"""The feedback questions a person answers through their personal link, on one page (easy
read, one question a page, is easy.py), and the pages around them. No account is needed."""

import logging

from django.conf import settings
from django.db import DatabaseError, InterfaceError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from involvement.caching import private
from quality import services
from quality.forms import FeedbackForm
from quality.models import FeedbackResponse
from quality.questions import PICTURES, QUESTIONS, choices_for

from .. import steps
from . import access

logger = logging.getLogger(__name__)


@private(referrer_policy="no-referrer")
@require_GET
def feedback_start(request, token):
    """Exchange the link for a grant and move on to a URL without the token."""
    feedback_request = services.feedback_link_redeem(token=token)
    if feedback_request is None:
        return access.refuse_guess(request)
    access.grant(request, feedback_request)
    return redirect("participant:feedback-form", pk=feedback_request.pk)


def response_of(feedback_request) -> FeedbackResponse | None:
    return FeedbackResponse.objects.filter(request=feedback_request).first()


def answers_for(question, bound_field) -> list[dict]:
    """Each answer of a question with its picture (shown in easy read) and whether it is
    chosen."""
    chosen = str(bound_field.value() or "")
    return [
        {"value": value, "label": label, "picture": PICTURES.get(value), "checked": value == chosen}
        for value, label in choices_for(question)
    ]


def questions_shown(form) -> list[dict]:
    return [
        {"question": q, "field": form[q.key], "answers": answers_for(q, form[q.key])}
        for q in QUESTIONS
        if q.key in form.fields
    ]


def page_context(request, feedback_request, **extra):
    """What every page behind a feedback link shows: the activity, the organisation, easy
    read or not, and the page's name for the easy-read switch."""
    return {
        "feedback_request": feedback_request,
        "activity": feedback_request.activity,
        "organisation": feedback_request.organisation,
        "easy_read": access.is_easy_read(request, feedback_request),
        "page": steps.page_of(request.resolver_match.view_name),
        **extra,
    }


def next_after_submit(feedback_request) -> str:
    """The page after the feedback questions (participant/steps.py)."""
    return steps.url_after(steps.FEEDBACK, feedback_request)


def after_sending(request, feedback_request, response: FeedbackResponse):
    """Where a person goes once their feedback is committed. Finding the next page asks the
    database again (which steps after it this person needs). If that fails now, their answer
    is safe, so they see "thank you", drawn from what is in memory, and not an error page. A
    redirect to "thank you" would fail too: every link page needs the database for its grant
    (and the session it is kept in)."""
    try:
        return redirect(next_after_submit(feedback_request))
    except (DatabaseError, InterfaceError):
        logger.exception(
            "Feedback %s was saved, but the page after it could not be found", feedback_request.pk
        )
        return thanks_page(request, feedback_request, response)


@private
@require_http_methods(["GET", "POST"])
@access.keeps_typing
def feedback_form(request, pk):
    """Every question on one page (easy read goes one question per page instead)."""
    feedback_request = access.granted(request, pk)
    response = response_of(feedback_request)
    if response and response.is_submitted():
        return redirect("participant:feedback-thanks", pk=pk)
    if access.is_easy_read(request, feedback_request) and request.method == "GET":
        return redirect(easy_read_url(pk, response))
    if request.method == "POST":
        return _feedback_form_post(request, feedback_request)
    kept = access.take_pending(request, pk)
    initial = {**FeedbackForm.initial_from(response), **kept}
    return _render_form(request, feedback_request, FeedbackForm(initial=initial), kept=bool(kept))


def _render_form(request, feedback_request, form, **extra):
    context = page_context(
        request, feedback_request, form=form, questions=questions_shown(form), **extra
    )
    return render(request, "participant/feedback_form.html", context)


def _feedback_form_post(request, feedback_request):
    later = "save_for_later" in request.POST
    form = FeedbackForm(request.POST, draft=later)
    if not form.is_valid():
        return _render_form(request, feedback_request, form)
    response = services.feedback_save(
        request=feedback_request, values=form.response_values(), submit=not later
    )
    if later:
        return redirect("participant:feedback-saved", pk=feedback_request.pk)
    return after_sending(request, feedback_request, response)


def easy_read_url(pk, response) -> str:
    """Where easy read picks up: the first question not answered yet, else the check page."""
    initial = FeedbackForm.initial_from(response)
    for number, question in enumerate(QUESTIONS, start=1):
        if question.kind != "text" and not initial.get(question.key):
            return reverse("participant:feedback-easy", args=[pk, number])
    return reverse("participant:feedback-easy-send", args=[pk])


def _after_switch(request, feedback_request, easy: bool) -> str:
    """The same place in the other mode; once answers are sent, the page the person was on."""
    pk, response = feedback_request.pk, response_of(feedback_request)
    if response and response.is_submitted():
        return steps.url_of(steps.step_of_page(request.POST.get("page", "")), pk)
    if easy:
        return easy_read_url(pk, response)
    return reverse("participant:feedback-form", args=[pk])


@private
@require_POST
def easy_read_switch(request, pk):
    """Switch easy read on or off; remembered for this visit and on this device."""
    feedback_request = access.granted(request, pk)
    easy = request.POST.get("easy_read") == "on"
    response = redirect(_after_switch(request, feedback_request, easy))
    return access.remember_easy_read(request, response, easy)


@private
@require_GET
def feedback_saved(request, pk):
    feedback_request = access.granted(request, pk)
    link = feedback_request.links.order_by("-expires_at").first()
    return render(
        request,
        "participant/feedback_saved.html",
        page_context(request, feedback_request, link=link),
    )


@private
@require_GET
def feedback_thanks(request, pk):
    feedback_request = access.granted(request, pk)
    return thanks_page(request, feedback_request, response_of(feedback_request))


def thanks_page(request, feedback_request, response):
    """Drawn from the request (with its activity, person and organisation) and the response
    already in memory: no query, so it can be shown while the database is failing."""
    context = page_context(
        request,
        feedback_request,
        response=response,
        reply_weeks=settings.FEEDBACK_REPLY_WEEKS,
        contact_by=feedback_request.participant.get_contact_by_display(),
    )
    return render(request, "participant/feedback_thanks.html", context)
