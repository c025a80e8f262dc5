"""A NUL character can be typed or pasted but never stored (PostgreSQL refuses it in text):
forms refuse it beside the field, and a search or filter parameter holding one is ignored.

Every page of the permission matrix is opened with NUL in each of its filters, and each of
its forms is posted with NUL in every field a person types into: no page fails, and no NUL
reaches the database."""

import importlib
import inspect
from urllib.parse import urlencode

import lxml.html
import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import reverse

from involvement.forms import NULL_CHARACTER_MESSAGE, RefusesNullCharacters

from .factories import ParticipantFactory
from .test_permission_matrix import CASES, PERSONAS

NUL = "a\x00b"
# Inputs a person types into (an <input> without a type is a text input).
TYPED = {"text", "email", "search", "tel", "url", "password", "number", "date", "hidden"}
SEARCHES = ("q", "period", "session", "activity", "status")


def _persona_who_opens(case) -> str | None:
    """Someone who sees the page itself (the sign-in page: only the signed-out), else
    someone it sends on (a personal link, to the page it grants)."""
    for status in (200, 302):
        for persona, expected in zip(PERSONAS, case.expected, strict=True):
            if expected == status:
                return persona
    return None


PAGES = [
    pytest.param(case, persona, id=f"{case.id}-{persona}")
    for case in CASES
    if case.method == "GET" and (persona := _persona_who_opens(case))
]


def _typed(element) -> bool:
    if element.tag == "textarea":
        return True
    return element.tag == "input" and (element.get("type") or "text") in TYPED


def _with_nul(form) -> dict:
    """The form as the browser would send it, with NUL in every field a person types."""
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    for element in form.inputs:
        name = element.get("name")
        if not name or name == "csrfmiddlewaretoken":
            continue
        if _typed(element):
            data[name] = [NUL]
        elif element.get("type") == "radio" and name not in data:
            data[name] = [element.get("value")]
    return data


def _forms_to_post(page, url):
    tree = lxml.html.fromstring(page.content.decode())
    for form in tree.forms:
        if (form.method or "").lower() == "post" and any(map(_typed, form.inputs)):
            if any(_typed(e) and e.get("name") != "csrfmiddlewaretoken" for e in form.inputs):
                yield form.get("action") or url, _with_nul(form)


def _filters_of(page) -> set[str]:
    tree = lxml.html.fromstring(page.content.decode())
    return {
        element.get("name")
        for form in tree.forms
        if (form.method or "get").lower() == "get"
        for element in form.inputs
        if element.get("name")
    }


def _text_columns():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                yield model, field.name


def _rows_with_nul() -> list[str]:
    """Read in Python: neither database can be asked for a NUL in a LIKE pattern."""
    return [
        f"{model.__name__}.{name}"
        for model, name in _text_columns()
        if any(
            "\x00" in (value or "") for value in model._default_manager.values_list(name, flat=True)
        )
    ]


@pytest.mark.parametrize("case, persona", PAGES)
def test_no_page_fails_on_a_null_character(case, persona, brightwater_objects, people, client_for):
    url = reverse(case.name, kwargs=brightwater_objects[case.target] if case.target else None)
    client = client_for(people.get(persona), raise_request_exception=False)
    page = client.get(url, follow=True)
    final = page.request["PATH_INFO"]
    if page.status_code == 200 and "html" in page.get("Content-Type", ""):
        names = _filters_of(page) | set(SEARCHES)
        filtered = client.get(f"{final}?{urlencode(dict.fromkeys(names, NUL))}")
        assert filtered.status_code < 500, (final, filtered.status_code)
        for action, data in _forms_to_post(page, final):
            posted = client.post(action, data)
            assert posted.status_code < 500, (action, posted.status_code)
    assert not _rows_with_nul()


def test_a_search_or_filter_with_a_null_character_is_ignored(client_for, staff, brightwater):
    staff_client = client_for(staff)
    ParticipantFactory(organisation=brightwater, name="Sam Kowalski")
    ParticipantFactory(organisation=brightwater, name="Kim Osei")
    people = reverse("activities:participant-list")
    for query in ("?q=%00", "?q=Sam%00"):
        response = staff_client.get(people + query)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Sam Kowalski" in html and "Kim Osei" in html, query
    activities = staff_client.get(reverse("activities:activity-list") + "?q=%00&status=%00")
    assert activities.status_code == 200


def test_a_null_character_in_a_form_is_refused_beside_the_field(client_for, staff):
    staff_client = client_for(staff)
    response = staff_client.post(reverse("activities:participant-create"), {"name": "Sam\x00"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_name_1_error"' in html
    assert str(NULL_CHARACTER_MESSAGE) in html
    assert not _rows_with_nul()


# Bottom to top; an app without a forms module (yet) is passed over.
OUR_APPS = ("involvement", "activities", "quality", "outcomes", "reports", "participant", "demo")


def _our_forms():
    for app in OUR_APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, forms.BaseForm):
                if value.__module__.startswith(f"{app}."):
                    yield value


def test_every_form_of_ours_refuses_null_characters_the_same_way():
    ours = set(_our_forms())
    assert len(ours) > 20
    assert not {form.__name__ for form in ours if not issubclass(form, RefusesNullCharacters)}
