"""The escaping sweep: a script and an attribute-breaking payload written into every text
field of every model, then every page, form, CSV, email and report that can show them is
rendered, and none may hold the payload as markup.

The data is the demo's (every kind of object, at every step) plus the permission matrix's
objects, so each URL of the matrix is rendered with an object of each kind. What a reader
sees is checked as raw bytes: `&lt;script&gt;` is text, `<script>` would run.
"""

import datetime
import io
import re

import pytest
from django.apps import apps
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import models
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, Involvement, Participant
from involvement import services as core_services
from involvement.models import Invitation, Organisation
from quality import services as quality_services
from quality.models import Contribution, FeedbackLink, FeedbackRequest, ReplyLink
from reports import services as report_services
from reports.models import Report
from reports.tasks import render_report

from .pages import Page
from .reports.conftest import pdf_text
from .test_permission_matrix import CASES, PERSONAS

# Closes a quoted attribute of either kind, then opens two elements: either element in a
# page means what someone typed became markup.
PAYLOAD = "\"'><script>xss()</script><i class=xss>"
SHORT_PAYLOAD = "\"'><i class=xss>"
MARKUP = ("<script>xss()", "<i class=xss>")
LEAKED_FIELD = re.compile(r"<i class=xss>(\w+\.\w+)#")
APPS = ["involvement", "activities", "quality", "outcomes", "reports"]
# Not text anyone types or reads: secrets, keys the code looks things up by, and codes of
# answers (each shown through its label, never as itself).
NOT_TEXT = {
    ("User", "password"),
    ("Invitation", "token"),
    ("Invitation", "token_hash"),
    ("PopulationGroup", "answer"),
    ("FeedbackResponse", "say"),
    ("Contribution", "feedback_field"),
}
# Every object of a kind the matrix builds URLs with, up to this many each.
PER_KIND = 6


def text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField)
        and field.editable
        and not field.choices
        and (model.__name__, field.name) not in NOT_TEXT
    ]


def poison_everything() -> list[str]:
    """Every text field of every row gets the payload, followed by the field's name (so a
    leak names its field) and its row's id (for unique fields). Returns the fields written,
    as `Model.field`."""
    written = []
    for app in APPS:
        for model in apps.get_app_config(app).get_models():
            for field in text_fields(model):
                name = f"{model.__name__}.{field.name}"
                value = next(
                    text
                    for text in (PAYLOAD + name + "#", SHORT_PAYLOAD + name + "#", SHORT_PAYLOAD)
                    if not field.max_length or len(text) + 6 <= field.max_length
                )
                pk = Cast("pk", models.CharField())
                model.objects.update(**{field.name: Concat(models.Value(value), pk)})
                written.append(name)
    cache.clear()  # cached figures were counted before the payload went in
    return written


def leaks(response) -> list[str]:
    """The fields whose text a page shows as markup (or "?" when it cannot tell)."""
    html = response.content.decode()
    if not any(mark in html for mark in MARKUP):
        return []
    return sorted(set(LEAKED_FIELD.findall(html))) or ["?"]


class Sweep:
    """Collects every page that shows typed text as markup, so one run names them all."""

    def __init__(self):
        self.found: dict[str, list[str]] = {}

    def check(self, response, where: str) -> None:
        assert response.status_code in (200, 302, 410), f"{where} gave {response.status_code}"
        if not response["Content-Type"].startswith("text/html"):
            # JSON, CSV and PDF are downloads a browser does not run.
            assert response["X-Content-Type-Options"] == "nosniff", where
            return
        fields = leaks(response)
        if fields:
            self.found[where] = fields

    def assert_clean(self) -> None:
        report = "\n".join(f"{where}: {', '.join(f)}" for where, f in self.found.items())
        assert not self.found, f"Typed text shown as markup:\n{report}"


@pytest.fixture
def demo(db, settings, brightwater_objects, people):
    """The demo's data and the matrix's objects, with every text field poisoned."""
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    call_command("seed_demo", stdout=io.StringIO())
    settings.DEBUG = False
    for user in people.values():
        user.refresh_from_db()  # the demo set their passwords again, ending old sessions
    brightwater = Organisation.objects.get(slug="brightwater")
    return brightwater, brightwater_objects, poison_everything()


def many(kind: str, organisation, objects) -> list[dict]:
    """URL kwargs for the matrix's object of `kind`, and up to PER_KIND more of the demo's."""
    more = {
        "activity": Activity.objects.filter(organisation=organisation).values("pk"),
        "participant": Participant.objects.filter(organisation=organisation).values("pk"),
        "contribution": Contribution.objects.filter(organisation=organisation).values("pk"),
        "responded_contribution": Contribution.objects.filter(
            organisation=organisation, status="responded"
        ).values("pk"),
        "told_contribution": Contribution.objects.filter(
            organisation=organisation, status="told"
        ).values("pk"),
    }
    found = [objects[kind]] if objects.get(kind) else []
    if kind in more:
        found += [dict(row) for row in more[kind].order_by("pk")[:PER_KIND]]
    if kind == "feedback_person":
        involved = Involvement.objects.filter(activity__organisation=organisation)
        found += [
            {"pk": i.activity_id, "participant_pk": i.participant_id}
            for i in involved.order_by("pk")[:PER_KIND]
        ]
    return found


def staff_pages(organisation, objects):
    """(persona, url) for every GET of the matrix a persona of brightwater may open, with the
    matrix's objects; and for the admin, with more of the demo's objects of each kind."""
    for case in CASES:
        if case.method != "GET":
            continue
        for persona, expected in zip(PERSONAS, case.expected, strict=True):
            if expected != 200 or persona == "other_org_staff":
                continue
            if not case.target:
                yield persona, reverse(case.name)
                continue
            kinds = many(case.target, organisation, objects) if persona == "org_admin" else []
            for kwargs in kinds or [objects[case.target]]:
                yield persona, reverse(case.name, kwargs=kwargs)


def test_no_page_shows_typed_text_as_markup(demo, people, client_for):
    organisation, objects, written = demo
    assert "QualityMarker.text" in written and "Participant.name" in written
    clients = {persona: client_for(people.get(persona)) for persona in PERSONAS}
    sweep, seen = Sweep(), set()
    for persona, url in staff_pages(organisation, objects):
        if (persona, url) not in seen:
            seen.add((persona, url))
            sweep.check(clients[persona].get(url), f"{url} as {persona}")
    assert len(seen) > 150
    sweep.assert_clean()


def test_forms_sent_back_with_errors_show_typed_text_as_text(demo, people, client_for):
    """Every staff form, sent with the payload in each of its text boxes: whether it comes
    back with errors or is saved and shown, the typing stays text."""
    organisation, objects, _written = demo
    client, sweep = client_for(people["org_admin"]), Sweep()
    for url in sorted({url for persona, url in staff_pages(organisation, objects)}):
        page = Page.of(client.get(url))
        if not any(form["method"] == "post" and not form["action"] for form in page.forms):
            continue
        data = {name: values[0] if values else "" for name, values in page.values.items()}
        for name in data:
            if page.kinds.get(name) in {"text", "textarea", "email", "url", "search"}:
                data[name] = PAYLOAD
        sweep.check(client.post(url, data, follow=True), f"POST {url}")
    sweep.assert_clean()


def link_pages(pk: int) -> list[str]:
    """Every page a person reaches through their feedback link."""
    names = [
        "participant:feedback-form",
        "participant:feedback-easy-send",
        "participant:feedback-saved",
        "participant:about-you",
        "participant:feedback-thanks",
        "participant:self-report",
    ]
    return (
        [reverse(name, args=[pk]) for name in names]
        + [reverse("participant:feedback-easy", args=[pk, step]) for step in range(1, 4)]
        + [reverse("participant:about-you-easy", args=[pk, step]) for step in range(1, 3)]
    )


def test_the_pages_behind_a_personal_link_show_typed_text_as_text(demo, client_for):
    organisation, _objects, _written = demo
    sweep = Sweep()
    requests = FeedbackRequest.objects.filter(organisation=organisation, revoked_at__isnull=True)
    for request in requests.order_by("pk")[:PER_KIND]:
        for easy in ("off", "on"):
            client = client_for(None)
            _link, token = FeedbackLink.issue(request)
            client.get(reverse("participant:feedback-start", args=[token]))
            switch = reverse("participant:easy-read-switch", args=[request.pk])
            client.post(switch, {"easy_read": easy})
            for url in link_pages(request.pk):
                sweep.check(client.get(url, follow=True), f"{url} (easy read {easy})")
    for invitation in Invitation.objects.filter(organisation=organisation, accepted_at=None):
        start = reverse("invitation-start", args=[invitation.issue_link()])
        sweep.check(client_for(None).get(start, follow=True), f"invitation {invitation.pk}")
    told = Contribution.objects.filter(organisation=organisation, status__in=["told", "rated"])
    for contribution in told.order_by("pk")[:PER_KIND]:
        _link, token = ReplyLink.issue(contribution)
        start = reverse("participant:reply-start", args=[token])
        sweep.check(client_for(None).get(start, follow=True), f"reply {contribution.pk}")
    sweep.assert_clean()


def test_emails_are_plain_text_only(demo, django_capture_on_commit_callbacks, people):
    """Emails carry no HTML part, so nothing typed in them is ever markup."""
    organisation, _objects, _written = demo
    asked = FeedbackRequest.objects.filter(organisation=organisation, revoked_at__isnull=True)
    with django_capture_on_commit_callbacks(execute=True):
        core_services.membership_invite(
            organisation=organisation,
            email="sweep@example.org",
            role="staff",
            invited_by=people["org_admin"],
        )
        quality_services.feedback_request_remind(requests=list(asked[:3]))
    assert mail.outbox
    for message in mail.outbox:
        assert not getattr(message, "alternatives", None), message.subject
        assert message.content_subtype == "plain"


def test_downloads_are_not_pages(demo, people, client_for):
    """A CSV or a person's data is served as a download that a browser never renders."""
    _organisation, objects, _written = demo
    client = client_for(people["org_admin"])
    for name, target in [
        ("outcomes:dashboard-csv", None),
        ("outcomes:measure-list-csv", None),
        ("outcomes:activity-measures-csv", "activity"),
        ("participant:participant-export", "participant"),
    ]:
        response = client.get(reverse(name, kwargs=objects[target] if target else None))
        assert response.status_code == 200
        assert not response["Content-Type"].startswith("text/html"), name
        assert response["Content-Disposition"].startswith("attachment"), name
        assert response["X-Content-Type-Options"] == "nosniff"


def test_a_report_made_from_typed_text_shows_it_as_text(demo, people, client_for):
    """The report job, over every activity the demo has: its web page holds no markup from
    what people typed, and its PDF prints the payload as the characters typed."""
    organisation, _objects, _written = demo
    report, _new = report_services.report_request(
        organisation=organisation,
        period_start=datetime.date(2020, 1, 1),
        period_end=timezone.localdate(),
        audience=Report.Audience.FUNDER,
        scope=Report.Scope.ALL,
        do_differently=PAYLOAD,
        requested_by=people["staff"],
    )
    render_report.delay(report.pk)
    report.refresh_from_db()
    assert report.status == Report.Status.READY, report.failure
    html = report.document.html
    assert not any(mark in html for mark in MARKUP), LEAKED_FIELD.findall(html)
    assert PAYLOAD in pdf_text(report.document.pdf).replace("\n", "")
    client, sweep = client_for(people["trustee"]), Sweep()
    for name in ("reports:report-detail", "reports:report-preview"):
        sweep.check(client.get(reverse(name, args=[report.pk])), name)
    sweep.check(client.get(reverse("reports:report-list")), "reports:report-list")
    sweep.assert_clean()


def test_a_marker_written_as_a_script_is_text_on_assess_the_markers(client_for, staff):
    """The outside battery's finding: a marker's text was printed as the radios' legend
    without escaping, so a staff member could run script in every admin's session."""
    from .factories import ActivityFactory

    activity = ActivityFactory(organisation=staff.memberships.get().organisation, created_by=staff)
    client = client_for(staff)
    response = client.post(
        reverse("quality:marker-create"), {"stage": "preparation", "text": PAYLOAD}
    )
    assert response.status_code == 302
    page = client.get(reverse("quality:marker-assess", args=[activity.pk])).content.decode()
    assert "&lt;script&gt;xss()&lt;/script&gt;" in page
    assert not any(mark in page for mark in MARKUP)
