"""`manage.py seed_demo`: the personas tests use, idempotent, never with DEBUG off."""

import io

import pytest
from django.core.management import CommandError, call_command

from activities import selectors
from activities.models import (
    AboutYou,
    Activity,
    AgreementEvent,
    Attendance,
    Involvement,
    Participant,
    PopulationGroup,
    Session,
)
from demo.people import DEMO_PASSWORD, PERSONAS
from involvement.models import Membership, Organisation, User


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [
        Organisation,
        User,
        Membership,
        Activity,
        AgreementEvent,
        Participant,
        Session,
        Involvement,
        Attendance,
        AboutYou,
        PopulationGroup,
        Activity.staff_involved.through,
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_seed_demo_creates_the_personas_and_prints_their_logins(db, settings):
    settings.DEBUG = True
    output = seed()
    for slug, _persona, email, _name, role in PERSONAS:
        user = User.objects.get(email=email)
        assert user.check_password(DEMO_PASSWORD)
        assert Membership.objects.get(user=user, organisation__slug=slug).role == role
        assert email in output


def test_seed_demo_run_twice_changes_nothing(db, settings):
    settings.DEBUG = True
    seed()
    before = counts()
    seed()
    assert counts() == before


def test_seed_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        seed()
    assert not User.objects.exists()


def test_the_conftest_personas_are_the_seeded_people(people, staff, other_org_staff):
    assert staff.email == "staff@brightwater.example"
    assert other_org_staff.memberships.get().organisation.slug == "northgate"


def test_seed_demo_gives_most_people_about_you_answers_and_brightwater_a_profile(db, settings):
    settings.DEBUG = True
    seed()
    brightwater = Organisation.objects.get(slug="brightwater")
    people = Participant.objects.filter(organisation=brightwater)
    answered = AboutYou.objects.filter(organisation=brightwater).count()
    assert 0.6 <= answered / people.count() <= 0.8
    assert AboutYou.objects.filter(gender="prefer_not").exists()
    figures = selectors.who_is_involved(organisation=brightwater)
    assert figures["staff"] >= 2
    assert figures["range"]["population_entered"]
    groups = [str(m["group"]) for m in figures["range"]["missing"]]
    assert "People aged 75 or over" in groups
