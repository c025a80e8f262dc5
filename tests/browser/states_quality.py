"""Page states for quality of involvement: the organisation's overview with its flags, the
rating rules, the catalogue of quality markers and its form, an activity's checklist with its
ratings and influence gap, the form where staff assess the markers; and "you said, we did":
an activity's contributions and the feedback comments still to take, the forms to add one and
to respond, the public page, and what is overdue on the overview."""

from django.urls import reverse

from quality import services
from quality.models import Assessment, Contribution, FeedbackResponse, LoopPage, QualityMarker

from .helpers import (
    add_session,
    expect_error_summary,
    expect_heading,
    make_activity,
    organisation_of,
    sign_in,
    submit,
)
from .states_feedback import ANSWERS, answer_on_behalf, person_of
from .states_outcomes import expect_summary_links_work
from .states_people import COUNCIL, council, days_ago

# --- data -------------------------------------------------------------------------------------

NAMES = [name for name, *_rest in COUNCIL]
# Staff's judgements, in catalogue order of the markers staff judge; the rest left unjudged.
JUDGEMENTS = [
    (Assessment.MET, "Agreed at the first meeting; in the terms of reference."),
    (Assessment.MET, "The involvement strategy 2024, page 3."),
    (Assessment.PARTLY, "We follow the guidelines for meetings, not yet for surveys."),
    (Assessment.MET, "Attendance and an actions log, agreed before we started."),
    (Assessment.NOT_MET, "Nobody under 25 is involved. Outreach with the youth service planned."),
    (Assessment.MET, "Travel and time paid on the day, under the expenses policy."),
    (Assessment.MET, "Minutes and papers shared with everyone involved."),
    (Assessment.MET, "Step-free room with a hearing loop, checked before each meeting."),
    (Assessment.PARTLY, "Papers a week ahead, but two decisions came the same day."),
    (Assessment.NOT_APPLICABLE, "An advisory group: places on the board are elsewhere."),
    (Assessment.MET, "In the room, online or by phone."),
    (Assessment.MET, "Induction and chairing skills, both offered this year."),
]


def staff_markers(organisation) -> list[QualityMarker]:
    return list(
        QualityMarker.objects.filter(
            organisation=organisation,
            judged_by="",
            actor=QualityMarker.Actor.ORGANISATION,
            retired_at__isnull=True,
        )
    )


def assess(activity, people, judgements=JUDGEMENTS) -> None:
    markers = staff_markers(activity.organisation)
    services.marker_assessments_save(
        activity=activity,
        assessments={m.pk: judged for m, judged in zip(markers, judgements, strict=False)},
        assessed_by=people["staff"],
    )


def rated(people):
    """The Voices Council, agreed, with everyone's feedback (enough answers to judge the
    markers about them) and a dozen of staff's judgements: rated, with reasons."""
    activity = council(people)
    answer_on_behalf(activity, people, NAMES)
    assess(activity, people)
    return activity


def tokenism(people):
    """Agreed at "consulting", and everyone said they were only informed: possible
    tokenism, with the numbers."""
    activity = council(people)
    answer_on_behalf(activity, people, NAMES, values={**ANSWERS, "say": "informing"})
    return activity


def unagreed(people):
    """A draft with nothing agreed, whose first session has already happened."""
    activity = make_activity(
        by=people["staff"], title="Outpatient waiting rooms: what would help", days_from_now=-20
    )
    add_session(activity, days_from_now=-5, papers_sent_on=None)
    return activity


# --- the organisation's overview and the rules ------------------------------------------------


def overview_with_flags(page, people, live_server):
    """Possible tokenism, a draft with a session held, and an activity rated good."""
    flagged = tokenism(people)
    assess(flagged, people)
    unagreed(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:quality-overview"))
    expect_heading(page, "Quality of involvement")
    main = page.locator("main")
    assert main.get_by_role("link", name="Voices Council").is_visible()
    assert "9 of 9 people who answered" in main.inner_text()
    assert main.get_by_role("link", name="Outpatient waiting rooms: what would help").is_visible()


def overview_empty(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:quality-overview"))
    main = page.locator("main").inner_text()
    assert "Not rated yet" in main
    assert "None: in no activity did people say" in main


def rules(page, people, live_server):
    sign_in(page, people["trustee"], live_server)
    page.goto(reverse("quality:rating-rules"))
    expect_heading(page, "How ratings are worked out")


def rules_for_activity(page, people, live_server):
    activity = rated(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:rating-rules") + f"?activity={activity.pk}")
    assert page.get_by_role("heading", name="Why Voices Council is rated").is_visible()
    assert page.get_by_role("link", name="Back to quality of involvement").is_visible()


# --- the catalogue of markers -----------------------------------------------------------------


def with_own_and_retired(people):
    organisation = organisation_of(people["staff"])
    services.marker_create(
        organisation=organisation,
        data={
            "stage": "follow_up",
            "text": "People are thanked in writing, in the format they asked for.",
            "standards": ["impact"],
            "elements": ["mutual_respect"],
        },
    )
    services.marker_retire(marker=staff_markers(organisation)[1])


def marker_list(page, people, live_server):
    """Table 2, one of the organisation's own and one retired, with their actions."""
    with_own_and_retired(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:marker-list"))
    expect_heading(page, "Quality markers")
    assert page.get_by_text("Your own").is_visible()
    assert page.get_by_role("button", name="Bring back").count() == 1


def marker_list_trustee(page, people, live_server):
    """No add button, no actions column."""
    with_own_and_retired(people)
    sign_in(page, people["trustee"], live_server)
    page.goto(reverse("quality:marker-list"))
    assert page.get_by_role("link", name="Add a marker").count() == 0
    assert page.get_by_role("button", name="Retire").count() == 0


def marker_add(page, people, live_server):
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:marker-create"))
    expect_heading(page, "Add a quality marker")


def marker_add_error(page, people, live_server):
    """No stage and no words: errors on a radio group and a text box."""
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:marker-create"))
    submit(page, "Add marker")
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")
    assert page.locator(".govuk-error-message").count() == 2


# --- one activity -----------------------------------------------------------------------------


def activity_tokenism(page, people, live_server):
    activity = tokenism(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:activity-quality", args=[activity.pk]))
    expect_heading(page, "Quality of involvement")
    assert page.locator(".govuk-warning-text").get_by_text("Possible tokenism.").is_visible()
    assert page.locator("tr.inv-agreed-row").count() == 1


def activity_no_agreed_level(page, people, live_server):
    activity = unagreed(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:activity-quality", args=[activity.pk]))
    assert page.get_by_text("No influence level has been agreed yet").is_visible()
    assert page.get_by_text("The purpose is not written down yet.").is_visible()


def activity_with_ratings(page, people, live_server):
    """Statuses from the app, the feedback and staff, with a rating and its reasons."""
    activity = rated(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:activity-quality", args=[activity.pk]))
    main = page.locator("main")
    assert main.get_by_text("Worked out by the app:").count() >= 3
    assert main.get_by_text("From the feedback:").count() >= 6
    assert main.get_by_text("Assessed by").count() == len(JUDGEMENTS)
    assert main.get_by_role("link", name="Assess the markers").is_visible()


def activity_trustee(page, people, live_server):
    activity = rated(people)
    sign_in(page, people["trustee"], live_server)
    page.goto(reverse("quality:activity-quality", args=[activity.pk]))
    assert page.get_by_role("link", name="Assess the markers").count() == 0


def assess_form(page, people, live_server):
    """Staff's earlier judgements and evidence filled in."""
    activity = council(people)
    assess(activity, people, JUDGEMENTS[:3])
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:marker-assess", args=[activity.pk]))
    expect_heading(page, "Assess the markers")
    assert page.locator(".govuk-radios__input:checked").count() == 3


def assess_error(page, people, live_server):
    """Partly met, and not met, with no evidence."""
    activity = council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:marker-assess", args=[activity.pk]))
    page.get_by_role("radio", name="Partly met").first.check()
    page.get_by_role("radio", name="Not met").nth(1).check()
    submit(page, "Save the checklist")
    expect_error_summary(page)
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")
    assert page.locator(".govuk-error-message").count() == 2


# --- you said, we did -------------------------------------------------------------------------

NO_COMMENTS = {"what_was_good": "", "do_differently": "", "anything_else": ""}
# Three people's feedback comments; Marion asked for her name to be hidden.
COMMENTS = [
    ("Dee Walsh", {"do_differently": "Send the papers a week before, in large print."}),
    (
        "Kofi Mensah",
        {
            "what_was_good": "The chair made sure the quiet people got a turn.",
            "do_differently": "Meet at the library sometimes: it is easier to get to.",
        },
    ),
    ("Marion B.", {"anything_else": "Could we have a longer break halfway?", "anonymous": True}),
]
NOT_ADOPTED_REASON = "The library has no room free in the evenings; we asked in March."


def with_comments(people):
    """The Voices Council with three people's feedback comments, none taken yet."""
    activity = council(people)
    for name, words in COMMENTS:
        answer_on_behalf(activity, people, [name], values={**ANSWERS, **NO_COMMENTS, **words})
    return activity


def answer_of(activity, name) -> FeedbackResponse:
    return FeedbackResponse.objects.get(activity=activity, request__participant__name=name)


def said(activity, people, text, *, days=0, name=None) -> Contribution:
    """Typed in by staff from a meeting."""
    return services.contribution_add(
        activity=activity,
        participant=person_of(activity, name) if name else None,
        raised_on=days_ago(days),
        text=text,
        source=Contribution.Source.MEETING,
        created_by=people["staff"],
    )


def taken(activity, people, name, field) -> Contribution:
    return services.contribution_from_comment(
        response=answer_of(activity, name), field=field, created_by=people["staff"]
    )


def respond(contribution, people, decision, **words) -> Contribution:
    fields = {"what_changed": "", "changed_on": None, "reason": "", "who_decides": ""}
    return services.contribution_respond(
        contribution=contribution,
        decision=decision,
        responded_by=people["staff"],
        **{**fields, **words},
    )


def loop(people, *, publish=False):
    """Typed and taken from feedback, a response of every kind, one waiting and one overdue
    (raised 45 days ago); Kofi's first comment and Marion's still to take."""
    activity = with_comments(people)
    respond(
        said(activity, people, "Put the minutes on the website too.", days=60, name="Lewis Grant"),
        people,
        Contribution.Decision.ACCEPTED,
        what_changed="The minutes go on the website a week after each meeting.",
        changed_on=days_ago(40),
    )
    respond(
        said(activity, people, "Open the day centre on Saturdays.", days=50),
        people,
        Contribution.Decision.NOT_OURS,
        who_decides="The board of trustees, when it sets the budget in March",
    )
    respond(
        said(activity, people, "Pay for taxis, not just buses.", days=20, name="Aisha K."),
        people,
        Contribution.Decision.PARTLY,
        what_changed="Taxis are paid for anyone who cannot use the bus.",
        reason="For everyone else, the budget covers buses only.",
    )
    said(activity, people, "Tell us how to write to the board.", days=45, name="Sasha Novak")
    respond(
        taken(activity, people, "Dee Walsh", "do_differently"),
        people,
        Contribution.Decision.NOT_ADOPTED,
        reason="Large print papers go to everyone who asks; nobody else has asked yet.",
    )
    taken(activity, people, "Kofi Mensah", "do_differently")
    if publish:
        services.loop_page_publish(activity=activity, publish=True)
    return activity


def contribution_list(page, people, live_server):
    """Every kind of response, one waiting, one overdue, comments to take, and the button
    to publish."""
    activity = loop(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-list", args=[activity.pk]))
    expect_heading(page, "You said, we did")
    main = page.locator("main")
    assert main.locator(".govuk-summary-card").count() == 6
    assert main.get_by_text("Waiting for a response").count() == 1
    assert main.locator(".govuk-tag", has_text="Overdue").count() == 1
    assert main.get_by_role("button", name="Add to “you said”").count() == 2
    assert main.get_by_role("button", name="Publish the page").is_visible()
    assert main.get_by_role("link", name="See the public page").count() == 0


def contribution_list_published(page, people, live_server):
    """Published: a link to the public page and a button to stop publishing."""
    activity = loop(people, publish=True)
    sign_in(page, people["org_admin"], live_server)
    page.goto(reverse("quality:contribution-list", args=[activity.pk]))
    assert page.get_by_role("link", name="See the public page").is_visible()
    assert page.get_by_role("button", name="Stop publishing").is_visible()


def contribution_list_empty(page, people, live_server):
    """Nothing said and no comments: no figures to work out, nothing to take."""
    activity = council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-list", args=[activity.pk]))
    main = page.locator("main")
    assert main.get_by_text("Nothing recorded yet.").is_visible()
    assert main.get_by_role("heading", name="Feedback comments not taken yet").count() == 0
    assert main.get_by_role("link", name="Add what someone said").is_visible()


def contribution_add(page, people, live_server):
    activity = council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-create", args=[activity.pk]))
    expect_heading(page, "Add what someone said")
    assert page.get_by_label("Who raised it (optional)").is_visible()


def contribution_add_error(page, people, live_server):
    """Nothing filled in: errors on a text box, a date and a radio group."""
    activity = council(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-create", args=[activity.pk]))
    submit(page, "Save")
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")
    assert page.locator(".govuk-error-message").count() == 3


def contribution_respond(page, people, live_server):
    activity = with_comments(people)
    contribution = taken(activity, people, "Kofi Mensah", "do_differently")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-respond", args=[contribution.pk]))
    expect_heading(page, "Record the response")
    assert page.locator(".govuk-inset-text").get_by_text("Meet at the library").is_visible()


def contribution_respond_error(page, people, live_server):
    """Not adopted, with no reason."""
    activity = with_comments(people)
    contribution = taken(activity, people, "Kofi Mensah", "do_differently")
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:contribution-respond", args=[contribution.pk]))
    page.get_by_role("radio", name="Not adopted").check()
    submit(page, "Save the response")
    expect_summary_links_work(page)
    assert page.title().startswith("Error:")
    assert page.get_by_role("radio", name="Not adopted").is_checked()
    assert page.locator("#id_reason_1_error").is_visible()


def loop_public(page, people, live_server):
    """Published, read by someone not signed in: what was asked and done, no names."""
    activity = loop(people, publish=True)
    slug = LoopPage.objects.get(activity=activity).slug
    page.goto(reverse("quality:loop-page-public", args=[slug]))
    expect_heading(page, "You said, we did: Voices Council")
    main = page.locator("main").inner_text()
    assert "Put the minutes on the website too." in main
    assert "Tell us how to write to the board." not in main, "waiting: not shown yet"
    assert not any(name in main for name, *_rest in COUNCIL), "no one is named"


def overview_with_overdue(page, people, live_server):
    """The loop figures, and what has waited longer than 30 days, for staff."""
    loop(people)
    sign_in(page, people["staff"], live_server)
    page.goto(reverse("quality:quality-overview"))
    overdue = page.locator("main h3", has_text="Overdue").locator("xpath=following-sibling::ul[1]")
    assert "Tell us how to write to the board." in overdue.inner_text()
    assert "Voices Council" in overdue.inner_text()
    assert overdue.get_by_role("link", name="Tell us how to write to the board.").is_visible()


def overview_loop_trustee(page, people, live_server):
    """Trustees see the figures, not who said what."""
    loop(people)
    sign_in(page, people["trustee"], live_server)
    page.goto(reverse("quality:quality-overview"))
    main = page.locator("main")
    assert main.get_by_role("heading", name="You said, we did").is_visible()
    assert main.get_by_role("heading", name="Overdue", exact=True).count() == 0
    assert "Tell us how to write to the board." not in main.inner_text()


QUALITY_STATES = [
    overview_with_flags,
    overview_empty,
    rules,
    rules_for_activity,
    marker_list,
    marker_list_trustee,
    marker_add,
    marker_add_error,
    activity_tokenism,
    activity_no_agreed_level,
    activity_with_ratings,
    activity_trustee,
    assess_form,
    assess_error,
    contribution_list,
    contribution_list_published,
    contribution_list_empty,
    contribution_add,
    contribution_add_error,
    contribution_respond,
    contribution_respond_error,
    loop_public,
    overview_with_overdue,
    overview_loop_trustee,
]
