"""The quality overview keeps its figures in the cache; every kind of write to a row they
count makes it work them out again, so nobody sees a figure older than the data, and a visit
with the figures cached costs a few queries whatever the size of the organisation."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities import services as activity_services
from activities.models import Activity
from participant.services import participant_erase
from quality import selectors, services
from quality.models import Contribution, QualityMarker
from quality.selectors.cached import FIGURES
from quality.services.tell import contribution_rate, contribution_told_in_person
from quality.views.markers import OVERDUE_SHOWN

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
    MarkerAssessmentFactory,
    ParticipantFactory,
    QualityMarkerFactory,
    influence_level,
)
from ..pages import Page

OVERVIEW = reverse("quality:quality-overview")
FIGURES_SHOWN = ("ratings", "flags", "loop", "activity_count")


def shown(client) -> dict:
    """The figures the overview shows, as the view gave them to the template."""
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    return {name: response.context[name] for name in FIGURES_SHOWN}


def worked_out_again(client, organisation) -> dict:
    """The figures with nothing cached for the organisation."""
    FIGURES.new_version(organisation.pk)
    return shown(client)


def answer(activity, count, say):
    for _ in range(count):
        FeedbackResponseFactory(request=FeedbackRequestFactory(activity=activity), say=say)


@pytest.fixture
def world(brightwater, staff):
    """Voices Council, agreed at consulting: 7 people said they were only informed (one fewer
    than the threshold of 8 that would flag it); Sam raised three things, one open, one
    responded to and one he was told about; staff judged an own marker met. Youth forum: a
    draft with nothing more."""
    assert brightwater.suppression_threshold == 8
    council = ActivityFactory(
        organisation=brightwater, created_by=staff, title="Voices Council", agreed_with=["Ann"]
    )
    answer(council, 7, say="informing")
    sam = InvolvementFactory(activity=council).participant
    done = {
        "decision": "accepted",
        "what_changed": "Later meetings.",
        "responded_at": timezone.now(),
    }
    own = QualityMarkerFactory(organisation=brightwater, text="Meetings end on time")
    MarkerAssessmentFactory(activity=council, marker=own)
    return SimpleNamespace(
        organisation=brightwater,
        staff=staff,
        council=council,
        forum=ActivityFactory(organisation=brightwater, created_by=staff, title="Youth forum"),
        sam=sam,
        own=own,
        open=ContributionFactory(activity=council, participant=sam),
        responded=ContributionFactory(
            activity=council, participant=sam, status="responded", **done
        ),
        told=ContributionFactory(
            activity=council, participant=sam, status="told", told_at=timezone.now(), **done
        ),
    )


@pytest.fixture
def busy(world):
    """The world with enough else raised for each loop figure to show as a number (8 or
    more, with 8 or more left over): the overview hides smaller counts of what people raised
    as "*", and a write that moves one "*" to another would show nothing. On Voices Council:
    8 told and happy, 8 responded to and not told, 8 open, each from a named person."""
    person = ParticipantFactory(organisation=world.organisation)
    now = timezone.now()
    kinds = [("rated", "yes")] * 8 + [("responded", "")] * 8 + [("open", "")] * 8
    Contribution.objects.bulk_create(
        Contribution(
            organisation=world.organisation,
            activity=world.council,
            participant=person,
            raised_on=timezone.localdate() - datetime.timedelta(days=3),
            text=f"Background request {n}.",
            source="meeting",
            status=status,
            decision="" if status == "open" else "accepted",
            what_changed="" if status == "open" else "Done.",
            responded_at=None if status == "open" else now,
            told_at=now if status == "rated" else None,
            told_how="in_person" if status == "rated" else "",
            satisfied=satisfied,
        )
        for n, (status, satisfied) in enumerate(kinds)
    )
    return world


def add_contribution(w):
    services.contribution_add(
        activity=w.council,
        participant=None,
        raised_on=timezone.localdate(),
        text="A ramp at the side door.",
        source="meeting",
        created_by=w.staff,
    )


def respond(w):
    services.contribution_respond(
        contribution=w.open,
        decision="not_ours",
        what_changed="",
        changed_on=None,
        reason="",
        who_decides="The council",
        responded_by=w.staff,
    )


def tell(w):
    contribution_told_in_person(contribution=w.responded, told_by=w.staff)


def rate(w):
    contribution_rate(contribution=w.told, satisfied="yes", comment="")


def delete_contribution(w):
    w.open.delete()


def assess(w):
    marker = QualityMarker.objects.filter(organisation=w.organisation, judged_by="").first()
    services.marker_assessments_save(
        activity=w.forum, assessments={marker.pk: ("met", "Seen")}, assessed_by=w.staff
    )


def retire_marker(w):
    services.marker_retire(marker=w.own)


def add_marker(w):
    services.marker_create(
        organisation=w.organisation,
        data={"stage": "follow_up", "text": "People who leave are asked why", "standards": []},
    )


def tip_into_tokenism(w):
    answer(w.council, 1, say="informing")


def add_activity(w):
    ActivityFactory(organisation=w.organisation, created_by=w.staff)


def delete_activity(w):
    w.forum.delete()


def agree(w):
    agreement = w.forum.agreement
    activity_services.agreement_update(
        agreement=agreement,
        changed_by=w.staff,
        data={"purpose": "A say in the youth service.", "influence_level": influence_level()},
    )
    activity_services.agreement_record(
        agreement=agreement,
        recorded_by=w.staff,
        agreed_on=timezone.localdate(),
        agreed_how="At the first meeting.",
        participant_names=["Bo"],
    )


def hold_session(w):
    activity_services.session_create(
        activity=w.forum,
        data={
            "starts_at": timezone.now() - datetime.timedelta(days=2),
            "place": "Youth centre",
        },
    )


def involve(w):
    InvolvementFactory(
        activity=w.forum, participant=ParticipantFactory(organisation=w.organisation)
    )


def erase_sam(w):
    participant_erase(participant=w.sam)


def lower_the_threshold(w):
    organisation = w.organisation
    organisation.suppression_threshold = 5
    organisation.save()


WRITES = [
    add_contribution,
    respond,
    tell,
    rate,
    delete_contribution,
    assess,
    retire_marker,
    add_marker,
    tip_into_tokenism,
    add_activity,
    delete_activity,
    agree,
    hold_session,
    involve,
    erase_sam,
    lower_the_threshold,
]


@pytest.mark.parametrize("write", WRITES, ids=[write.__name__ for write in WRITES])
def test_after_each_kind_of_write_the_overview_shows_the_new_figures(
    write, client_for, trustee, busy
):
    client = client_for(trustee)
    before = shown(client)
    assert shown(client) == before
    write(busy)
    after = shown(client)
    assert after != before
    assert worked_out_again(client, busy.organisation) == after


def test_the_busy_world_shows_every_loop_count_as_a_number(client_for, trustee, busy):
    """So the writes above each change a number the overview shows."""
    loop = shown(client_for(trustee))["loop"]
    counts = ["total", "responded", "told", "named", "rated", "fixed", "responded_percent"]
    assert {key: loop[key] for key in counts} == {
        "total": 27,
        "responded": 18,
        "told": 9,
        "named": 27,
        "rated": 8,
        "fixed": 8,
        "responded_percent": 67,
    }


def test_a_restored_marker_counts_again_at_once(client_for, trustee, world):
    client = client_for(trustee)
    services.marker_retire(marker=world.own)
    retired = shown(client)
    services.marker_restore(marker=world.own)
    restored = shown(client)
    assert restored["ratings"]["overall"]["counts"]["met"] == (
        retired["ratings"]["overall"]["counts"]["met"] + 1
    )


def without_csrf(html: str) -> str:
    """Without what differs on every render: CSRF tokens (masked anew each time) and the
    Content-Security-Policy nonce."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'(data-csrf|nonce)="[^"]*"', "", html)


def test_the_page_from_the_cache_is_the_page_from_the_selectors(client_for, trustee, world):
    """Figures, flags and words read from the cache render exactly as the selectors' own."""
    client = client_for(trustee)
    tip_into_tokenism(world)
    hold_session(world)
    rate(world)
    client.get(OVERVIEW)
    response = client.get(OVERVIEW)
    organisation = world.organisation
    activities = list(
        Activity.objects.filter(organisation=organisation).select_related(
            "agreement__influence_level"
        )
    )
    context = {
        "ratings": selectors.organisation_ratings(organisation, activities),
        "flags": selectors.influence_flags(organisation, activities),
        "loop": selectors.loop_figures_shown(
            selectors.loop_figures(organisation=organisation), organisation
        ),
        "overdue": selectors.overdue(organisation=organisation)[:OVERDUE_SHOWN],
        "activity_count": len(activities),
    }
    page = render_to_string("quality/quality_overview.html", context, request=response.wsgi_request)
    cached = response.content.decode()
    assert without_csrf(cached) == without_csrf(page)
    assert "Voices Council" in cached.split("Possible tokenism")[1]
    assert "Youth forum" in cached.split("Sessions held without an agreement")[1]
    rows = Page(cached).rows
    # 3 raised and 1 told: fewer than 8, so hidden from the trustee the page is for.
    assert (rows["Suggestions and requests"], rows["People told what was done"]) == ("*", "*")
    assert "* means fewer than 8." in cached


def test_the_figures_are_kept_per_organisation(client_for, staff, other_org_staff, world):
    ours = shown(client_for(staff))
    theirs = shown(client_for(other_org_staff))
    assert ours["loop"]["total"] == "*", "3 raised: fewer than 8"
    assert theirs["loop"]["total"] == 0
    assert theirs["activity_count"] == 0


def test_the_overdue_list_is_read_afresh(staff_client, world):
    """It is not part of the cached figures: an item overdue leaves it once responded to,
    even with the figures cached."""
    late = ContributionFactory(
        activity=world.council, raised_on=timezone.localdate() - datetime.timedelta(days=40)
    )
    assert "Overdue</h3>" in staff_client.get(OVERVIEW).content.decode()
    Contribution.objects.filter(pk=late.pk).update(
        status="responded", decision="not_ours", who_decides="The council"
    )
    assert "Overdue</h3>" not in staff_client.get(OVERVIEW).content.decode()


def queries_for(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(OVERVIEW).status_code == 200
    return len(context.captured_queries)


def add_activities(organisation, staff, count):
    for _ in range(count):
        activity = ActivityFactory(organisation=organisation, created_by=staff, agreed_with=["Al"])
        answer(activity, 2, say="informing")
        ContributionFactory(
            activity=activity, raised_on=timezone.localdate() - datetime.timedelta(days=40)
        )


CACHED_MAX_QUERIES = 5


@pytest.mark.parametrize("persona", ["staff", "trustee"])
def test_with_its_figures_cached_the_overview_costs_a_few_queries_at_any_size(
    persona, people, client_for, brightwater, staff, django_assert_max_num_queries
):
    client = client_for(people[persona])
    add_activities(brightwater, staff, 2)
    client.get(OVERVIEW)
    at_2 = queries_for(client)
    add_activities(brightwater, staff, 18)
    client.get(OVERVIEW)
    with django_assert_max_num_queries(CACHED_MAX_QUERIES):
        at_20 = queries_for(client)
    assert at_20 == at_2
    assert shown(client)["activity_count"] == 20
