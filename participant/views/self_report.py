"""After their feedback, people score the changes the activity set out to make, before
and now, through the same personal link (self-reported outcome measures)."""

from dataclasses import dataclass

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from involvement.caching import private
from outcomes import services
from outcomes.models import SelfReport
from outcomes.selectors import self_reported_uses

from .. import steps
from ..forms import SCALE_CHOICES, SelfReportForm
from . import access
from .feedback import page_context, response_of


@dataclass(frozen=True)
class ScaleQuestion:
    """Shaped like quality's Question, for its include."""

    key: str
    text: str
    easy: str
    kind: str = "rating"


def _questions(form, uses, easy: bool) -> list[dict]:
    shown = []
    for use in uses:
        measure = use.measure
        easy_words = measure.easy_question or measure.question
        for when, before in (("before", True), ("after", False)):
            field = form[f"{when}_{use.pk}"]
            text = (_("Before you took part: %(q)s") if before else _("Now: %(q)s")) % {
                "q": measure.question
            }
            easy_text = (_("Before: %(q)s") if before else _("Now: %(q)s")) % {"q": easy_words}
            chosen = str(field.value() or "")
            answers = [
                {"value": v, "label": label, "picture": None, "checked": v == chosen}
                for v, label in SCALE_CHOICES
            ]
            question = ScaleQuestion(field.name, easy_text if easy else text, easy_text)
            shown.append({"question": question, "field": field, "answers": answers})
    return shown


@private
@require_http_methods(["GET", "POST"])
def self_report(request, pk):
    feedback_request = access.granted(request, pk)
    response = response_of(feedback_request)
    if response is None or not response.is_submitted():
        return redirect("participant:feedback-form", pk=pk)
    uses = list(self_reported_uses(activity=feedback_request.activity))
    after = steps.url_after(steps.CHANGES, feedback_request)
    if not uses or "skip" in request.POST:
        return redirect(after)
    if request.method == "POST":
        form = SelfReportForm(request.POST, uses=uses)
        if form.is_valid():
            services.self_reports_save(response=response, answers=form.answers())
            return redirect(after)
    else:
        initial = SelfReportForm.initial_from(SelfReport.objects.filter(response=response))
        form = SelfReportForm(initial=initial, uses=uses)
    easy = access.is_easy_read(request, feedback_request)
    context = page_context(
        request, feedback_request, form=form, questions=_questions(form, uses, easy)
    )
    return render(request, "participant/self_report.html", context)
