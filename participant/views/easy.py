"""Easy read: one question per page, short sentences, a picture with every answer."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from involvement.caching import private
from quality import services
from quality.forms import FeedbackForm
from quality.questions import QUESTIONS, TEXT, choices_for

from . import access
from .feedback import after_sending, answers_for, page_context, response_of


def _question(step: int):
    if not 1 <= step <= len(QUESTIONS):
        raise Http404
    return QUESTIONS[step - 1]


@private
@require_http_methods(["GET", "POST"])
@access.keeps_typing
def feedback_easy(request, pk, step):
    question = _question(step)
    feedback_request = access.granted(request, pk)
    response = response_of(feedback_request)
    if response and response.is_submitted():
        return redirect("participant:feedback-thanks", pk=pk)
    later = "save_for_later" in request.POST
    if request.method == "POST":
        form = FeedbackForm(request.POST, keys={question.key}, draft=later, easy=True)
        if form.is_valid():
            values = form.response_values()
            services.feedback_save(request=feedback_request, values=values, submit=False)
            if later:
                return redirect("participant:feedback-saved", pk=pk)
            if step == len(QUESTIONS):
                return redirect("participant:feedback-easy-send", pk=pk)
            return redirect("participant:feedback-easy", pk=pk, step=step + 1)
    else:
        kept = access.take_pending(request, pk)
        initial = {**FeedbackForm.initial_from(response), **kept}
        form = FeedbackForm(initial=initial, keys={question.key}, draft=True, easy=True)
    field = form[question.key]
    context = page_context(
        request,
        feedback_request,
        form=form,
        field=field,
        question=question,
        step=step,
        steps=len(QUESTIONS),
        is_text=question.kind == TEXT,
        hint=question.hint or ("" if question.kind == TEXT else _("Choose one answer.")),
        answers=[] if question.kind == TEXT else answers_for(question, field),
    )
    return render(request, "participant/feedback_easy.html", context)


@private
@require_http_methods(["GET", "POST"])
def feedback_easy_send(request, pk):
    """The last easy-read page: the answers, a way to change each, and "send"."""
    feedback_request = access.granted(request, pk)
    response = response_of(feedback_request)
    if response and response.is_submitted():
        return redirect("participant:feedback-thanks", pk=pk)
    form = FeedbackForm(data=FeedbackForm.initial_from(response) if response else {})
    if request.method == "POST":
        if not form.is_valid():
            missing = next(n for n, q in enumerate(QUESTIONS, 1) if q.key in form.errors)
            return redirect("participant:feedback-easy", pk=pk, step=missing)
        sent = services.feedback_save(
            request=feedback_request, values=form.response_values(), submit=True
        )
        return after_sending(request, feedback_request, sent)
    rows = [
        {"step": n, "question": q, "answer": _answer_label(q, form)}
        for n, q in enumerate(QUESTIONS, 1)
    ]
    return render(
        request,
        "participant/feedback_easy_send.html",
        page_context(request, feedback_request, rows=rows),
    )


def _answer_label(question, form) -> str:
    value = form.data.get(question.key, "")
    if question.kind == TEXT:
        return value
    return str(dict(choices_for(question)).get(value, ""))
