"""Personas and shared fixtures: the same people `manage.py seed_demo` creates."""

import contextlib
import importlib
import logging
from unittest import mock

import pytest
from django import db
from django.apps import apps
from django.test import Client
from django.utils import timezone
from kombu.exceptions import OperationalError

from demo.people import ensure_demo_people
from involvement import celery_app, jobs
from involvement.models import Membership, Organisation, Role
from quality.models import ReplyLink
from quality.services import loop_page_publish

from .factories import (
    ActivityFactory,
    ActivityMeasureFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvitationFactory,
    InvolvementFactory,
    MeasureFactory,
    ParticipantFactory,
    QualityMarkerFactory,
    SessionFactory,
    feedback_link,
    invitation_link,
)
from .reports.conftest import make_report


class _UnresolvedLayoutFields(logging.Handler):
    """Keeps crispy's "Could not resolve form field" warnings: a layout naming a field its form
    does not have, which crispy skips and logs with a traceback instead of failing."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        message = record.getMessage()
        if message.startswith("Could not resolve form field"):
            self.messages.append(message)


@pytest.fixture(autouse=True)
def layouts_name_only_fields_the_form_has():
    handler = _UnresolvedLayoutFields()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if handler.messages:
        pytest.fail("A form layout names a missing field: " + "; ".join(handler.messages))


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def static_files_as_they_are(settings):
    """Under production settings (tests/test_headers.py runs so), serve static files without
    the manifest, which only `collectstatic` makes."""
    if settings.PRODUCTION:
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }


@pytest.fixture(autouse=True)
def tasks_run_in_process():
    """Run Celery tasks in this process, even when REDIS_URL made the settings non-eager.

    Only tests/test_worker.py hands tasks to a real worker, and it turns this off itself.
    """
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


@pytest.fixture
def broker_down():
    """Every task publish fails as it does with Redis down: Celery raises kombu's
    OperationalError once its publish retries are spent (checked against a closed port; see
    tests/test_worker.py). Tasks run in-process here, so the failure is put at the publish
    step they all pass through, `apply_async`. Call the fixture's value to bring it back."""
    refused = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    patcher = mock.patch("celery.app.task.Task.apply_async", side_effect=refused)
    patcher.start()

    def back():
        patcher.stop()
        jobs._refused_until = 0.0  # this process stops keeping jobs without asking

    yield back
    back()


@pytest.fixture(autouse=True)
def broker_not_refusing_yet(monkeypatch):
    """Each test starts with no refusal remembered by involvement.jobs."""
    monkeypatch.setattr(jobs, "_refused_until", 0.0)


@pytest.fixture
def catalogues(transactional_db):
    """Approaches, influence levels and aims for transactional tests: their flush deletes the
    rows the data migration loaded, so load them again the same way."""
    migration = importlib.import_module("activities.migrations.0003_reference_catalogues")
    migration.load(apps, None)


@pytest.fixture
def people(db) -> dict:
    """Every demo persona by name: org_admin, staff, ..., other_org_staff, ..."""
    return ensure_demo_people()


@pytest.fixture
def org_admin(people):
    return people["org_admin"]


@pytest.fixture
def staff(people):
    return people["staff"]


@pytest.fixture
def trustee(people):
    return people["trustee"]


@pytest.fixture
def service_user(people):
    return people["service_user"]


@pytest.fixture
def other_org_staff(people):
    return people["other_org_staff"]


@pytest.fixture
def brightwater(people) -> Organisation:
    return Organisation.objects.get(slug="brightwater")


@pytest.fixture
def northgate(people) -> Organisation:
    return Organisation.objects.get(slug="northgate")


@pytest.fixture
def client_for(db):
    """`client_for(user)`: a test Client signed in as `user`; `client_for(None)` is anonymous."""

    def make(user, **client_options) -> Client:
        client = Client(**client_options)
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def brightwater_objects(brightwater, staff, service_user):
    """URL kwargs for one of each object, all in brightwater (the permission matrix and the CSRF
    tests build URLs from these). The service user took part in agreeing `activity` (so they
    see it and its `session`), not `other_activity`. `participant` is the service user's own
    record and `involvement` is Sam's part in `activity`, on which Sam was asked for feedback.
    Ali sent feedback on `activity` with a comment still to take as a contribution; the
    "you said, we did" page of `other_activity` is published, that of `activity` was taken
    down (its slug finds nothing). Ali
    has a response not told yet; Sam was told what was done about something else. The
    `invitation` has a working `invitation_link`."""
    jordan = ParticipantFactory(organisation=brightwater, name="Jordan R", user=service_user)
    activity = ActivityFactory(organisation=brightwater, created_by=staff, agreed_with=[jordan])
    other_activity = ActivityFactory(
        organisation=brightwater, created_by=staff, agreed_with=["Someone else"]
    )
    sam = ParticipantFactory(organisation=brightwater, name="Sam K")
    asked = FeedbackRequestFactory(activity=activity, participant=sam, involved=False)
    ali = ParticipantFactory(organisation=brightwater, name="Ali B")
    answered = FeedbackResponseFactory(
        request=FeedbackRequestFactory(activity=activity, participant=ali),
        what_was_good="Meet in the evenings, please.",
    )
    published_page = loop_page_publish(activity=other_activity, publish=True)
    # A page made once and taken down again: its address finds nothing.
    taken_down_page = loop_page_publish(activity=activity, publish=False)
    measure = MeasureFactory(organisation=brightwater, name="Panels held with users")
    responded = ContributionFactory(
        activity=activity,
        created_by=staff,
        participant=ali,
        status="responded",
        decision="accepted",
        what_changed="Some meetings are in the evening now.",
        responded_at=timezone.now(),
    )
    invitation = InvitationFactory(
        organisation=brightwater, email="newcomer@example.org", role=Role.STAFF
    )
    told = ContributionFactory(
        activity=activity,
        created_by=staff,
        participant=sam,
        status="told",
        decision="accepted",
        what_changed="There is a ramp at the back door now.",
        responded_at=timezone.now(),
        told_at=timezone.now(),
        told_how="letter",
    )
    return {
        "activity": {"pk": activity.pk},
        "other_activity": {"pk": other_activity.pk},
        "session": {"pk": SessionFactory(activity=activity).pk},
        "participant": {"pk": jordan.pk},
        "involvement": {"pk": InvolvementFactory(activity=activity, participant=sam).pk},
        "membership": {"pk": Membership.objects.get(user=staff, organisation=brightwater).pk},
        "invitation": {"pk": invitation.pk},
        "invitation_link": {"token": invitation_link(invitation)},
        "reset_link": {"uidb64": "MQ", "token": "not-a-real-token"},
        # Sam has been asked for feedback on `activity`, and has a working link.
        "feedback_request": {"pk": asked.pk},
        "feedback_step": {"pk": asked.pk, "step": 1},
        "feedback_person": {"pk": activity.pk, "participant_pk": sam.pk},
        "feedback_link": {"token": feedback_link(asked)},
        # An outcome measure of brightwater's own, which `activity` uses.
        "measure": {"pk": measure.pk},
        "activity_measure": {"pk": ActivityMeasureFactory(activity=activity, measure=measure).pk},
        "figure": {"key": "users_involved"},
        # A quality marker of brightwater's own, beside Table 2's.
        "marker": {
            "pk": QualityMarkerFactory(organisation=brightwater, text="Meetings end on time").pk
        },
        # "You said, we did": something said about `activity`, Ali's comment to take, and
        # the published page of `other_activity`.
        "contribution": {"pk": ContributionFactory(activity=activity, created_by=staff).pk},
        "feedback_response": answered.pk,
        # Ali has a response not told yet; Sam was told about another, by a letter whose
        # link works.
        "responded_contribution": {"pk": responded.pk},
        "told_contribution": {"pk": told.pk},
        "reply_link": {"token": ReplyLink.issue(told)[1]},
        "published_loop_page": {"slug": published_page.slug},
        "taken_down_loop_page": {"slug": taken_down_page.slug},
        # Reports: one ready with its PDF, one failed.
        "report": {"pk": make_report(brightwater).pk},
        "failed_report": {"pk": make_report(brightwater, audience="funder", status="failed").pk},
        "brightwater": brightwater.pk,
    }


@pytest.fixture
def database_dies_after(monkeypatch):
    """`back = database_dies_after("quality.services.feedback_save")`: that service runs and
    commits, then every query fails, as when the connection drops, until `back()`."""
    stack = contextlib.ExitStack()

    def refuse(execute, sql, params, many, context):
        raise db.OperationalError("server closed the connection unexpectedly")

    def arrange(target: str):
        module_name, name = target.rsplit(".", 1)
        module = importlib.import_module(module_name)
        service = getattr(module, name)

        def then_die(*args, **kwargs):
            result = service(*args, **kwargs)
            stack.enter_context(db.connection.execute_wrapper(refuse))
            return result

        monkeypatch.setattr(module, name, then_die)
        return stack.close

    yield arrange
    stack.close()
