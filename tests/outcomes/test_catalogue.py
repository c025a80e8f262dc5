"""The measures catalogue: Table 1 for every organisation, its own measures beside them, and
retiring a measure without losing what was recorded with it. What every catalogue shares
(copying, retiring twice, POST only) is tested once in tests/involvement/test_catalogue.py."""

import importlib

from django.apps import apps
from django.urls import reverse

from activities.models import Aim
from outcomes.catalogue import COMPUTED_KINDS, table1_measures
from outcomes.models import ActivityMeasure, Measure, MeasureValue
from outcomes.selectors import SPECS
from outcomes.services import ensure_measure_catalogue

from ..factories import (
    ActivityFactory,
    ActivityMeasureFactory,
    MeasureFactory,
    MeasureValueFactory,
    OrganisationFactory,
)
from ..pages import Page, assert_field_error

TABLE1_MEASURES = 86
TABLE1_AIMS = 5


def catalogue_of(organisation):
    return Measure.objects.filter(organisation=organisation)


# Table 1 for every organisation


def test_table1_holds_86_measures_under_five_aims(db):
    measures = table1_measures()
    assert len(measures) == TABLE1_MEASURES
    assert len({m["aim_key"] for m in measures}) == TABLE1_AIMS
    assert {m["aim_key"] for m in measures} == set(Aim.objects.values_list("key", flat=True))


def test_the_migration_gives_an_existing_organisation_table1(db):
    organisation = OrganisationFactory()
    catalogue_of(organisation).delete()  # as it was before the migration ran
    migration = importlib.import_module("outcomes.migrations.0002_table1_catalogue")
    migration.load(apps, None)
    assert catalogue_of(organisation).count() == TABLE1_MEASURES
    assert catalogue_of(organisation).values("aim").distinct().count() == TABLE1_AIMS


def test_a_new_organisation_starts_with_table1(db):
    organisation = OrganisationFactory()
    assert catalogue_of(organisation).count() == TABLE1_MEASURES
    assert catalogue_of(organisation).values("aim").distinct().count() == TABLE1_AIMS
    assert not catalogue_of(organisation).filter(retired_at__isnull=False).exists()


def test_ensuring_the_catalogue_leaves_edited_and_retired_measures_alone(brightwater, table1):
    edited = table1(brightwater, "number-of-users-involved")
    edited.name = "People with lived experience taking part"
    edited.save()
    retired = table1(brightwater, "improved-user-confidence")
    Measure.objects.filter(pk=retired.pk).update(retired_at="2026-06-01T10:00:00Z")

    assert ensure_measure_catalogue(organisation=brightwater) == 0
    edited.refresh_from_db()
    retired.refresh_from_db()
    assert edited.name == "People with lived experience taking part"
    assert retired.is_retired()
    assert catalogue_of(brightwater).count() == TABLE1_MEASURES


def test_the_same_words_under_two_aims_are_two_measures(brightwater):
    involved = catalogue_of(brightwater).filter(catalogue_key="number-of-users-involved")
    assert involved.count() == TABLE1_AIMS
    assert involved.values("aim").distinct().count() == TABLE1_AIMS


def test_computed_measures_name_a_figure_the_app_works_out(brightwater):
    computed = catalogue_of(brightwater).filter(source=Measure.Source.COMPUTED)
    assert computed.count() == 24
    for measure in computed:
        assert measure.computed_key in SPECS, measure.name
        assert measure.kind == COMPUTED_KINDS[measure.computed_key]
    # Every figure the app works out is one of Table 1's measures somewhere.
    assert set(computed.values_list("computed_key", flat=True)) == set(SPECS)
    assert not catalogue_of(brightwater).exclude(source="computed").exclude(computed_key="")


def test_self_reported_measures_ask_a_question_on_a_1_to_5_scale(brightwater):
    reported = catalogue_of(brightwater).filter(source=Measure.Source.SELF_REPORTED)
    assert reported.count() == 10
    for measure in reported:
        assert measure.question and measure.easy_question, measure.name
        assert measure.kind == Measure.Kind.SCALE
    assert not catalogue_of(brightwater).exclude(source="self_reported").exclude(question="")


def test_counts_of_events_and_changes_are_not_counts_of_people(brightwater, table1):
    assert table1(brightwater, "number-of-events-held").counts_people is False
    assert (
        table1(brightwater, "altered-decisions-because-of-service-user-influence").counts_people
        is False
    )
    assert table1(brightwater, "number-of-users-involved").counts_people is True


# The measures page


def test_the_measures_page_lists_every_aim_and_measure(client_for, trustee, brightwater):
    response = client_for(trustee).get(reverse("outcomes:measure-list"))
    html = response.content.decode()
    for aim in Aim.objects.all():
        assert aim.name in html
    assert "Number of users involved" in html
    assert "How confident do you feel?" in html


def test_trustees_see_the_measures_but_no_way_to_change_them(client_for, trustee, staff):
    as_trustee = client_for(trustee).get(reverse("outcomes:measure-list")).content.decode()
    as_staff = client_for(staff).get(reverse("outcomes:measure-list")).content.decode()
    assert "Add a measure" not in as_trustee
    assert ">Retire<" not in as_trustee
    assert "Add a measure" in as_staff
    assert ">Retire<" in as_staff


def test_the_measures_page_counts_the_activities_using_each(staff_client, brightwater, activity):
    measure = MeasureFactory(organisation=brightwater, name="Panels held with users")
    ActivityMeasureFactory(activity=activity, measure=measure)
    page = staff_client.get(reverse("outcomes:measure-list")).content.decode()
    row = page.split(f'id="measure-{measure.pk}"')[1].split("</tr>")[0]
    assert "Panels held with users" in row
    assert ">1</td>" in row


# Adding and changing measures


def new_measure_data(aim, **changes):
    return {
        "aim": aim.pk,
        "tier": "outcome",
        "name": "People feel more confident speaking at panels",
        "description": "Asked at the end of each panel.",
        "kind": "scale",
        "source": "self_reported",
        "counts_people": "on",
        "self_defined": "on",
        "question": "How confident do you feel speaking at a panel?",
        "easy_question": "Can you speak at a panel?",
        **changes,
    }


def test_staff_add_their_own_measure_after_table1s(staff_client, brightwater):
    aim = Aim.objects.get(key="extrinsic_individual")
    last = catalogue_of(brightwater).filter(aim=aim).order_by("-position").first()
    response = staff_client.post(reverse("outcomes:measure-create"), new_measure_data(aim))
    measure = catalogue_of(brightwater).get(name="People feel more confident speaking at panels")
    assert response.status_code == 302
    assert response.url == reverse("outcomes:measure-list") + f"#measure-{measure.pk}"
    assert (measure.aim, measure.kind, measure.source) == (aim, "scale", "self_reported")
    assert measure.self_defined is True
    assert measure.catalogue_key == ""
    assert measure.position == last.position + 1
    page = staff_client.get(response.url).content.decode()
    assert "Your own" in page
    assert "Self-defined" in page


def test_adding_the_same_measure_twice_makes_one(staff_client, brightwater):
    aim = Aim.objects.first()
    data = new_measure_data(aim)
    first = staff_client.post(reverse("outcomes:measure-create"), data)
    second = staff_client.post(reverse("outcomes:measure-create"), data)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
    assert catalogue_of(brightwater).filter(name=data["name"]).count() == 1
    assert catalogue_of(brightwater).count() == TABLE1_MEASURES + 1


def test_a_measure_needs_its_words(staff_client, brightwater):
    data = new_measure_data(Aim.objects.first(), name="", description="Kept as typed")
    response = staff_client.post(reverse("outcomes:measure-create"), data)
    page = assert_field_error(response, "name", "Enter the measure.")
    assert page.value("description") == "Kept as typed"
    assert catalogue_of(brightwater).count() == TABLE1_MEASURES


def test_a_self_reported_measure_is_a_score_from_1_to_5(staff_client, brightwater):
    data = new_measure_data(Aim.objects.first(), kind="count")
    response = staff_client.post(reverse("outcomes:measure-create"), data)
    page = assert_field_error(
        response,
        "kind",
        "People score their own change from 1 to 5: choose “A score from 1 to 5”.",
        choices=True,
    )
    assert page.value("name") == data["name"]
    assert page.value("kind") == "count"
    assert catalogue_of(brightwater).count() == TABLE1_MEASURES


def test_a_self_reported_measure_needs_the_question_people_are_asked(staff_client, brightwater):
    data = new_measure_data(Aim.objects.first(), question="")
    response = staff_client.post(reverse("outcomes:measure-create"), data)
    assert_field_error(response, "question", "Enter the question people will be asked.")
    assert catalogue_of(brightwater).count() == TABLE1_MEASURES


def test_staff_cannot_make_a_measure_the_app_works_out(staff_client, brightwater):
    data = new_measure_data(Aim.objects.first(), source="computed", kind="count", question="")
    response = staff_client.post(reverse("outcomes:measure-create"), data)
    assert_field_error(
        response,
        "source",
        "Select a valid choice. computed is not one of the available choices.",
        choices=True,
    )
    assert catalogue_of(brightwater).count() == TABLE1_MEASURES


def test_renaming_a_measure_keeps_it_and_its_history(staff_client, brightwater, table1):
    measure = table1(brightwater, "improved-user-confidence")
    data = {
        "aim": measure.aim.pk,
        "tier": measure.tier,
        "name": "People feel more sure of themselves",
        "description": "",
        "kind": measure.kind,
        "source": measure.source,
        "counts_people": "on",
        "question": measure.question,
        "easy_question": measure.easy_question,
    }
    response = staff_client.post(reverse("outcomes:measure-update", args=[measure.pk]), data)
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.name == "People feel more sure of themselves"
    assert measure.catalogue_key == "improved-user-confidence"


def test_a_measure_cannot_take_the_words_of_another_under_the_same_aim(
    staff_client, brightwater, table1
):
    measure = MeasureFactory(organisation=brightwater, name="Panels held", description="Ours")
    other = table1(brightwater, "number-of-users-involved", measure.aim.key)
    assert other is not None
    data = {
        "aim": measure.aim.pk,
        "tier": measure.tier,
        "name": other.name,
        "description": "Changed as well",
        "kind": "count",
        "source": "recorded",
        "counts_people": "on",
    }
    response = staff_client.post(reverse("outcomes:measure-update", args=[measure.pk]), data)
    page = assert_field_error(response, "name", "This aim already has a measure with these words.")
    assert page.value("name") == other.name
    assert page.value("description") == "Changed as well"
    measure.refresh_from_db()
    assert (measure.name, measure.description) == ("Panels held", "Ours")


def test_the_same_words_under_another_aim_are_allowed(staff_client, brightwater):
    first_aim, second_aim = Aim.objects.order_by("position")[:2]
    measure = MeasureFactory(organisation=brightwater, aim=first_aim, name="Panels held")
    MeasureFactory(organisation=brightwater, aim=second_aim, name="Panels held under aim two")
    data = {
        "aim": first_aim.pk,
        "tier": "outcome",
        "name": "Panels held under aim two",
        "kind": "count",
        "source": "recorded",
    }
    response = staff_client.post(reverse("outcomes:measure-update", args=[measure.pk]), data)
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.name == "Panels held under aim two"


def test_what_a_measure_holds_is_fixed_once_values_are_recorded(
    staff_client, brightwater, activity
):
    use = ActivityMeasureFactory(activity=activity)
    MeasureValueFactory(activity_measure=use)
    measure = use.measure
    url = reverse("outcomes:measure-update", args=[measure.pk])
    page = Page.of(staff_client.get(url))
    assert "kind" not in page.values and "id_kind_1" not in page.ids
    data = {"name": "Renamed", "kind": "narrative", "source": "observed", "tier": "output"}
    assert staff_client.post(url, data).status_code == 302
    measure.refresh_from_db()
    assert (measure.name, measure.kind, measure.source, measure.tier) == (
        "Renamed",
        "count",
        "recorded",
        "outcome",
    )


def test_a_computed_measure_keeps_its_kind_and_source(staff_client, brightwater, table1):
    measure = table1(brightwater, "number-of-users-involved")
    url = reverse("outcomes:measure-update", args=[measure.pk])
    assert "only its wording can change" in staff_client.get(url).content.decode()
    data = {"name": "People involved", "kind": "narrative", "source": "recorded"}
    assert staff_client.post(url, data).status_code == 302
    measure.refresh_from_db()
    assert (measure.name, measure.kind, measure.source) == ("People involved", "count", "computed")
    assert measure.computed_key == "users_involved"


def test_trustees_cannot_add_change_or_retire_measures(client_for, trustee, brightwater):
    client = client_for(trustee)
    measure = MeasureFactory(organisation=brightwater, name="Panels held")
    data = new_measure_data(Aim.objects.first())
    assert client.post(reverse("outcomes:measure-create"), data).status_code == 403
    update = reverse("outcomes:measure-update", args=[measure.pk])
    assert client.post(update, {**data, "name": "Changed"}).status_code == 403
    assert client.post(reverse("outcomes:measure-retire", args=[measure.pk])).status_code == 403
    measure.refresh_from_db()
    assert (measure.name, measure.retired_at) == ("Panels held", None)
    assert catalogue_of(brightwater).count() == TABLE1_MEASURES + 1


def test_another_organisations_measure_is_not_found(client_for, other_org_staff, brightwater):
    client = client_for(other_org_staff)
    measure = MeasureFactory(organisation=brightwater, name="Brightwater's own")
    for name in ("measure-update", "measure-retire", "measure-restore"):
        url = reverse(f"outcomes:{name}", args=[measure.pk])
        response = client.post(url, {"name": "Taken over"})
        assert response.status_code == 404, name
    measure.refresh_from_db()
    assert (measure.name, measure.retired_at) == ("Brightwater's own", None)


# Retiring


def choose_page(client, activity) -> str:
    return client.get(
        reverse("outcomes:activity-measures-choose", args=[activity.pk])
    ).content.decode()


def test_retiring_keeps_what_was_recorded_and_stops_offering_the_measure(
    staff_client, brightwater, activity
):
    measure = MeasureFactory(organisation=brightwater, name="Panels held with users")
    use = ActivityMeasureFactory(activity=activity, measure=measure)
    MeasureValueFactory(activity_measure=use, evidence="Panel minutes, 3 May")
    other = ActivityFactory(organisation=brightwater, created_by=activity.created_by)
    assert f'value="{measure.pk}"' in choose_page(staff_client, other)

    response = staff_client.post(reverse("outcomes:measure-retire", args=[measure.pk]), follow=True)
    assert "is retired. Activities that used it keep what they recorded." in (
        response.content.decode()
    )
    measure.refresh_from_db()
    assert measure.is_retired()
    assert ActivityMeasure.objects.filter(pk=use.pk).exists()
    assert MeasureValue.objects.filter(activity_measure=use).count() == 1
    assert f'value="{measure.pk}"' not in choose_page(staff_client, other)
    progress = staff_client.get(reverse("outcomes:activity-measures", args=[activity.pk]))
    card = progress.content.decode().split(f'id="use-{use.pk}"')[1]
    assert "Panels held with users" in card
    assert "Retired" in card.split("</h2>")[0]
    assert "Panel minutes, 3 May" in card


def test_a_retired_measure_is_listed_apart_and_can_be_brought_back(
    staff_client, brightwater, activity
):
    measure = MeasureFactory(organisation=brightwater, name="Panels held with users")
    staff_client.post(reverse("outcomes:measure-retire", args=[measure.pk]))
    page = staff_client.get(reverse("outcomes:measure-list")).content.decode()
    retired_section = page.split('id="retired"')[1]
    assert "Panels held with users" in retired_section
    assert "Bring back" in retired_section

    response = staff_client.post(reverse("outcomes:measure-restore", args=[measure.pk]))
    assert response.url == reverse("outcomes:measure-list") + f"#measure-{measure.pk}"
    measure.refresh_from_db()
    assert not measure.is_retired()
    assert f'value="{measure.pk}"' in choose_page(staff_client, activity)
    page = staff_client.get(reverse("outcomes:measure-list")).content.decode()
    assert "Panels held with users" not in page.split('id="retired"')[1]


def test_adding_a_measure_with_the_words_of_a_retired_one_does_not_report_a_hidden_measure(
    staff_client, brightwater, activity
):
    aim = Aim.objects.get(key="extrinsic_individual")
    retired = MeasureFactory(organisation=brightwater, aim=aim, name="Panels held with users")
    staff_client.post(reverse("outcomes:measure-retire", args=[retired.pk]))
    data = {"aim": aim.pk, "tier": "output", "name": "Panels held with users", "kind": "count"}
    response = staff_client.post(reverse("outcomes:measure-create"), {**data, "source": "recorded"})
    retired.refresh_from_db()
    # Either the form says the words are taken, or the measure added can be chosen.
    assert response.status_code == 200 or f'value="{retired.pk}"' in choose_page(
        staff_client, activity
    )
