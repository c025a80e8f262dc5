"""The one catalogue mechanism (involvement/catalogue.py): reference lists read once, copied
into every organisation, and items retired and brought back the same way in every app.
Each app's own catalogue tests (tests/outcomes/test_catalogue.py,
tests/quality/test_markers_catalogue.py) keep what is particular to Table 1 and Table 2."""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from involvement import catalogue
from involvement.models import CatalogueItem, Organisation
from involvement.reference import load_reference
from outcomes.models import Measure
from outcomes.services import ensure_measure_catalogue
from quality.models import QualityMarker, Stage
from quality.services import ensure_marker_catalogue

from ..factories import MeasureFactory, OrganisationFactory, QualityMarkerFactory


@dataclass(frozen=True)
class Catalogue:
    model: type[CatalogueItem]
    ensure: object
    size: int
    factory: object
    urls: str  # the URL names' prefix, e.g. "outcomes:measure"
    # One reference item, and what it must be when put back.
    lookup: dict
    expected: dict


CATALOGUES = {
    "measures": Catalogue(
        Measure,
        ensure_measure_catalogue,
        86,
        MeasureFactory,
        "outcomes:measure",
        {"catalogue_key": "improved-user-skills", "aim__key": "extrinsic_individual"},
        {"tier": "outcome", "source": "self_reported"},
    ),
    "markers": Catalogue(
        QualityMarker,
        ensure_marker_catalogue,
        29,
        QualityMarkerFactory,
        "quality:marker",
        {"catalogue_key": "venues-are-accessible-to-all-users"},
        {"actor": "organisation", "stage": Stage.ACCESS},
    ),
}


@pytest.fixture(params=list(CATALOGUES))
def kind(request) -> Catalogue:
    return CATALOGUES[request.param]


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


def catalogue_of(kind, organisation):
    return kind.model.objects.filter(organisation=organisation)


# The reference files


def test_every_reference_file_is_read_by_the_one_loader():
    frameworks = load_reference("frameworks")
    assert frameworks["approaches"] and frameworks["influence_levels"]
    assert len(load_reference("table1-outcome-measures")["aims"]) == 5
    assert set(load_reference("table2-quality-markers")["markers"]) == {
        "organisation",
        "individual_involved",
    }


def test_a_missing_reference_file_is_an_error_not_an_empty_catalogue():
    with pytest.raises(FileNotFoundError):
        load_reference("no-such-table")


# Copying a reference list into an organisation


def test_every_organisation_has_its_own_copy(kind, brightwater, northgate):
    assert catalogue_of(kind, brightwater).count() == kind.size
    assert catalogue_of(kind, northgate).count() == kind.size
    assert not set(catalogue_of(kind, brightwater)) & set(catalogue_of(kind, northgate))


def test_ensuring_the_catalogue_twice_adds_nothing_the_second_time(kind, brightwater):
    assert kind.ensure(organisation=brightwater) == 0
    assert catalogue_of(kind, brightwater).count() == kind.size


def test_ensuring_the_catalogue_puts_back_only_what_is_missing(kind, brightwater):
    catalogue_of(kind, brightwater).get(**kind.lookup).delete()
    assert kind.ensure(organisation=brightwater) == 1
    item = catalogue_of(kind, brightwater).get(**kind.lookup)
    assert {field: getattr(item, field) for field in kind.expected} == kind.expected
    assert catalogue_of(kind, brightwater).count() == kind.size


def test_ensure_catalogue_matches_items_on_their_key_not_their_words(brightwater):
    own = QualityMarkerFactory(organisation=brightwater, text="Meetings end on time")
    marker = QualityMarker.objects.get(
        organisation=brightwater, catalogue_key="good-practice-guidelines-are-used"
    )
    marker.text = "We follow the Voices guidelines."
    marker.save()
    items = [
        {"catalogue_key": "good-practice-guidelines-are-used", "text": "Good practice."},
        {"catalogue_key": "a-new-one", "text": "A new one.", "stage": Stage.FOLLOW_UP},
    ]
    added = catalogue.ensure_catalogue(organisation=brightwater, model=QualityMarker, items=items)
    assert added == 1
    marker.refresh_from_db()
    assert marker.text == "We follow the Voices guidelines."
    new = QualityMarker.objects.get(organisation=brightwater, catalogue_key="a-new-one")
    assert (new.text, new.stage, new.retired_at) == ("A new one.", Stage.FOLLOW_UP, None)
    assert QualityMarker.objects.filter(pk=own.pk, catalogue_key="").exists()


def test_an_item_s_identity_can_include_more_than_its_key(brightwater):
    """Table 1 lists one key under several aims: each (aim, key) is its own measure."""
    assert Measure.catalogue_identity == ("aim_id", "catalogue_key")
    involved = Measure.objects.filter(
        organisation=brightwater, catalogue_key="number-of-users-involved"
    )
    first = involved.order_by("aim__position").first()
    first.delete()
    assert ensure_measure_catalogue(organisation=brightwater) == 1
    assert involved.count() == involved.values("aim").distinct().count() == 5


# Every new organisation gets every catalogue


def test_a_new_organisation_gets_every_registered_catalogue(db):
    organisation = OrganisationFactory()
    for kind in CATALOGUES.values():
        assert catalogue_of(kind, organisation).count() == kind.size
        assert not catalogue_of(kind, organisation).retired().exists()


def test_each_app_registers_its_catalogue_once():
    assert catalogue._catalogues == [ensure_marker_catalogue, ensure_measure_catalogue]
    catalogue.catalogue_register(ensure_measure_catalogue)
    assert catalogue._catalogues.count(ensure_measure_catalogue) == 1


def test_an_organisation_loaded_from_a_fixture_brings_its_own_catalogue(db):
    organisation = Organisation.objects.create(name="Loaded", slug="loaded")
    Measure.objects.filter(organisation=organisation).delete()
    QualityMarker.objects.filter(organisation=organisation).delete()
    catalogue.catalogues_for_new_organisation(
        sender=Organisation, instance=organisation, created=True, raw=True
    )
    catalogue.catalogues_for_new_organisation(
        sender=Organisation, instance=organisation, created=False
    )
    assert not Measure.objects.filter(organisation=organisation).exists()
    assert not QualityMarker.objects.filter(organisation=organisation).exists()


# Retiring and bringing back, the rule on the item


def test_retire_and_restore_are_the_items_own_rule(kind, brightwater):
    item = kind.factory(organisation=brightwater)
    before = item.updated_at
    item.retire()
    assert item.is_retired() and item.updated_at > before
    assert catalogue_of(kind, brightwater).retired().filter(pk=item.pk).exists()
    assert not catalogue_of(kind, brightwater).in_use().filter(pk=item.pk).exists()
    first = item.retired_at
    item.retire()
    assert item.retired_at == first
    item.restore()
    assert not item.is_retired()
    assert catalogue_of(kind, brightwater).in_use().filter(pk=item.pk).exists()


# Retiring through the pages (one view shape for every catalogue)


def test_retiring_twice_keeps_the_first_date(kind, staff_client, brightwater):
    item = kind.factory(organisation=brightwater)
    url = reverse(f"{kind.urls}-retire", args=[item.pk])
    staff_client.post(url)
    item.refresh_from_db()
    first = item.retired_at
    assert first is not None
    staff_client.post(url)
    item.refresh_from_db()
    assert item.retired_at == first


def test_retiring_is_a_post(kind, staff_client, brightwater):
    item = kind.factory(organisation=brightwater)
    assert staff_client.get(reverse(f"{kind.urls}-retire", args=[item.pk])).status_code == 405
    item.refresh_from_db()
    assert not item.is_retired()


def test_bringing_back_is_a_post_and_returns_to_the_item_s_row(kind, staff_client, brightwater):
    item = kind.factory(organisation=brightwater)
    item.retire()
    url = reverse(f"{kind.urls}-restore", args=[item.pk])
    assert staff_client.get(url).status_code == 405
    response = staff_client.post(url)
    list_url = reverse(f"{kind.urls}-list")
    assert response.url == f"{list_url}#{kind.urls.split(':')[1]}-{item.pk}"
    item.refresh_from_db()
    assert not item.is_retired()
    retired = staff_client.post(reverse(f"{kind.urls}-retire", args=[item.pk]))
    assert retired.url == list_url
