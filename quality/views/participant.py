"""The pages a person sees through their personal feedback link. No account is needed."""

import logging

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, InterfaceError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from activities.models import AboutYou
from involvement.caching import private

from .. import services
from ..forms import FeedbackForm
from ..models import FeedbackResponse
from ..questions import PICTURES, QUESTIONS, choices_for
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
    return redirect("quality:feedback-form", pk=feedback_request.pk)


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


def _context(request, feedback_request, **extra):
    return {
        "feedback_request": feedback_request,
        "activity": feedback_request.activity,
        "organisation": feedback_request.organisation,
        "easy_read": access.is_easy_read(request, feedback_request),
        "page": PAGE_NAMES.get(request.resolver_match.view_name, ""),
        **extra,
    }


# Pages after sending that switching easy read on or off returns to (by name, since a page
# may belong to an app above this one); anything else goes to "thank you".
PAGE_NAMES = {
    "quality:about-you": "about-you",
    "quality:about-you-easy": "about-you",
    "outcomes:self-report": "changes",
}
PAGE_URLS = {"about-you": "quality:about-you", "changes": "outcomes:self-report"}


def next_after_submit(feedback_request) -> str:
    """Questions other apps add after the feedback (an app's config names them through
    `feedback_step_after_submit`), then "about you"."""
    for config in apps.get_app_configs():
        step = getattr(config, "feedback_step_after_submit", None)
        url = step(feedback_request) if step else None
        if url:
            return url
    return next_after_extra_questions(feedback_request)


def after_sending(request, feedback_request, response: FeedbackResponse):
    """Where a person goes once their feedback is committed. Finding the next page asks the
    database again (other apps' questions, "about you"). If that fails now, their answer is
    safe, so they see "thank you", drawn from what is in memory, and not an error page. A
    redirect to "thank you" would fail too: every link page needs the database for its grant
    (and the session it is kept in)."""
    try:
        return redirect(next_after_submit(feedback_request))
    except (DatabaseError, InterfaceError):
        logger.exception(
            "Feedback %s was saved, but the page after it could not be found", feedback_request.pk
        )
        return thanks_page(request, feedback_request, response)


def next_after_extra_questions(feedback_request) -> str:
    """Ask "about you" only of people who have not answered it before."""
    has_about_you = AboutYou.objects.filter(participant=feedback_request.participant_id).exists()
    name = "quality:feedback-thanks" if has_about_you else "quality:about-you"
    return reverse(name, args=[feedback_request.pk])


@private
@require_http_methods(["GET", "POST"])
@access.keeps_typing
def feedback_form(request, pk):
    """Every question on one page (easy read goes one question per page instead)."""
    feedback_request = access.granted(request, pk)
    response = response_of(feedback_request)
    if response and response.is_submitted():
        return redirect("quality:feedback-thanks", pk=pk)
    if access.is_easy_read(request, feedback_request) and request.method == "GET":
        return redirect(easy_read_url(pk, response))
    if request.method == "POST":
        return _feedback_form_post(request, feedback_request)
    kept = access.take_pending(request, pk)
    initial = {**FeedbackForm.initial_from(response), **kept}
    return _render_form(request, feedback_request, FeedbackForm(initial=initial), kept=bool(kept))


def _render_form(request, feedback_request, form, **extra):
    context = _context(
        request, feedback_request, form=form, questions=questions_shown(form), **extra
    )
    return render(request, "quality/feedback_form.html", context)


def _feedback_form_post(request, feedback_request):
    later = "save_for_later" in request.POST
    form = FeedbackForm(request.POST, draft=later)
    if not form.is_valid():
        return _render_form(request, feedback_request, form)
    response = services.feedback_save(
        request=feedback_request, values=form.response_values(), submit=not later
    )
    if later:
        return redirect("quality:feedback-saved", pk=feedback_request.pk)
    return after_sending(request, feedback_request, response)


def easy_read_url(pk, response) -> str:
    """Where easy read picks up: the first question not answered yet, else the check page."""
    initial = FeedbackForm.initial_from(response)
    for number, question in enumerate(QUESTIONS, start=1):
        if question.kind != "text" and not initial.get(question.key):
            return reverse("quality:feedback-easy", args=[pk, number])
    return reverse("quality:feedback-easy-send", args=[pk])


def _after_switch(request, feedback_request, easy: bool) -> str:
    """The same place in the other mode; once answers are sent, the page the person was on."""
    pk, response = feedback_request.pk, response_of(feedback_request)
    if response and response.is_submitted():
        page = PAGE_URLS.get(request.POST.get("page", ""), "quality:feedback-thanks")
        return reverse(page, args=[pk])
    if easy:
        return easy_read_url(pk, response)
    return reverse("quality:feedback-form", args=[pk])


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
        request, "quality/feedback_saved.html", _context(request, feedback_request, link=link)
    )


@private
@require_GET
def feedback_thanks(request, pk):
    feedback_request = access.granted(request, pk)
    return thanks_page(request, feedback_request, response_of(feedback_request))


def thanks_page(request, feedback_request, response):
    """Drawn from the request (with its activity, person and organisation) and the response
    already in memory: no query, so it can be shown while the database is failing."""
    context = _context(
        request,
        feedback_request,
        response=response,
        reply_weeks=settings.FEEDBACK_REPLY_WEEKS,
        contact_by=feedback_request.participant.get_contact_by_display(),
    )
    return render(request, "quality/feedback_thanks.html", context)
