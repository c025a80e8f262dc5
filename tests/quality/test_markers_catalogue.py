"""The quality markers catalogue: Table 2 for every organisation, tagged with the 4Pi standards
and the essential elements, its own markers beside them, and retiring a marker without losing
the assessments made with it. What every catalogue shares (copying, retiring twice, POST
only) is tested once in tests/involvement/test_catalogue.py."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from quality.models import Element, MarkerAssessment, QualityMarker, Stage, Standard
from quality.models.feedback import FeedbackResponse, Rating
from quality.services import ensure_marker_catalogue
from quality.table2 import TAGS, table2_markers

from ..factories import (
    ActivityFactory,
    MarkerAssessmentFactory,
    OrganisationFactory,
    QualityMarkerFactory,
)
from ..pages import Page, assert_field_error

TABLE2_MARKERS = 29
ORGANISATION_MARKERS = 22
INDIVIDUAL_MARKERS = 7
APP_JUDGED = {"purpose_agreed", "notice_given", "invited_volunteered", "changes_communicated"}


def catalogue_of(organisation):
    return QualityMarker.objects.filter(organisation=organisation)


def table2_marker(organisation, key) -> QualityMarker:
    return catalogue_of(organisation).get(catalogue_key=key)


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def activity(brightwater, staff):
    return ActivityFactory(organisation=brightwater, created_by=staff, title="Voices Council")


# Table 2 as data


def test_table2_holds_29_markers_22_for_the_organisation_and_7_for_the_people_involved(db):
    markers = table2_markers()
    assert len(markers) == TABLE2_MARKERS
    by_actor = [m["actor"] for m in markers]
    assert by_actor.count("organisation") == ORGANISATION_MARKERS
    assert by_actor.count("individual") == INDIVIDUAL_MARKERS
    assert {m["stage"] for m in markers} == set(Stage.values)
    assert len({m["catalogue_key"] for m in markers}) == TABLE2_MARKERS


def test_every_table2_marker_has_its_tags_and_no_tag_is_left_over():
    keys = {m["catalogue_key"] for m in table2_markers()}
    assert keys == set(TAGS)


def test_every_marker_serves_at_least_one_4pi_standard_and_one_essential_element():
    for marker in table2_markers():
        assert marker["standards"], marker["text"]
        assert set(marker["standards"]) <= set(Standard.values), marker["text"]
        assert marker["elements"], marker["text"]
        assert set(marker["elements"]) <= set(Element.values), marker["text"]
    # Every standard and every element is served by some marker.
    assert {s for m in table2_markers() for s in m["standards"]} == set(Standard.values)
    assert {e for m in table2_markers() for e in m["elements"]} == set(Element.values)


def test_markers_the_app_judges_name_a_rule_or_a_feedback_question():
    questions = {f.name for f in FeedbackResponse._meta.fields if f.choices == Rating.choices}
    judged = {m["catalogue_key"]: m["judged_by"] for m in table2_markers() if m["judged_by"]}
    assert judged == {
        "purpose-of-involvement-is-agreed-and-written-down": "purpose_agreed",
        "appropriate-notice-is-given-to-users": "notice_given",
        "percentage-of-users-who-are-invited-compared-to-those-who-volunteered": (
            "invited_volunteered"
        ),
        "changes-made-are-communicated-to-those-involved": "changes_communicated",
        "people-understood-role-and-purpose": "feedback:understood_role",
        "felt-able-to-disagree-with-facilitators": "feedback:able_to_disagree",
        "they-felt-listened-to": "feedback:listened_to",
        "peoples-expectations-were-met": "feedback:expectations_met",
        "people-felt-their-input-made-a-difference-and-was-worthwhile": "feedback:made_difference",
        "they-continue-to-be-involved-afterwards": "feedback:stay_involved",
    }
    for rule in judged.values():
        assert rule in APP_JUDGED or rule.removeprefix("feedback:") in questions, rule
    # The app's own rules judge organisation markers; feedback judges the people's markers.
    for marker in table2_markers():
        if marker["judged_by"] in APP_JUDGED:
            assert marker["actor"] == "organisation", marker["text"]
        if marker["judged_by"].startswith("feedback:"):
            assert marker["actor"] == "individual", marker["text"]


# Every organisation's copy


def test_the_migration_gives_an_existing_organisation_table2(db):
    organisation = OrganisationFactory()
    catalogue_of(organisation).delete()  # as it was before the migration ran
    migration = importlib.import_module("quality.migrations.0005_table2_catalogue")
    migration.load(apps, None)
    assert catalogue_of(organisation).count() == TABLE2_MARKERS
    # Running it again adds nothing.
    migration.load(apps, None)
    assert catalogue_of(organisation).count() == TABLE2_MARKERS


def test_a_new_organisation_starts_with_table2(db):
    organisation = OrganisationFactory()
    markers = catalogue_of(organisation)
    assert markers.count() == TABLE2_MARKERS
    assert markers.filter(actor="organisation").count() == ORGANISATION_MARKERS
    assert markers.filter(actor="individual").count() == INDIVIDUAL_MARKERS
    assert not markers.filter(retired_at__isnull=False).exists()
    assert not markers.filter(standards=[]).exists()
    assert markers.exclude(judged_by="").count() == 10


def test_the_catalogue_keeps_table2s_order(brightwater):
    texts = list(catalogue_of(brightwater).order_by("position").values_list("text", flat=True))
    assert texts[0] == "Principles of involvement are discussed and agreed."
    assert texts[ORGANISATION_MARKERS - 1] == "Changes made are communicated to those involved."
    assert texts[ORGANISATION_MARKERS] == "People understood role and purpose."
    assert texts[-1] == "They increase engagement with the organisation."


def test_ensuring_the_catalogue_leaves_retired_markers_retired(brightwater):
    retired = table2_marker(brightwater, "good-practice-guidelines-are-used")
    QualityMarker.objects.filter(pk=retired.pk).update(retired_at=timezone.now())
    own = QualityMarkerFactory(organisation=brightwater)

    assert ensure_marker_catalogue(organisation=brightwater) == 0
    retired.refresh_from_db()
    assert retired.is_retired()
    assert catalogue_of(brightwater).count() == TABLE2_MARKERS + 1
    assert catalogue_of(brightwater).filter(pk=own.pk).exists()


# The markers page


def test_the_markers_page_lists_every_marker_with_who_judges_it(client_for, trustee):
    response = client_for(trustee).get(reverse("quality:marker-list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Purpose of involvement is agreed and written down." in html
    assert "They felt listened to." in html
    assert "People’s feedback" in html and "The app" in html and "Staff" in html
    assert "Retired markers" in html


def test_trustees_see_the_markers_but_no_way_to_change_them(client_for, trustee, staff):
    as_trustee = client_for(trustee).get(reverse("quality:marker-list")).content.decode()
    as_staff = client_for(staff).get(reverse("quality:marker-list")).content.decode()
    assert "Add a marker" not in as_trustee
    assert "Retire<" not in as_trustee
    assert "Add a marker" in as_staff
    assert "Retire<" in as_staff


def test_another_organisations_own_markers_are_not_listed(client_for, staff, northgate):
    QualityMarkerFactory(organisation=northgate, text="Northgate's own marker")
    html = client_for(staff).get(reverse("quality:marker-list")).content.decode()
    assert "Northgate&#x27;s own marker" not in html and "Northgate's own marker" not in html


# Adding markers


def new_marker_data(**changes):
    return {
        "stage": "preparation",
        "text": "People choose the day and time of meetings.",
        "standards": ["process", "presence"],
        "elements": ["inclusion"],
        **changes,
    }


def test_staff_add_their_own_marker_after_table2s(staff_client, brightwater):
    last = catalogue_of(brightwater).order_by("-position").first()
    response = staff_client.post(reverse("quality:marker-create"), new_marker_data())
    marker = catalogue_of(brightwater).get(text="People choose the day and time of meetings.")
    assert response.status_code == 302
    assert response.url == reverse("quality:marker-list") + f"#marker-{marker.pk}"
    assert (marker.actor, marker.stage) == ("organisation", "preparation")
    assert marker.standards == ["process", "presence"]
    assert marker.elements == ["inclusion"]
    assert (marker.judged_by, marker.catalogue_key) == ("", "")
    assert marker.position == last.position + 1
    page = staff_client.get(response.url).content.decode()
    row = page.split(f'id="marker-{marker.pk}"')[1].split("</tr>")[0]
    assert "Your own" in row and "Staff" in row


def test_staff_judge_their_own_marker_on_the_checklist(staff_client, brightwater, activity):
    staff_client.post(reverse("quality:marker-create"), new_marker_data())
    marker = catalogue_of(brightwater).get(text="People choose the day and time of meetings.")
    page = Page.of(staff_client.get(reverse("quality:marker-assess", args=[activity.pk])))
    assert f"id_status_{marker.pk}_1" in page.ids


def test_adding_the_same_marker_twice_makes_one(staff_client, brightwater):
    data = new_marker_data()
    first = staff_client.post(reverse("quality:marker-create"), data)
    second = staff_client.post(reverse("quality:marker-create"), data)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
    assert catalogue_of(brightwater).filter(text=data["text"]).count() == 1
    assert catalogue_of(brightwater).count() == TABLE2_MARKERS + 1


def test_a_marker_needs_its_words(staff_client, brightwater):
    response = staff_client.post(reverse("quality:marker-create"), new_marker_data(text=""))
    page = assert_field_error(response, "text", "Enter the marker.")
    assert set(page.values["standards"]) == {"presence", "process"}
    assert page.value("stage") == "preparation"
    assert catalogue_of(brightwater).count() == TABLE2_MARKERS


def test_a_marker_needs_its_stage(staff_client, brightwater):
    response = staff_client.post(reverse("quality:marker-create"), new_marker_data(stage=""))
    page = assert_field_error(response, "stage", "Choose the stage it belongs to.", choices=True)
    assert page.value("text") == "People choose the day and time of meetings."
    assert catalogue_of(brightwater).count() == TABLE2_MARKERS


def test_a_marker_serves_only_the_4pi_standards(staff_client, brightwater):
    data = new_marker_data(standards=["purpose", "profit"])
    response = staff_client.post(reverse("quality:marker-create"), data)
    assert_field_error(
        response,
        "standards",
        "Select a valid choice. profit is not one of the available choices.",
        choices=True,
    )
    assert catalogue_of(brightwater).count() == TABLE2_MARKERS


def test_staff_cannot_make_a_marker_the_app_judges_or_one_about_the_people_involved(
    staff_client, brightwater
):
    data = new_marker_data(judged_by="purpose_agreed", actor="individual", catalogue_key="x")
    staff_client.post(reverse("quality:marker-create"), data)
    marker = catalogue_of(brightwater).get(text=data["text"])
    assert (marker.judged_by, marker.actor, marker.catalogue_key) == ("", "organisation", "")


def test_trustees_cannot_add_retire_or_restore_markers(client_for, trustee, brightwater):
    client = client_for(trustee)
    marker = QualityMarkerFactory(organisation=brightwater)
    assert client.get(reverse("quality:marker-create")).status_code == 403
    assert client.post(reverse("quality:marker-create"), new_marker_data()).status_code == 403
    assert client.post(reverse("quality:marker-retire", args=[marker.pk])).status_code == 403
    marker.refresh_from_db()
    assert not marker.is_retired()
    assert catalogue_of(brightwater).count() == TABLE2_MARKERS + 1


def test_another_organisations_marker_is_not_found(client_for, other_org_staff, brightwater):
    client = client_for(other_org_staff)
    marker = QualityMarkerFactory(organisation=brightwater)
    assert client.post(reverse("quality:marker-retire", args=[marker.pk])).status_code == 404
    QualityMarker.objects.filter(pk=marker.pk).update(retired_at=timezone.now())
    assert client.post(reverse("quality:marker-restore", args=[marker.pk])).status_code == 404
    marker.refresh_from_db()
    assert marker.is_retired()


# Retiring and bringing back


def assess_page(client, activity) -> Page:
    return Page.of(client.get(reverse("quality:marker-assess", args=[activity.pk])))


def test_retiring_a_marker_keeps_its_assessments(staff_client, brightwater, activity):
    marker = QualityMarkerFactory(organisation=brightwater, text="Meetings end on time")
    assessment = MarkerAssessmentFactory(activity=activity, marker=marker)
    response = staff_client.post(reverse("quality:marker-retire", args=[marker.pk]), follow=True)
    assert "Marker retired. Assessments already made are kept." in response.content.decode()
    marker.refresh_from_db()
    assert marker.is_retired()
    assert MarkerAssessment.objects.filter(pk=assessment.pk).exists()
    # No longer asked about, nor counted in the rating.
    assert f"id_status_{marker.pk}_1" not in assess_page(staff_client, activity).ids
    quality = staff_client.get(reverse("quality:activity-quality", args=[activity.pk]))
    assert "Meetings end on time" not in quality.content.decode()
    listing = staff_client.get(reverse("quality:marker-list")).content.decode()
    assert "Meetings end on time" in listing.split("Retired markers</h2>")[1]


def test_bringing_a_marker_back_brings_back_its_assessments(staff_client, brightwater, activity):
    marker = QualityMarkerFactory(organisation=brightwater, text="Meetings end on time")
    MarkerAssessmentFactory(activity=activity, marker=marker, evidence="Checked in June")
    staff_client.post(reverse("quality:marker-retire", args=[marker.pk]))
    response = staff_client.post(reverse("quality:marker-restore", args=[marker.pk]))
    assert response.status_code == 302
    assert response.url == reverse("quality:marker-list") + f"#marker-{marker.pk}"
    marker.refresh_from_db()
    assert not marker.is_retired()
    page = assess_page(staff_client, activity)
    assert page.value(f"status_{marker.pk}") == "met"
    assert page.value(f"evidence_{marker.pk}") == "Checked in June"
    quality = staff_client.get(reverse("quality:activity-quality", args=[activity.pk]))
    assert "Checked in June" in quality.content.decode()


def test_a_table2_marker_can_be_retired_and_brought_back(staff_client, brightwater):
    marker = table2_marker(brightwater, "appropriate-compensation-is-given")
    staff_client.post(reverse("quality:marker-retire", args=[marker.pk]))
    marker.refresh_from_db()
    assert marker.is_retired()
    staff_client.post(reverse("quality:marker-restore", args=[marker.pk]))
    marker.refresh_from_db()
    assert not marker.is_retired()
    assert marker.catalogue_key == "appropriate-compensation-is-given"


def test_adding_a_marker_with_the_words_of_a_retired_one_does_not_report_a_hidden_marker(
    staff_client, brightwater, activity
):
    data = new_marker_data()
    staff_client.post(reverse("quality:marker-create"), data)
    retired = catalogue_of(brightwater).get(text=data["text"])
    staff_client.post(reverse("quality:marker-retire", args=[retired.pk]))
    response = staff_client.post(reverse("quality:marker-create"), data)
    # Either the form says the words are taken, or the marker added is asked about.
    assert (
        response.status_code == 200
        or f"id_status_{retired.pk}_1" in assess_page(staff_client, activity).ids
    )
