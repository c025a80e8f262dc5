"""The optional "about you" questions after the feedback, kept only with consent.

A personal link may write these answers but never reads them back: anyone holding one of the
person's links (a new printed letter, a link for another activity, a forwarded email) would
otherwise see their age, gender, ethnicity and disability. So no question is ever pre-filled,
and once answers are kept the page asks whether to keep, change or delete them instead.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from activities.models import DEMOGRAPHIC_FIELDS, AboutYou
from involvement.caching import private
from quality import services

from .. import steps
from ..forms import AboutYouForm, AboutYouKeptForm, ConsentForm
from . import access
from .feedback import page_context

QUESTION_NAMES = list(DEMOGRAPHIC_FIELDS)
DELETED = _("We have deleted your answers about you.")
DELETED_EASY = _("We deleted your answers.")


def _finished(feedback_request):
    """On to the step after "about you" ("thank you"), with no query: nothing more may
    need the database once the answers are saved."""
    return redirect(steps.url_after(steps.ABOUT_YOU, feedback_request))


def _has_answers(participant) -> bool:
    return AboutYou.objects.filter(participant=participant).exists()


@private
@require_http_methods(["GET", "POST"])
def about_you(request, pk):
    feedback_request = access.granted(request, pk)
    if access.is_easy_read(request, feedback_request) and request.method == "GET":
        return redirect("participant:about-you-easy", pk=pk, step=1)
    organisation, participant = feedback_request.organisation, feedback_request.participant
    if _has_answers(participant):
        if request.method == "POST" and "consent" in request.POST:
            # The questions sent twice (a double click): the first one saved them.
            return _finished(feedback_request)
        return _kept(request, feedback_request, easy=False)
    if request.method == "POST":
        if "skip" in request.POST:
            return _finished(feedback_request)
        form = AboutYouForm(request.POST, organisation=organisation)
        if form.is_valid():
            if form.cleaned_data.get("consent"):
                services.about_you_save(
                    participant=participant,
                    values=form.values(),
                    consent_wording=form.consent_wording,
                )
            return _finished(feedback_request)
    else:
        form = AboutYouForm(organisation=organisation)
    context = page_context(request, feedback_request, form=form)
    return render(request, "participant/about_you.html", context)


def _kept(request, feedback_request, *, easy: bool):
    """Answers are kept: keep them, change them (deleted, then asked again as for someone
    new, so old and new answers never mix) or delete them with the consent."""
    form = AboutYouKeptForm(request.POST if request.method == "POST" else None, easy=easy)
    if form.is_valid():
        choice, pk = form.cleaned_data["choice"], feedback_request.pk
        if choice == AboutYouKeptForm.KEEP:
            return _finished(feedback_request)
        services.about_you_withdraw(participant=feedback_request.participant)
        if choice == AboutYouKeptForm.REPLACE:
            if easy:
                return redirect("participant:about-you-easy", pk=pk, step=1)
            return redirect("participant:about-you", pk=pk)
        messages.success(request, DELETED_EASY if easy else DELETED)
        return _finished(feedback_request)
    if easy:
        context = page_context(
            request, feedback_request, form=form, field=form["choice"], kept=True
        )
        return render(request, "participant/about_you_easy.html", context)
    context = page_context(request, feedback_request, form=form, kept=True)
    return render(request, "participant/about_you.html", context)


@private
@require_http_methods(["GET", "POST"])
def about_you_easy(request, pk, step):
    """Step 1 asks for consent (or, with answers kept, what to do with them); steps 2 to 5
    ask one question each, never showing an answer kept before."""
    if not 1 <= step <= len(QUESTION_NAMES) + 1:
        raise Http404
    feedback_request = access.granted(request, pk)
    participant = feedback_request.participant
    has_answers = _has_answers(participant)
    if step == 1:
        if has_answers:
            return _kept(request, feedback_request, easy=True)
        return _consent_step(request, feedback_request)
    if not has_answers:
        return redirect("participant:about-you-easy", pk=pk, step=1)
    name = QUESTION_NAMES[step - 2]
    form = AboutYouForm(
        request.POST if request.method == "POST" else None,
        organisation=feedback_request.organisation,
        keys={name},
    )
    if request.method == "POST" and ("skip" in request.POST or form.is_valid()):
        if "skip" not in request.POST:
            services.about_you_save(
                participant=participant,
                values=form.values(),
                consent_wording=form.consent_wording,
            )
        if step == len(QUESTION_NAMES) + 1:
            return _finished(feedback_request)
        return redirect("participant:about-you-easy", pk=pk, step=step + 1)
    return render(
        request,
        "participant/about_you_easy.html",
        page_context(request, feedback_request, form=form, field=form[name], step=step, steps=5),
    )


def _consent_step(request, feedback_request):
    form = ConsentForm(request.POST if request.method == "POST" else None)
    wording = AboutYouForm(organisation=feedback_request.organisation).consent_wording
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["consent"] == "no":
            return _finished(feedback_request)
        services.about_you_save(
            participant=feedback_request.participant, values={}, consent_wording=wording
        )
        return redirect("participant:about-you-easy", pk=feedback_request.pk, step=2)
    context = page_context(
        request,
        feedback_request,
        form=form,
        field=form["consent"],
        step=1,
        steps=5,
        wording=wording,
    )
    return render(request, "participant/about_you_easy.html", context)
