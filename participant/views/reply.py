"""The person's side of "we did": through the link in their message they read what was done
about what they said and say whether they are happy with it. No account is needed; the link
grants this one contribution and nothing else (see access.py)."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from involvement.caching import private
from quality import services
from quality.forms import ReplyForm
from quality.models import Contribution
from quality.questions import PICTURES, RATING, Question

from . import access

QUESTION = Question(
    "satisfied",
    RATING,
    _("Are you happy with what we did?"),
    _("Is this OK for you?"),
)
EASY_LABELS = {
    Contribution.Satisfaction.YES: _("Yes, it is OK"),
    Contribution.Satisfaction.PARTLY: _("A bit"),
    Contribution.Satisfaction.NO: _("No, it is not OK"),
    Contribution.Satisfaction.PREFER_NOT: _("I do not want to say"),
}
COMMENT = Question(
    "comment",
    "text",
    _("Is there anything you want to tell us about it? (optional)"),
    _("Do you want to tell us more? You do not have to."),
)


@private(referrer_policy="no-referrer")
@require_GET
def reply_start(request, token):
    """Exchange the link for a grant and move on to a URL without the token."""
    contribution = services.reply_link_redeem(token=token)
    if contribution is None or not contribution.can_rate():
        return access.refuse_guess(request)
    access.grant(request, contribution, key=access.REPLY_GRANTS)
    return redirect("participant:reply", pk=contribution.pk)


def _answers(form, easy: bool) -> list[dict]:
    value = form["satisfied"].value()
    return [
        {
            "value": choice,
            "label": EASY_LABELS[choice] if easy else label,
            "checked": value == choice,
            "picture": PICTURES[choice],
        }
        for choice, label in Contribution.Satisfaction.choices
    ]


def _render(request, contribution, form, status=200):
    easy = access.is_easy_read_for(request, contribution.participant)
    context = {
        "reply": contribution,
        "contribution": contribution,
        "activity": contribution.activity,
        "organisation": contribution.organisation,
        "easy_read": easy,
        "form": form,
        "question": QUESTION,
        "answers": _answers(form, easy),
        # Easy read words in the label, without making it a heading (the page has its h1).
        "comment_question": Question("comment", "text", COMMENT.easy, COMMENT.easy)
        if easy
        else COMMENT,
    }
    return render(request, "participant/reply_form.html", context, status=status)


@private
@require_http_methods(["GET", "POST"])
def reply(request, pk):
    contribution = access.granted_reply(request, pk)
    if request.method == "GET":
        initial = {
            "satisfied": contribution.satisfied,
            "comment": contribution.satisfaction_comment,
        }
        return _render(request, contribution, ReplyForm(initial=initial))
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _render(request, contribution, form)
    services.contribution_rate(
        contribution=contribution,
        satisfied=form.cleaned_data["satisfied"],
        comment=form.cleaned_data["comment"],
    )
    return redirect("participant:reply-thanks", pk=pk)


@private
@require_POST
def reply_easy_read(request, pk):
    access.granted_reply(request, pk)
    easy = request.POST.get("easy_read") == "on"
    thanks = request.POST.get("page") == "thanks"
    page = "participant:reply-thanks" if thanks else "participant:reply"
    return access.remember_easy_read(request, redirect(page, pk=pk), easy)


@private
@require_GET
def reply_thanks(request, pk):
    contribution = access.granted_reply(request, pk)
    context = {
        "reply": contribution,
        "contribution": contribution,
        "organisation": contribution.organisation,
        "easy_read": access.is_easy_read_for(request, contribution.participant),
        "page": "thanks",
    }
    return render(request, "participant/reply_thanks.html", context)
