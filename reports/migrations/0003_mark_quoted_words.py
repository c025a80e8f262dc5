"""Reports made before their words were marked (reports.redaction) get the marks, so erasing a
person reaches them too. Each quote and each "you said" in a stored page is matched, as a
whole passage, with the words still held for the report's organisation: a sent answer is
never changed and a "you said" is never retyped, so words no longer held are those of a
person erased since the report was made. Those are taken out now, with a history row
keeping the old checksum, and the PDF is left for the reports sweep to make again."""

import datetime
import html as htmllib
import re

from django.conf import settings
from django.db import migrations
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

QUOTE = re.compile(r'<blockquote><p class="pre">“(?P<text>[^<]*)”</p></blockquote>')
SAID = re.compile(r'<tr><td class="pre">(?P<text>[^<]*)</td>')
# What erasure wrote in place of a "you said" (activities.services.ERASED_WORDS).
ALREADY_ERASED = "(Removed: the person asked for their data to be erased.)"
QUOTE_FIELDS = ["what_was_good", "anything_else", "do_differently"]


def _held_words(apps, organisation_id) -> tuple[dict, dict]:
    """{words: [sources]} for the organisation's feedback and "you said"."""
    feedback, said = {}, {}
    answers = apps.get_model("quality", "FeedbackResponse").objects.filter(
        organisation_id=organisation_id
    )
    for pk, *texts in answers.values_list("pk", *QUOTE_FIELDS):
        for text in texts:
            if text.strip():
                feedback.setdefault(text.strip(), []).append(f"feedback:{pk}")
    contributions = apps.get_model("quality", "Contribution").objects.filter(
        organisation_id=organisation_id
    )
    for pk, text in contributions.values_list("pk", "text"):
        said.setdefault(text, []).append(f"contribution:{pk}")
    return feedback, said


def mark_page(page: str, feedback: dict, said: dict, note: str) -> tuple[str, int]:
    """The page with its words marked, and how many passages were taken out."""
    removed = 0

    def quote(match):
        nonlocal removed
        sources = feedback.get(htmllib.unescape(match["text"]))
        if sources:
            words = " ".join(sorted(set(sources)))
            return f'<blockquote><p data-words="{words}" class="pre">“{match["text"]}”</p></blockquote>'
        removed += 1
        return f'<blockquote><p class="removed">{escape(note)}</p></blockquote>'

    def you_said(match):
        nonlocal removed
        text = htmllib.unescape(match["text"])
        if text == ALREADY_ERASED:
            return match[0]
        sources = said.get(text)
        if sources:
            words = " ".join(sorted(set(sources)))
            return f'<tr><td data-words="{words}" class="pre">{match["text"]}</td>'
        removed += 1
        return f'<tr><td class="removed">{escape(note)}</td>'

    return SAID.sub(you_said, QUOTE.sub(quote, page)), removed


def mark_stored_pages(apps, schema_editor):
    ReportDocument = apps.get_model("reports", "ReportDocument")
    ReportRedaction = apps.get_model("reports", "ReportRedaction")
    with translation.override(settings.LANGUAGE_CODE):
        note = _("Removed at the person’s request.")
    unmarked = ReportDocument.objects.exclude(html__contains="data-words=").select_related("report")
    held = {}
    for document in unmarked.iterator(chunk_size=20):
        organisation_id = document.report.organisation_id
        if organisation_id not in held:
            held[organisation_id] = _held_words(apps, organisation_id)
        page, removed = mark_page(document.html, *held[organisation_id], note)
        if page == document.html:
            continue
        document.html = page
        if removed:
            ReportRedaction.objects.create(
                organisation_id=organisation_id,
                report_id=document.report_id,
                revision=document.revision + 1,
                passages=removed,
                replaced_sha256=document.sha256,
            )
            document.revision += 1
            document.pdf, document.sha256, document.pages, document.size = b"", "", 0, 0
            # Long enough ago that the first sweep makes it.
            document.pdf_wanted_at = timezone.now() - datetime.timedelta(days=1)
        document.save()


class Migration(migrations.Migration):
    dependencies = [
        ("quality", "0009_feedbackresponse_may_quote"),
        ("reports", "0002_document_redaction"),
    ]

    operations = [migrations.RunPython(mark_stored_pages, migrations.RunPython.noop)]
