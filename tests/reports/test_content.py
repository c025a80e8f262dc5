"""What a report says, read back from its PDF as a reader would (pypdf), and how the PDF is
built (pikepdf): tagged, titled, in a language, and carrying no files."""

import datetime
import io
import re

import pikepdf
import pytest
from django.utils import timezone

from quality.models import FeedbackResponse
from quality.services import contribution_from_comment
from reports.models import Report
from reports.rendering import report_html
from reports.selectors import report_content
from reports.selectors.loop import RESPONSES_SHOWN, loop_section
from reports.selectors.voices import voices

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    ParticipantFactory,
)
from .conftest import Q1_END, Q1_START, ask, at, services_respond

HEADINGS = [
    "Summary",
    "What we did",
    "How well we involved people",
    "Who was involved",
    "What difference it made",
    "You said, we did",
    "In their own words",
    "What we will do differently",
    "How we counted",
]


def flat(text: str) -> str:
    """The text with every run of spaces and line breaks as one space: table cells wrap."""
    return " ".join(text.split())


def test_the_report_has_every_section_in_order_and_the_key_numbers_counted_by_hand(
    quarter, rendered
):
    result, text = rendered(ask(quarter.organisation, do_differently="Meet after school hours."))
    lines = text.splitlines()
    positions = [lines.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions), "the board's order: quality before outcomes"
    words = flat(text)
    assert "Brightwater Health and Care Trust" in words
    assert "1 Apr 2026 to 30 Jun 2026" in words
    assert "A paper for the board of trustees" in words
    # This period against the one before (31 December to 31 March): Voices Council ran in
    # both; its 9 people were there before; the Carers' panel is new.
    assert "Activities running 2 1 +1" in words
    assert "Sessions held 4 1 +3" in words
    assert "People involved 11 9 +2" in words
    # Three people gave feedback: fewer than brightwater's 8, so never the number.
    assert "People who gave feedback * 0 –" in words
    assert "Felt valued (% of those who answered) * – –" in words
    assert "People involved in these activities during the period: 11." in words
    assert "2 activities ran during the period." in words
    # Two suggestions: too few to count, so too few to list (see the busy quarter below).
    assert "Suggestions and requests raised *" in words
    assert "Start the meetings after school pick-up." not in words
    assert "Accepted: we did it." not in words
    assert "Meet after school hours." in words
    assert "Old survey" not in words
    assert f"Brightwater Health and Care Trust {result.pages} / {result.pages}" in words


def test_a_small_count_of_people_is_a_star_however_it_is_shown(quarter, rendered):
    """Two suggestions raised, one answered: each figure would point at a person."""
    _result, text = rendered(ask(quarter.organisation, audience=Report.Audience.FUNDER))
    words = flat(text)
    assert "A report for our funders" in words
    assert "Suggestions and requests raised *" in words
    assert "With a response *" in words
    assert "Too few suggestions were raised this period to show what share had a response." in (
        words
    )
    assert "People who gave feedback * 0 –" in words
    assert not re.search(r"People who gave feedback [0-9]", words)
    positions = [text.splitlines().index(heading) for heading in HEADINGS]
    assert positions[3] < positions[2], "funders read the difference made before how well"


def test_quotes_come_only_from_people_who_agreed_and_never_with_a_name(quarter, rendered):
    _result, text = rendered(ask(quarter.organisation))
    words = flat(text)
    assert "“The tea and the people made it worth coming.”" in words
    assert "“I felt heard when the chair read back our points.”" in words
    assert "my neighbour would recognise" not in words
    assert not [name for name in quarter.people if name in words]
    assert "Person" not in words


def test_the_pdf_is_tagged_titled_in_english_and_carries_no_files(quarter, rendered):
    result, _text = rendered(ask(quarter.organisation))
    pdf = pikepdf.open(io.BytesIO(result.pdf))
    root = pdf.Root
    assert "/StructTreeRoot" in root
    assert root.MarkInfo.Marked
    assert str(root.Lang).lower().startswith("en")
    title = (
        "Brightwater Health and Care Trust: involvement impact report, 1 Apr 2026 to 30 Jun 2026"
    )
    assert str(pdf.docinfo.Title).strip() == title
    with pdf.open_metadata() as xmp:
        assert xmp.get("dc:title", "").strip() == title
    assert "/EmbeddedFiles" not in root.get("/Names", {})
    assert len(pdf.attachments) == 0
    annotations = [a for page in pdf.pages for a in page.get("/Annots", [])]
    assert not [a for a in annotations if a.get("/Subtype") == "/FileAttachment"]


def test_the_same_data_gives_the_same_text(quarter, rendered):
    report = ask(quarter.organisation)
    first, first_text = rendered(report)
    second, second_text = rendered(report)
    assert first_text == second_text
    assert first.html == second.html
    assert first.pages == second.pages


def test_a_period_with_no_activities_gives_the_short_honest_report(quarter, rendered):
    report = ask(
        quarter.organisation,
        period_start=datetime.date(2025, 4, 1),
        period_end=datetime.date(2025, 6, 30),
    )
    _result, text = rendered(report)
    words = flat(text)
    assert "No activities in this report ran during this period, so there is nothing to count." in (
        words
    )
    lines = text.splitlines()
    for heading in ("Summary", "What we will do differently", "How we counted"):
        assert heading in lines
    for heading in ("What we did", "Who was involved", "In their own words"):
        assert heading not in lines


def test_a_report_of_chosen_activities_or_a_programme_counts_only_those(quarter):
    chosen = ask(quarter.organisation, scope=Report.Scope.CHOSEN, activities=[quarter.voices])
    programme = ask(quarter.organisation, scope=Report.Scope.PROGRAMME, programme="Carers")
    assert report_content(chosen)["activities"] == [quarter.voices]
    assert report_content(programme)["activities"] == [quarter.carers]
    people = {row["label"]: row["now"] for row in report_content(programme)["summary"]}
    assert people["People involved"] == "*"  # the panel's two carers
    assert people["Sessions held"] == 1


def test_quotes_leave_out_drafts_other_periods_the_undecided_and_long_comments(quarter):
    voices_council = quarter.voices

    def answer(text, **fields):
        FeedbackResponseFactory(
            request=FeedbackRequestFactory(activity=voices_council),
            what_was_good=text,
            **{"may_quote": True, "submitted_at": at(2026, 5, 10), **fields},
        )

    answer("Not asked yet whether I may be quoted.", may_quote=None)
    answer("Still a draft.", status="draft")
    answer("Sent before the period.", submitted_at=at(2026, 3, 31))
    answer("A" * 301)
    answer("  Kept, without the spaces.  ")
    FeedbackResponseFactory(
        request=FeedbackRequestFactory(activity=voices_council),
        submitted_at=at(2026, 6, 1),
        may_quote=True,
        what_was_good="",
        do_differently="Shorter papers, please.",
        anything_else="Shorter papers, please.",
    )
    quoted = voices([voices_council.pk], (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)))
    assert sorted(quote.text for quote in quoted) == sorted(
        [
            "The tea and the people made it worth coming.",
            "I felt heard when the chair read back our points.",
            "Kept, without the spaces.",
            "Shorter papers, please.",
        ]
    )


def html_of(report) -> str:
    return report_html(report_content(report), preview=False)


def test_how_we_counted_says_which_counts_are_hidden(quarter):
    assert "any count of people from 1 to 7 is shown as *" in html_of(ask(quarter.organisation))


def test_the_title_has_no_stray_line_break(quarter):
    html = html_of(ask(quarter.organisation))
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title == title.strip()


def test_the_made_on_date_is_the_reports_own(quarter):
    report = ask(quarter.organisation)
    Report.objects.filter(pk=report.pk).update(
        created_at=datetime.datetime(2026, 7, 2, 9, tzinfo=datetime.UTC)
    )
    report.refresh_from_db()
    assert "Made on 2 July 2026 · version 1" in html_of(report)
    assert timezone.now().year >= 2026


def test_people_who_gave_feedback_about_two_activities_count_once(brightwater, staff):
    first = ActivityFactory(organisation=brightwater, created_by=staff, title="First")
    second = ActivityFactory(organisation=brightwater, created_by=staff, title="Second")
    for n in range(8):
        person = ParticipantFactory(organisation=brightwater, name=f"Answered twice {n}")
        for activity in (first, second):
            FeedbackResponseFactory(
                request=FeedbackRequestFactory(activity=activity, participant=person),
                submitted_at=at(2026, 5, 10),
            )
    summary = {row["label"]: row["now"] for row in report_content(ask(brightwater))["summary"]}
    assert summary["People involved"] == 8
    assert summary["People who gave feedback"] == 8


def test_each_summary_row_has_its_key_and_the_people_involved_are_the_peoples_row(quarter):
    content = report_content(ask(quarter.organisation))
    assert [row["key"] for row in content["summary"]] == [
        "activities",
        "sessions",
        "people",
        "answers",
        "felt_valued",
    ]
    assert content["people_involved"] == 11


# "You said, we did": what people asked for, listed only when enough were raised to count,
# and a person's own feedback words only with their say-so.

PRIVATE = "Private: my neighbour would recognise this story."
QUOTABLE = "The tea and the people made it worth coming."


def loop_of(quarter) -> dict:
    activity_ids = [quarter.voices.pk, quarter.carers.pk]
    return loop_section(quarter.organisation, activity_ids, (Q1_START, Q1_END))


def staff_notes(quarter, staff, count, first_day=1):
    """`count` suggestions staff noted at meetings in May, each responded to."""
    for n in range(count):
        noted = ContributionFactory(
            activity=quarter.voices,
            created_by=staff,
            raised_on=datetime.date(2026, 5, first_day + n),
            text=f"Staff noted request {first_day + n}.",
        )
        services_respond(noted, staff, f"Done {first_day + n}.")


def take_comment(quarter, staff, name):
    """Voices Person `name`'s "what was good" taken as a contribution, and responded to."""
    answer = FeedbackResponse.objects.get(request__participant=quarter.people[name])
    taken = contribution_from_comment(response=answer, field="what_was_good", created_by=staff)
    services_respond(taken, staff, "We kept the tea.")
    return taken


@pytest.fixture
def busy_quarter(quarter, staff):
    """The quarter's two suggestions, 6 staff noted in May and two feedback comments taken:
    Voices Person 0 agreed to be quoted, Voices Person 2 did not. 10 raised, 9 responded."""
    staff_notes(quarter, staff, 6)
    take_comment(quarter, staff, "Voices Person 0")
    take_comment(quarter, staff, "Voices Person 2")
    return quarter


def test_nothing_is_listed_when_too_few_were_raised_to_count(quarter):
    loop = loop_of(quarter)
    assert loop["figures"]["total"] == "*"
    assert (loop["responses"], loop["more"]) == ([], False)


def test_a_feedback_comment_is_listed_only_when_its_author_agreed_to_be_quoted(
    busy_quarter, rendered
):
    loop = loop_of(busy_quarter)
    assert loop["figures"]["total"] == 10
    listed = [c.text for c in loop["responses"]]
    assert "Start the meetings after school pick-up." in listed, "staff noted it: listed"
    assert QUOTABLE in listed
    assert PRIVATE not in listed
    assert "Send the papers a week before." not in listed, "no response yet"
    assert (len(listed), loop["more"]) == (8, False)

    _result, text = rendered(ask(busy_quarter.organisation))
    lines = text.splitlines()
    section = flat(
        "\n".join(lines[lines.index("You said, we did") : lines.index("In their own words")])
    )
    assert "Suggestions and requests raised 10" in section
    assert "Start the meetings after school pick-up." in section
    assert "Accepted: we did it. Meetings now start at 4pm." in section
    assert QUOTABLE in section
    assert "my neighbour would recognise" not in flat(text)
    assert "And more" not in section


def test_the_table_lists_the_first_12_by_the_day_raised_and_says_only_that_there_are_more(
    quarter, staff
):
    # With the quarter's one response: 12 responded, all listed.
    staff_notes(quarter, staff, RESPONSES_SHOWN - 1)
    loop = loop_of(quarter)
    assert (len(loop["responses"]), loop["more"]) == (RESPONSES_SHOWN, False)
    staff_notes(quarter, staff, 2, first_day=20)
    loop = loop_of(quarter)
    assert (len(loop["responses"]), loop["more"]) == (RESPONSES_SHOWN, True)
    listed = [c.text for c in loop["responses"]]
    assert listed[0] == "Start the meetings after school pick-up.", "15 April: the first"
    assert "Staff noted request 21." not in listed, "the last raised is left out"
    html = html_of(ask(quarter.organisation))
    assert "And more: these are the first, by the day they were raised." in html
