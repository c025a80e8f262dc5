"""The organisation's quality overview (its rating, activities by rating, possible tokenism,
drafts whose sessions have happened), the rating rules page, and what quality pages cost in
queries as the data grows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, Agreement
from quality.judging import NOTICE_DAYS
from quality.models import QualityMarker
from quality.selectors import organisation_ratings

from ..factories import (
    ActivityFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    MarkerAssessmentFactory,
    QualityMarkerFactory,
    SessionFactory,
)
from ..pages import Page

OVERVIEW = reverse("quality:quality-overview")
RULES = reverse("quality:rating-rules")


def quality_url(activity) -> str:
    return reverse("quality:activity-quality", args=[activity.pk])


def past(days=10) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def answer(activity, count, **values):
    for _ in range(count):
        FeedbackResponseFactory(request=FeedbackRequestFactory(activity=activity), **values)


def staff_markers(organisation) -> list[QualityMarker]:
    return list(
        QualityMarker.objects.filter(
            organisation=organisation, judged_by="", retired_at=None
        ).order_by("position")
    )


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def flagged(brightwater, staff):
    """Voices Council: consulting agreed, and the 8 people who answered all said they were
    only informed."""
    activity = ActivityFactory(
        organisation=brightwater, created_by=staff, title="Voices Council", agreed_with=["Ann"]
    )
    answer(activity, 8, say="informing")
    return activity


@pytest.fixture
def youth_forum(brightwater, staff):
    """Youth forum: still a draft, nothing agreed, and a session held last week."""
    activity = ActivityFactory(organisation=brightwater, created_by=staff, title="Youth forum")
    SessionFactory(activity=activity, starts_at=past(7))
    return activity


# The overview


def test_the_overview_lists_activities_flagged_as_possible_tokenism(
    staff_client, flagged, brightwater, staff
):
    fine = ActivityFactory(
        organisation=brightwater, created_by=staff, title="Carers' panel", agreed_with=["Bo"]
    )
    answer(fine, 8, say="consulting")
    html = staff_client.get(OVERVIEW).content.decode()
    flags = html.split("Possible tokenism")[1].split("Sessions held without an agreement")[0]
    assert f'href="{quality_url(flagged)}#influence">Voices Council</a>' in flags
    assert (
        "8 of 8 people who answered said they had 2 or more steps less say than the "
        "“Consulting” agreed."
    ) in flags
    assert "Carers" not in flags


def test_the_overview_lists_drafts_whose_sessions_have_happened(
    staff_client, youth_forum, brightwater, staff
):
    later = ActivityFactory(organisation=brightwater, created_by=staff, title="Next year's plan")
    SessionFactory(activity=later, starts_at=timezone.now() + datetime.timedelta(days=7))
    html = staff_client.get(OVERVIEW).content.decode()
    drafts = html.split("Sessions held without an agreement")[1].split("Activities by rating")[0]
    detail = reverse("activities:activity-detail", args=[youth_forum.pk])
    assert f'href="{detail}">Youth forum</a>' in drafts
    assert "Next year" not in drafts


def test_with_nothing_to_look_at_the_overview_says_so(staff_client, brightwater, staff):
    ActivityFactory(organisation=brightwater, created_by=staff)
    html = staff_client.get(OVERVIEW).content.decode()
    assert "None: in no activity did people say they had clearly less say than was agreed." in html
    drafts = html.split("Sessions held without an agreement")[1].split("Activities by rating")[0]
    assert "None." in drafts


def test_the_overview_shows_only_the_organisations_own_activities(
    client_for, other_org_staff, northgate, flagged, youth_forum
):
    theirs = ActivityFactory(organisation=northgate, created_by=other_org_staff, title="Ours")
    SessionFactory(activity=theirs, starts_at=past())
    html = client_for(other_org_staff).get(OVERVIEW).content.decode()
    assert "Voices Council" not in html
    assert "Youth forum" not in html
    assert reverse("activities:activity-detail", args=[theirs.pk]) in html
    assert "Every quality marker across 1 activity, taken together." in html


def test_trustees_see_the_overview(client_for, trustee, flagged):
    response = client_for(trustee).get(OVERVIEW)
    assert response.status_code == 200
    assert "Voices Council" in response.content.decode()


def test_the_overview_counts_activities_by_rating(staff_client, brightwater, staff, flagged):
    ActivityFactory(organisation=brightwater, created_by=staff)
    good = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Cy"])
    for item in staff_markers(brightwater):
        MarkerAssessmentFactory(activity=good, marker=item)
    page = Page.of(staff_client.get(OVERVIEW))
    assert "Every quality marker across 3 activities, taken together." in (
        staff_client.get(OVERVIEW).content.decode()
    )
    assert page.rows["Not rated yet"] == "0"
    assert page.rows["Requires improvement"] == "2"
    # The activity staff judged: purpose agreed and staff's 19 markers met; no sessions,
    # nobody involved and nothing to tell anyone (3 do not apply); nobody answered (6 not
    # judged). 20 of the 26 that apply judged (77%), every one met: outstanding.
    assert page.rows["Outstanding"] == "1"
    assert page.rows["Good"] == "0"


def test_the_organisations_rating_pools_every_activitys_markers(brightwater, staff, flagged):
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    first = staff_markers(brightwater)[0]
    MarkerAssessmentFactory(activity=other, marker=first, status="partly", evidence="Half")
    activities = list(Activity.objects.select_related("agreement").filter(organisation=brightwater))
    pooled = organisation_ratings(brightwater, activities)
    # Voices Council: purpose agreed, the 8 who answered are involved, and all said yes
    # (8 met); no sessions and no responses to tell anyone about (2 do not apply); staff
    # judged nothing (19). The other: purpose not written (not met); no sessions, nobody
    # involved and no responses (3 do not apply); nobody answered (6) and staff judged one
    # of their 19, partly.
    assert pooled["overall"].counts == {
        "met": 8,
        "partly": 1,
        "not_met": 1,
        "not_applicable": 2 + 3,
        "unjudged": 19 + 6 + 18,
    }
    assert dict(pooled["activities_by_grade"])["Requires improvement"] == 2


def test_retired_markers_are_left_out_of_the_organisations_rating(brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    own = QualityMarkerFactory(organisation=brightwater)
    MarkerAssessmentFactory(activity=activity, marker=own, status="met")
    activities = [Activity.objects.select_related("agreement").get(pk=activity.pk)]
    assert organisation_ratings(brightwater, activities)["overall"].counts["met"] == 1
    QualityMarker.objects.filter(pk=own.pk).update(retired_at=timezone.now())
    assert organisation_ratings(brightwater, activities)["overall"].counts["met"] == 0


# The rules page


def test_the_rules_page_writes_down_every_threshold(client_for, trustee):
    html = " ".join(client_for(trustee).get(RULES).content.decode().split())
    for words in [
        "<strong>Outstanding</strong>: at least 75% of the markers that apply have been judged, "
        "the score is 85% or more, and no marker is not met.",
        "<strong>Good</strong>: at least 50% of the markers that apply have been judged, the "
        "score is 60% or more, and at most one marker is not met.",
        "scores 2 points when met, 1 when partly met and 0 when not met",
        "Markers that do not apply are left out.",
        f"papers went {NOTICE_DAYS} days or more before every session held",
        "met when 80% or more of those who answered said yes, partly met from 50%",
        "at least 50% of the people who answered said they had 2 or more steps less say",
    ]:
        assert words in html, words


def test_the_rules_page_says_why_an_activity_is_rated_as_it_is(staff_client, brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, title="Voices Council")
    response = staff_client.get(RULES, {"activity": activity.pk})
    html = " ".join(response.content.decode().split())
    assert "Why Voices Council is rated requires improvement" in html
    assert "Good needs at least 50% of markers judged." in html
    assert "Markers met: 0. Partly met: 0. Not met: 1. Do not apply: 3. Not judged yet: 25." in html
    assert f'href="{quality_url(activity)}"' in html


def test_the_rules_page_ignores_an_activity_that_is_not_a_number(staff_client):
    response = staff_client.get(RULES, {"activity": "abc"})
    assert response.status_code == 200
    assert "Why " not in response.content.decode()


def test_the_rules_page_finds_no_activity_that_does_not_exist(staff_client):
    assert staff_client.get(RULES, {"activity": 999999}).status_code == 404
    assert staff_client.get(RULES, {"activity": "9" * 30}).status_code == 404


def test_the_rules_page_survives_an_activity_that_only_looks_like_a_number(client_for, staff):
    client = client_for(staff, raise_request_exception=False)
    assert client.get(RULES, {"activity": "²"}).status_code in (200, 404)


def test_the_checklist_link_opens_the_rules_for_that_activity(staff_client, flagged):
    page = staff_client.get(quality_url(flagged)).content.decode()
    href = f"/quality/rules/?activity={flagged.pk}"
    assert href in page
    assert "Why Voices Council is rated" in staff_client.get(href).content.decode()


# Queries as the data grows


def queries_for(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


def fill(activity, markers):
    """What the quality pages count, for one activity: sessions (with papers), people,
    feedback with how much say, and staff's assessments."""
    starts_at = past()
    papers = timezone.localtime(starts_at).date() - datetime.timedelta(days=NOTICE_DAYS)
    SessionFactory(activity=activity, starts_at=starts_at, papers_sent_on=papers)
    SessionFactory(activity=activity, starts_at=past(3))
    InvolvementFactory(activity=activity, came_in="volunteered")
    answer(activity, 2, say="informing")
    answer(activity, 1, say="dont_know", listened_to="no")
    for item, status in zip(markers, ["met", "partly", "not_met"], strict=False):
        MarkerAssessmentFactory(activity=activity, marker=item, status=status, evidence="Seen")


def add_activities(organisation, staff, count):
    """`count` activities, of every kind the overview lists: agreed and flagged, drafts with
    sessions held, and plain drafts."""
    markers = staff_markers(organisation)
    for n in range(count):
        if n % 3 == 0:
            activity = ActivityFactory(
                organisation=organisation, created_by=staff, agreed_with=["Ann"]
            )
        else:
            activity = ActivityFactory(organisation=organisation, created_by=staff)
        if n % 3 == 1:
            Agreement.objects.filter(activity=activity).update(purpose="Written, not agreed.")
        fill(activity, markers[n % 5 : n % 5 + 3])


OVERVIEW_MAX_QUERIES = 15


def test_the_overview_costs_the_same_with_2_and_20_activities(
    brightwater, staff, trustee, client_for, django_assert_max_num_queries
):
    client = client_for(trustee)
    add_activities(brightwater, staff, 2)
    at_2 = queries_for(client, OVERVIEW)
    add_activities(brightwater, staff, 18)
    with django_assert_max_num_queries(OVERVIEW_MAX_QUERIES):
        at_20 = queries_for(client, OVERVIEW)
    assert at_20 == at_2
    html = client.get(OVERVIEW).content.decode()
    assert "Every quality marker across 20 activities" in html


CHECKLIST_MAX_QUERIES = 15


@pytest.mark.parametrize("persona", ["staff", "trustee"])
def test_the_checklist_costs_the_same_with_little_and_much_data(
    persona, people, brightwater, staff, client_for, django_assert_max_num_queries
):
    client = client_for(people[persona])
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=["Ann"])
    url = quality_url(activity)
    fill(activity, staff_markers(brightwater)[:3])
    small = queries_for(client, url)
    for _ in range(9):
        fill(activity, [])
    own = [QualityMarkerFactory(organisation=brightwater) for _ in range(10)]
    for item in own:
        MarkerAssessmentFactory(activity=activity, marker=item, assessed_by=staff)
    add_activities(brightwater, staff, 5)
    with django_assert_max_num_queries(CHECKLIST_MAX_QUERIES):
        large = queries_for(client, url)
    assert large == small
    with django_assert_max_num_queries(CHECKLIST_MAX_QUERIES):
        rules = queries_for(client, RULES, activity=activity.pk)
    assert rules <= large


def test_the_assess_page_costs_the_same_with_2_and_20_own_markers(
    brightwater, staff, client_for, django_assert_max_num_queries
):
    client = client_for(staff)
    activity = ActivityFactory(organisation=brightwater, created_by=staff)
    url = reverse("quality:marker-assess", args=[activity.pk])

    def add(count):
        for _ in range(count):
            item = QualityMarkerFactory(organisation=brightwater)
            MarkerAssessmentFactory(activity=activity, marker=item)

    add(2)
    at_2 = queries_for(client, url)
    add(18)
    with django_assert_max_num_queries(CHECKLIST_MAX_QUERIES):
        at_20 = queries_for(client, url)
    assert at_20 == at_2


def test_the_markers_list_costs_the_same_with_10_and_200_own_markers(
    brightwater, staff, client_for, django_assert_max_num_queries
):
    client = client_for(staff)
    url = reverse("quality:marker-list")

    def add(count):
        for _ in range(count):
            QualityMarkerFactory(organisation=brightwater)

    add(10)
    at_10 = queries_for(client, url)
    add(190)
    QualityMarker.objects.filter(
        pk__in=QualityMarker.objects.filter(organisation=brightwater, catalogue_key="").values(
            "pk"
        )[:50]
    ).update(retired_at=timezone.now())
    with django_assert_max_num_queries(CHECKLIST_MAX_QUERIES):
        at_200 = queries_for(client, url)
    assert at_200 == at_10
