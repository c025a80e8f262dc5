"""An activity's checklist: filled in by the app, by the people's feedback and by staff, with
its rating and the reasons; staff's assessments, and who may see and change them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity
from quality import services
from quality.judging import NOTICE_DAYS
from quality.models import MarkerAssessment, QualityMarker
from quality.selectors import activity_checklist

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    MarkerAssessmentFactory,
    ParticipantFactory,
    QualityMarkerFactory,
    SessionFactory,
)
from ..pages import Page, assert_field_error

# Table 2's 22 organisation markers less the 4 the app judges, and the one marker for the
# people involved that no feedback question covers ("They increase engagement").
STAFF_JUDGED = 19
MISSING = "Say what is missing for “{}”, so it can be put right."


def quality_url(activity) -> str:
    return reverse("quality:activity-quality", args=[activity.pk])


def assess_url(activity) -> str:
    return reverse("quality:marker-assess", args=[activity.pk])


def staff_markers(organisation) -> list[QualityMarker]:
    return list(
        QualityMarker.objects.filter(
            organisation=organisation, judged_by="", retired_at=None
        ).order_by("position")
    )


def marker(organisation, key) -> QualityMarker:
    return QualityMarker.objects.get(organisation=organisation, catalogue_key=key)


def checklist_of(activity):
    activity = Activity.objects.select_related("agreement").get(pk=activity.pk)
    return activity_checklist(activity, activity.organisation)


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def activity(brightwater, staff):
    return ActivityFactory(organisation=brightwater, created_by=staff, title="Voices Council")


@pytest.fixture
def rated_good(brightwater, staff):
    """Carers' panel, rated good: three of the four markers the app judges are met (agreed,
    papers in time, people involved) and the fourth partly (of two named people given a
    response, one was told), 8 people answered their feedback (all yes), and staff judged
    their 19 markers in Table 2's order: 15 met, then the rest of monitoring and follow-up
    partly, and the last, "They increase engagement", not met.

    29 markers, all judged, none "does not apply". Points: 3 app + 6 feedback + 15 staff
    met = 24 × 2 = 48, + 4 partly = 52 of 58: 90%, but one not met: good."""
    activity = ActivityFactory(
        organisation=brightwater, created_by=staff, title="Carers' panel", agreed_with=["Ann"]
    )
    starts_at = timezone.now() - datetime.timedelta(days=10)
    papers = timezone.localtime(starts_at).date() - datetime.timedelta(days=NOTICE_DAYS)
    SessionFactory(activity=activity, starts_at=starts_at, papers_sent_on=papers)
    for _ in range(8):
        FeedbackResponseFactory(request=FeedbackRequestFactory(activity=activity))
    for status, told_at in (("told", timezone.now()), ("responded", None)):
        ContributionFactory(
            activity=activity,
            participant=ParticipantFactory(organisation=brightwater),
            status=status,
            decision="accepted",
            what_changed="Done.",
            responded_at=timezone.now(),
            told_at=told_at,
        )
    statuses = ["met"] * 15 + ["partly"] * 3 + ["not_met"]
    for item, status in zip(staff_markers(brightwater), statuses, strict=True):
        MarkerAssessmentFactory(
            activity=activity,
            marker=item,
            status=status,
            evidence=f"Evidence for {status}",
            assessed_by=staff,
        )
    return activity


# The checklist


def test_the_checklist_says_where_each_status_comes_from(staff_client, rated_good, staff):
    html = staff_client.get(quality_url(rated_good)).content.decode()
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"Worked out by the app:</strong></span> Written down and agreed on {today}." in html
    assert "Worked out by the app:</strong></span> Papers went 7 days or more before 1 of 1" in html
    assert "From the feedback:</strong></span> 100% of 8 people said yes." in html
    told = "People were told the response to * of * suggestions."
    assert f"Worked out by the app:</strong></span> {told}" in html
    assert "Evidence for partly" in html
    assert f"Assessed by {staff.full_name} on" in html


def test_the_checklist_lists_every_marker_by_actor_and_stage(rated_good):
    checklist = checklist_of(rated_good)
    assert [(g["actor"], g["stage"]) for g in checklist["groups"]] == [
        ("The organisation", "Preparation"),
        ("The organisation", "Access and participation"),
        ("The organisation", "Monitoring and evaluation"),
        ("The organisation", "Follow-up"),
        ("The people involved", "Access and participation"),
        ("The people involved", "Monitoring and evaluation"),
        ("The people involved", "Follow-up"),
    ]
    assert len(checklist["rows"]) == 29
    sources = [row.source for row in checklist["rows"]]
    assert (sources.count("app"), sources.count("feedback"), sources.count("staff")) == (4, 6, 19)


def test_the_checklist_shows_the_rating_and_a_link_to_why(staff_client, rated_good):
    response = staff_client.get(quality_url(rated_good))
    html = response.content.decode()
    assert 'inv-grade--good">Good</strong>' in html
    assert (
        "100% of the markers that apply are judged, scoring 89% of the points possible, "
        "with 1 not met."
    ) in html
    assert "Outstanding needs no marker not met." in html
    why = f'href="/quality/rules/?activity={rated_good.pk}">Why is this rated good?</a>'
    assert why in html


def test_the_rating_by_stage_and_by_4pi_standard(rated_good):
    ratings = checklist_of(rated_good)["ratings"]
    assert ratings["overall"].grade == "good"
    assert [label for label, _rated in ratings["stages"]] == [
        "Preparation",
        "Access and participation",
        "Monitoring and evaluation",
        "Follow-up",
    ]
    assert [label for label, _rated in ratings["standards"]] == [
        "Principles",
        "Purpose",
        "Presence",
        "Process",
        "Impact",
    ]
    # Follow-up: the 3 organisation markers (all partly: two by staff, one by the app) and
    # 2 for the people involved (met from their feedback; not met by staff).
    follow_up = dict(ratings["stages"])["Follow-up"]
    assert follow_up.counts == {
        "met": 1,
        "partly": 3,
        "not_met": 1,
        "not_applicable": 0,
        "unjudged": 0,
    }
    # Each marker counts towards every standard it is tagged with.
    tags = sum(len(row.marker.standards) for row in checklist_of(rated_good)["rows"])
    assert sum(sum(r.counts.values()) for _label, r in ratings["standards"]) == tags


def test_a_new_activity_requires_improvement_and_says_why(staff_client, activity):
    html = staff_client.get(quality_url(activity)).content.decode()
    assert 'inv-grade--requires_improvement">Requires improvement</strong>' in html
    assert "The purpose is not written down yet." in html
    assert "No sessions held yet." in html
    assert "Nobody involved yet." in html
    assert "Fewer than 8 people answered, too few to judge." in html
    assert "Good needs at least 50% of markers judged." in html
    assert f'href="/quality/rules/?activity={activity.pk}"' in html


def test_trustees_see_the_checklist_without_the_way_to_assess(client_for, trustee, rated_good):
    response = client_for(trustee).get(quality_url(rated_good))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Evidence for partly" in html
    assert "Assess the markers" not in html


def test_staff_have_a_way_to_assess(staff_client, activity):
    html = staff_client.get(quality_url(activity)).content.decode()
    assert f'href="{assess_url(activity)}"' in html


def test_the_influence_gap_is_on_the_checklist_page(staff_client, brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann"])
    for _ in range(8):
        FeedbackResponseFactory(request=FeedbackRequestFactory(activity=activity), say="informing")
    html = staff_client.get(quality_url(activity)).content.decode()
    assert "Possible tokenism." in html
    assert (
        "8 of 8 people who answered said they had 2 or more steps less say than the "
        "“Consulting” agreed."
    ) in html
    assert "8 people answered on the ladder" in html


def test_the_activity_page_and_the_menu_lead_to_quality(client_for, people, activity):
    detail = reverse("activities:activity-detail", args=[activity.pk])
    for persona in ("staff", "trustee"):
        html = client_for(people[persona]).get(detail).content.decode()
        assert f'href="{quality_url(activity)}"' in html, persona
        assert f'href="{reverse("quality:quality-overview")}"' in html, persona


def test_service_users_are_not_led_to_quality(client_for, service_user, brightwater, staff):
    theirs = ActivityFactory(
        organisation=brightwater, created_by=staff, agreed_with=["Jordan Reid"]
    )
    theirs.agreement.participants.filter(name="Jordan Reid").update(user=service_user)
    detail = reverse("activities:activity-detail", args=[theirs.pk])
    response = client_for(service_user).get(detail)
    assert response.status_code == 200
    html = response.content.decode()
    assert quality_url(theirs) not in html
    assert f'href="{reverse("quality:quality-overview")}"' not in html


def test_with_no_level_agreed_the_page_says_there_is_nothing_to_compare(staff_client, activity):
    html = staff_client.get(quality_url(activity)).content.decode()
    assert "No influence level has been agreed yet" in html


# Who may see and assess


def test_another_organisations_activity_is_not_found(client_for, other_org_staff, activity):
    client = client_for(other_org_staff)
    item = staff_markers(activity.organisation)[0]
    assert client.get(quality_url(activity)).status_code == 404
    assert client.get(assess_url(activity)).status_code == 404
    response = client.post(assess_url(activity), {f"status_{item.pk}": "met"})
    assert response.status_code == 404
    rules = reverse("quality:rating-rules") + f"?activity={activity.pk}"
    assert client.get(rules).status_code == 404
    assert not MarkerAssessment.objects.exists()


def test_trustees_cannot_assess(client_for, trustee, activity):
    client = client_for(trustee)
    item = staff_markers(activity.organisation)[0]
    assert client.get(assess_url(activity)).status_code == 403
    response = client.post(assess_url(activity), {f"status_{item.pk}": "met"})
    assert response.status_code == 403
    assert not MarkerAssessment.objects.exists()


def test_service_users_see_no_checklist(client_for, service_user, brightwater, staff):
    client = client_for(service_user)
    theirs = ActivityFactory(
        organisation=brightwater, created_by=staff, agreed_with=["Jordan Reid"]
    )
    theirs.agreement.participants.filter(name="Jordan Reid").update(user=service_user)
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    assert client.get(quality_url(theirs)).status_code == 403
    assert client.get(assess_url(theirs)).status_code == 403
    assert client.get(quality_url(other)).status_code == 404
    assert client.get(reverse("quality:quality-overview")).status_code == 403


# Staff's assessments


def test_the_form_asks_only_about_markers_staff_judge(staff_client, brightwater, activity):
    retired = QualityMarkerFactory(organisation=brightwater, retired_at=timezone.now())
    page = Page.of(staff_client.get(assess_url(activity)))
    asked = {name for name in page.ids if name.startswith("id_status_") and name.endswith("_1")}
    assert len(asked) == STAFF_JUDGED
    for key in (
        "purpose-of-involvement-is-agreed-and-written-down",
        "appropriate-notice-is-given-to-users",
        "percentage-of-users-who-are-invited-compared-to-those-who-volunteered",
        "changes-made-are-communicated-to-those-involved",
        "they-felt-listened-to",
    ):
        assert f"id_status_{marker(brightwater, key).pk}_1" not in page.ids, key
    assert f"id_status_{retired.pk}_1" not in page.ids
    # No feedback question covers this one, so staff judge it.
    engagement = marker(brightwater, "they-increase-engagement-with-the-organisation")
    assert f"id_status_{engagement.pk}_1" in page.ids


def test_the_form_starts_from_the_assessments_already_made(staff_client, brightwater, activity):
    item = staff_markers(brightwater)[0]
    MarkerAssessmentFactory(activity=activity, marker=item, status="partly", evidence="Half")
    page = Page.of(staff_client.get(assess_url(activity)))
    assert page.value(f"status_{item.pk}") == "partly"
    assert page.value(f"evidence_{item.pk}") == "Half"


def test_saving_creates_updates_and_removes_assessments(staff_client, staff, brightwater, activity):
    first, second, third, untouched = staff_markers(brightwater)[:4]
    MarkerAssessmentFactory(activity=activity, marker=first, status="met", evidence="Minutes")
    MarkerAssessmentFactory(activity=activity, marker=second, status="partly", evidence="Half")
    MarkerAssessmentFactory(activity=activity, marker=untouched, status="met", evidence="Same")
    before = MarkerAssessment.objects.get(marker=untouched).updated_at
    data = {
        f"status_{first.pk}": "not_met",
        f"evidence_{first.pk}": "  The minutes were never shared.  ",
        f"status_{second.pk}": "",
        f"evidence_{second.pk}": "",
        f"status_{third.pk}": "met",
        f"evidence_{third.pk}": "",
        f"status_{untouched.pk}": "met",
        f"evidence_{untouched.pk}": "Same",
    }
    response = staff_client.post(assess_url(activity), data, follow=True)
    assert response.redirect_chain[-1][0] == quality_url(activity)
    assert "Checklist saved." in response.content.decode()
    saved = {a.marker: a for a in MarkerAssessment.objects.filter(activity=activity)}
    assert set(saved) == {first, third, untouched}
    assert (saved[first].status, saved[first].evidence) == (
        "not_met",
        "The minutes were never shared.",
    )
    assert (saved[third].status, saved[third].evidence) == ("met", "")
    assert saved[third].assessed_by == staff
    assert saved[third].organisation == brightwater
    assert saved[untouched].updated_at == before


@pytest.mark.parametrize("status", ["partly", "not_met"])
def test_partly_or_not_met_needs_the_evidence(staff_client, brightwater, activity, status):
    item, other = staff_markers(brightwater)[:2]
    data = {
        f"status_{item.pk}": status,
        f"evidence_{item.pk}": "   ",
        f"status_{other.pk}": "met",
        f"evidence_{other.pk}": "Typed before the mistake",
    }
    response = staff_client.post(assess_url(activity), data)
    page = assert_field_error(response, f"evidence_{item.pk}", MISSING.format(item.text))
    assert page.value(f"status_{item.pk}") == status
    assert page.value(f"status_{other.pk}") == "met"
    assert page.value(f"evidence_{other.pk}") == "Typed before the mistake"
    assert not MarkerAssessment.objects.exists()


def test_met_and_does_not_apply_need_no_evidence(staff_client, brightwater, activity):
    item, other = staff_markers(brightwater)[:2]
    data = {f"status_{item.pk}": "met", f"status_{other.pk}": "not_applicable"}
    assert staff_client.post(assess_url(activity), data).status_code == 302
    statuses = set(MarkerAssessment.objects.values_list("status", flat=True))
    assert statuses == {"met", "not_applicable"}


def test_a_status_that_is_not_offered_is_refused(staff_client, brightwater, activity):
    item = staff_markers(brightwater)[0]
    response = staff_client.post(assess_url(activity), {f"status_{item.pk}": "brilliant"})
    assert_field_error(
        response, f"status_{item.pk}", "Choose one of the answers shown.", choices=True
    )
    assert not MarkerAssessment.objects.exists()


def test_evidence_has_a_limit(staff_client, brightwater, activity):
    item = staff_markers(brightwater)[0]
    data = {f"status_{item.pk}": "met", f"evidence_{item.pk}": "x" * 5001}
    response = staff_client.post(assess_url(activity), data)
    assert_field_error(
        response, f"evidence_{item.pk}", "Write 5000 characters or fewer. You wrote 5001."
    )
    assert not MarkerAssessment.objects.exists()


def test_a_tampered_post_cannot_set_markers_the_app_or_the_feedback_judge(
    staff_client, brightwater, activity
):
    purpose = marker(brightwater, "purpose-of-involvement-is-agreed-and-written-down")
    listened = marker(brightwater, "they-felt-listened-to")
    data = {f"status_{m.pk}": "met" for m in (purpose, listened)}
    assert staff_client.post(assess_url(activity), data).status_code == 302
    assert not MarkerAssessment.objects.exists()
    assert checklist_of(activity)["ratings"]["overall"].counts["met"] == 0


def test_a_tampered_post_cannot_assess_another_organisations_marker(
    staff_client, northgate, brightwater, activity
):
    theirs = QualityMarkerFactory(organisation=northgate)
    mine = staff_markers(brightwater)[0]
    data = {f"status_{theirs.pk}": "met", f"status_{mine.pk}": "met"}
    assert staff_client.post(assess_url(activity), data).status_code == 302
    assert list(MarkerAssessment.objects.values_list("marker", flat=True)) == [mine.pk]


def test_the_service_saves_only_what_staff_may_judge(staff, brightwater, northgate, activity):
    purpose = marker(brightwater, "purpose-of-involvement-is-agreed-and-written-down")
    listened = marker(brightwater, "they-felt-listened-to")
    theirs = QualityMarkerFactory(organisation=northgate)
    retired = QualityMarkerFactory(organisation=brightwater, retired_at=timezone.now())
    mine = staff_markers(brightwater)[0]
    changed = services.marker_assessments_save(
        activity=activity,
        assessments={m.pk: ("met", "") for m in (purpose, listened, theirs, retired, mine)},
        assessed_by=staff,
    )
    assert changed == 1
    assert list(MarkerAssessment.objects.values_list("marker", flat=True)) == [mine.pk]


def test_saving_the_same_again_changes_nothing(staff, brightwater, activity):
    mine = staff_markers(brightwater)[0]
    assessments = {mine.pk: ("partly", "Half done")}
    assert (
        services.marker_assessments_save(
            activity=activity, assessments=assessments, assessed_by=staff
        )
        == 1
    )
    assert (
        services.marker_assessments_save(
            activity=activity, assessments=assessments, assessed_by=staff
        )
        == 0
    )
    assert MarkerAssessment.objects.count() == 1


def test_evidence_typed_without_a_status_is_not_lost(staff_client, brightwater, activity):
    item = staff_markers(brightwater)[0]
    data = {f"status_{item.pk}": "", f"evidence_{item.pk}": "Ten pages of notes"}
    response = staff_client.post(assess_url(activity), data)
    assert response.status_code == 200
    assert Page.of(response).value(f"evidence_{item.pk}") == "Ten pages of notes"
    assert_field_error(
        response,
        f"status_{item.pk}",
        f"Choose how far “{item.text}” is met, or clear its evidence.",
        choices=True,
    )
