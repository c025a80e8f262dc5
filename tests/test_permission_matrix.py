"""Every persona against every URL: one parametrised table (netbox ViewTestCases, Sentry's
cross-organisation tests). A URL the resolver knows but the table does not fails the suite."""

from typing import NamedTuple

import pytest
from django.urls import URLResolver, get_resolver, reverse

PERSONAS = ("org_admin", "staff", "trustee", "service_user", "other_org_staff", "anonymous")
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"set_language", "static"}
SIGN_IN = "sign in"  # a redirect to the sign-in page


class Case(NamedTuple):
    name: str
    method: str
    expected: tuple  # one per persona, in PERSONAS order
    target: str | None = None  # which brightwater object the URL is built with
    data: dict | None = None
    variant: str = ""

    @property
    def id(self) -> str:
        return f"{self.name}{'[' + self.variant + ']' if self.variant else ''}-{self.method}"


ALL_405 = (405,) * 6
ROLE_CAN_CHANGE = (200, 200, 403, 403, 404, SIGN_IN)  # admin and staff; others' objects are 404
NOT_SERVICE_USERS = (200, 200, 403, 404, 404, SIGN_IN)  # objects a service user never sees

CASES = [
    Case("home", "GET", (302, 302, 302, 302, 302, SIGN_IN)),
    Case("healthz", "GET", (200,) * 6),
    Case("login", "GET", (302, 302, 302, 302, 302, 200)),
    Case("logout", "GET", ALL_405),
    Case("logout", "POST", (302,) * 6),
    Case("session-keep-alive", "GET", ALL_405),
    Case("session-keep-alive", "POST", (204,) * 5 + (SIGN_IN,)),
    Case("password_reset", "GET", (200,) * 6),
    Case("password_reset_done", "GET", (200,) * 6),
    Case("password_reset_confirm", "GET", (200,) * 6, target="reset_link"),
    Case("password_reset_complete", "GET", (200,) * 6),
    Case("no-organisation", "GET", (302, 302, 302, 302, 302, SIGN_IN)),
    Case("organisation-switch", "GET", ALL_405),
    Case(
        "organisation-switch",
        "POST",
        (302, 302, 302, 302, 404, SIGN_IN),
        data={"organisation": "brightwater"},
    ),
    # Every admin edits their own organisation's settings; northgate staff are not admins.
    Case("organisation-settings", "GET", (200, 403, 403, 403, 403, SIGN_IN)),
    Case("membership-list", "GET", (200, 403, 403, 403, 403, SIGN_IN)),
    Case("membership-invite", "GET", (200, 403, 403, 403, 403, SIGN_IN)),
    # Memberships are outside a service user's scope (permissions.OWN_RECORDS), hence 404.
    Case("membership-role", "GET", (200, 403, 403, 404, 404, SIGN_IN), target="membership"),
    # An invitation link works for anyone holding it, like a feedback link: it puts a grant
    # in the session and moves on. Without that grant its page shows nothing (404); with it,
    # tests/involvement/test_invitations.py.
    Case("invitation-start", "GET", (302,) * 6, target="invitation_link"),
    Case("invitation-start", "POST", ALL_405, target="invitation_link"),
    Case("invitation-accept", "GET", (404,) * 6, target="invitation"),
    Case("invitation-accept", "POST", (404,) * 6, target="invitation"),
    Case("activities:activity-list", "GET", (200, 200, 200, 200, 200, SIGN_IN)),
    Case("activities:activity-overview", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("activities:activity-create", "GET", (200, 200, 403, 403, 200, SIGN_IN)),
    Case(
        "activities:activity-detail",
        "GET",
        (200, 200, 200, 200, 404, SIGN_IN),
        target="activity",
        variant="service user takes part",
    ),
    Case(
        "activities:activity-detail",
        "GET",
        (200, 200, 200, 404, 404, SIGN_IN),
        target="other_activity",
        variant="service user not involved",
    ),
    Case("activities:activity-update", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case(
        "activities:activity-update",
        "GET",
        (200, 200, 403, 404, 404, SIGN_IN),
        target="other_activity",
        variant="service user not involved",
    ),
    Case("activities:activity-transition", "GET", ALL_405, target="activity"),
    Case(
        "activities:activity-transition",
        "POST",
        (302, 302, 403, 403, 404, SIGN_IN),
        target="activity",
        data={"to_status": "running"},
    ),
    Case("activities:agreement-update", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case("activities:agreement-record", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case("activities:accessibility-update", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case("activities:session-create", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case("activities:session-update", "GET", ROLE_CAN_CHANGE, target="session"),
    Case("activities:session-delete", "GET", ROLE_CAN_CHANGE, target="session"),
    Case("activities:session-attendance", "GET", ROLE_CAN_CHANGE, target="session"),
    Case(
        "activities:session-attendance",
        "POST",
        (302, 302, 403, 403, 404, SIGN_IN),
        target="session",
    ),
    Case("activities:involvement-create", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case(
        "activities:involvement-create",
        "GET",
        (200, 200, 403, 404, 404, SIGN_IN),
        target="other_activity",
        variant="service user not involved",
    ),
    # Involvements and participant records are outside a service user's scope, even their own.
    Case("activities:involvement-update", "GET", NOT_SERVICE_USERS, target="involvement"),
    Case("activities:involvement-delete", "GET", NOT_SERVICE_USERS, target="involvement"),
    Case(
        "activities:involvement-delete",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="involvement",
    ),
    Case("activities:participant-list", "GET", (200, 200, 403, 403, 200, SIGN_IN)),
    # Counts only, suppressed: trustees see them too; northgate staff see northgate's.
    Case("activities:who-is-involved", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("activities:population-profile", "GET", (200, 200, 403, 403, 200, SIGN_IN)),
    # An empty profile is valid: it saves nothing and goes back to "who is involved".
    Case("activities:population-profile", "POST", (302, 302, 403, 403, 302, SIGN_IN)),
    Case("activities:participant-create", "GET", (200, 200, 403, 403, 200, SIGN_IN)),
    Case("activities:participant-detail", "GET", NOT_SERVICE_USERS, target="participant"),
    Case("activities:participant-update", "GET", NOT_SERVICE_USERS, target="participant"),
    Case("participant:participant-export", "GET", NOT_SERVICE_USERS, target="participant"),
    # Erasing cannot be undone: admins only.
    Case(
        "participant:participant-erase",
        "GET",
        (200, 403, 403, 404, 404, SIGN_IN),
        target="participant",
    ),
    Case(
        "participant:participant-erase",
        "POST",
        (302, 403, 403, 404, 404, SIGN_IN),
        target="participant",
    ),
    # Feedback, staff side: like other activity pages. A service user sees the activity they
    # took part in, so is refused (403); feedback requests are outside their scope (404).
    Case("quality:feedback-overview", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case("quality:feedback-results", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case("quality:feedback-send", "GET", ROLE_CAN_CHANGE, target="activity"),
    # Nobody chosen: the form comes back with its error.
    Case("quality:feedback-send", "POST", ROLE_CAN_CHANGE, target="activity"),
    Case("quality:feedback-remind-activity", "GET", ALL_405, target="activity"),
    Case(
        "quality:feedback-remind-activity",
        "POST",
        (302, 302, 403, 403, 404, SIGN_IN),
        target="activity",
    ),
    Case("quality:feedback-letter", "GET", ROLE_CAN_CHANGE, target="feedback_person"),
    # The printed letter itself, with a new link.
    Case("quality:feedback-letter", "POST", ROLE_CAN_CHANGE, target="feedback_person"),
    Case("quality:feedback-on-behalf", "GET", ROLE_CAN_CHANGE, target="feedback_person"),
    Case(
        "quality:feedback-on-behalf",
        "POST",
        (302, 302, 403, 403, 404, SIGN_IN),
        target="feedback_person",
        data={"method": "paper"},
    ),
    Case("quality:feedback-remind", "GET", ALL_405, target="feedback_request"),
    Case(
        "quality:feedback-remind",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="feedback_request",
    ),
    Case("quality:feedback-revoke", "GET", NOT_SERVICE_USERS, target="feedback_request"),
    Case(
        "quality:feedback-revoke",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="feedback_request",
    ),
    # Feedback, the person's side: outside organisation permissions, like invitation-start.
    # The link is the credential, whoever is signed in; every other page needs the grant the
    # link puts in the session, so without it there is nothing (404), and a POST's typing is
    # kept for when the link is opened again (403).
    Case("participant:feedback-start", "GET", (302,) * 6, target="feedback_link"),
    Case("participant:feedback-start", "POST", ALL_405, target="feedback_link"),
    Case("participant:feedback-form", "GET", (404,) * 6, target="feedback_request"),
    Case("participant:feedback-form", "POST", (403,) * 6, target="feedback_request"),
    Case("participant:feedback-easy", "GET", (404,) * 6, target="feedback_step"),
    Case("participant:feedback-easy", "POST", (403,) * 6, target="feedback_step"),
    Case("participant:feedback-easy-send", "GET", (404,) * 6, target="feedback_request"),
    Case("participant:feedback-easy-send", "POST", (404,) * 6, target="feedback_request"),
    Case("participant:easy-read-switch", "GET", ALL_405, target="feedback_request"),
    Case("participant:easy-read-switch", "POST", (404,) * 6, target="feedback_request"),
    Case("participant:feedback-saved", "GET", (404,) * 6, target="feedback_request"),
    Case("participant:about-you", "GET", (404,) * 6, target="feedback_request"),
    Case("participant:about-you", "POST", (404,) * 6, target="feedback_request"),
    Case("participant:about-you-easy", "GET", (404,) * 6, target="feedback_step"),
    Case("participant:feedback-thanks", "GET", (404,) * 6, target="feedback_request"),
    # The answer to a "we did" message, through its link: the same, for one contribution.
    Case("participant:reply-start", "GET", (302,) * 6, target="reply_link"),
    Case("participant:reply-start", "POST", ALL_405, target="reply_link"),
    Case("participant:reply", "GET", (404,) * 6, target="told_contribution"),
    Case("participant:reply", "POST", (404,) * 6, target="told_contribution"),
    Case("participant:reply-easy-read", "GET", ALL_405, target="told_contribution"),
    Case("participant:reply-easy-read", "POST", (404,) * 6, target="told_contribution"),
    Case("participant:reply-thanks", "GET", (404,) * 6, target="told_contribution"),
    # Quality of involvement: trustees read ratings and the checklist (quality.view); staff
    # assess markers and change the catalogue; service users see none of it. Northgate staff
    # see Northgate's own overview and markers, and nothing of Brightwater's objects.
    Case("quality:quality-overview", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("quality:rating-rules", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("quality:marker-list", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("quality:marker-create", "GET", (200, 200, 403, 403, 200, SIGN_IN)),
    # Nothing filled in: the form comes back with its errors.
    Case("quality:marker-create", "POST", (200, 200, 403, 403, 200, SIGN_IN)),
    # Markers are outside a service user's scope (permissions.OWN_RECORDS), hence 404.
    Case("quality:marker-retire", "GET", ALL_405, target="marker"),
    Case("quality:marker-retire", "POST", (302, 302, 403, 404, 404, SIGN_IN), target="marker"),
    Case("quality:marker-restore", "GET", ALL_405, target="marker"),
    Case("quality:marker-restore", "POST", (302, 302, 403, 404, 404, SIGN_IN), target="marker"),
    # An activity's checklist: the service user sees the activity they took part in, so is
    # refused (403); one they have no part in is not found.
    Case(
        "quality:activity-quality",
        "GET",
        (200, 200, 200, 403, 404, SIGN_IN),
        target="activity",
        variant="service user takes part",
    ),
    Case(
        "quality:activity-quality",
        "GET",
        (200, 200, 200, 404, 404, SIGN_IN),
        target="other_activity",
        variant="service user not involved",
    ),
    Case("quality:marker-assess", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case(
        "quality:marker-assess",
        "GET",
        (200, 200, 403, 404, 404, SIGN_IN),
        target="other_activity",
        variant="service user not involved",
    ),
    # Nothing chosen is a valid checklist: it saves nothing and goes back to the checklist.
    Case("quality:marker-assess", "POST", (302, 302, 403, 403, 404, SIGN_IN), target="activity"),
    # "You said, we did": who said what is for staff only (contributions.view); trustees see
    # the loop figures on the quality overview. A service user sees the activity they took
    # part in, so is refused (403); contributions are outside their scope (404).
    Case("quality:contribution-list", "GET", ROLE_CAN_CHANGE, target="activity"),
    Case(
        "quality:contribution-list",
        "GET",
        (200, 200, 403, 404, 404, SIGN_IN),
        target="other_activity",
        variant="service user not involved",
    ),
    Case("quality:contribution-create", "GET", ROLE_CAN_CHANGE, target="activity"),
    # Nothing filled in: the form comes back with its errors.
    Case("quality:contribution-create", "POST", ROLE_CAN_CHANGE, target="activity"),
    Case("quality:contribution-from-comment", "GET", ALL_405, target="activity"),
    Case(
        "quality:contribution-from-comment",
        "POST",
        (302, 302, 403, 403, 404, SIGN_IN),
        target="activity",
        data={"response": "feedback_response", "field": "what_was_good"},
    ),
    Case("quality:contribution-respond", "GET", NOT_SERVICE_USERS, target="contribution"),
    Case(
        "quality:contribution-respond",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="contribution",
        data={"decision": "accepted", "what_changed": "Meetings start at 6pm."},
    ),
    # Telling the person and recording their answer: like responding. A step that is not
    # allowed yet goes back to the list (tests/quality/test_tell.py).
    Case("quality:contribution-tell", "GET", NOT_SERVICE_USERS, target="responded_contribution"),
    Case(
        "quality:contribution-tell",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="responded_contribution",
        data={"how": "in_person"},
    ),
    Case("quality:contribution-answer", "GET", NOT_SERVICE_USERS, target="told_contribution"),
    Case(
        "quality:contribution-answer",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="told_contribution",
        data={"satisfied": "yes"},
    ),
    Case("quality:loop-page-publish", "GET", ALL_405, target="activity"),
    Case(
        "quality:loop-page-publish",
        "POST",
        (302, 302, 403, 403, 404, SIGN_IN),
        target="activity",
        data={"publish": "yes"},
    ),
    # The public page: anyone may read it once published, signed in or not; until then it
    # is not found, even for staff.
    Case("quality:loop-page-public", "GET", (200,) * 6, target="published_loop_page"),
    Case(
        "quality:loop-page-public",
        "GET",
        (404,) * 6,
        target="taken_down_loop_page",
        variant="not published",
    ),
    Case("quality:loop-page-public", "POST", ALL_405, target="published_loop_page"),
    # Outcome measures: trustees read progress (outcomes.view); staff choose, record and
    # change measures; service users see none of it. Northgate staff see Northgate's own
    # dashboard and catalogue, and nothing of Brightwater's objects.
    Case("outcomes:dashboard", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("outcomes:dashboard-csv", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("outcomes:figure-detail", "GET", (200, 200, 200, 403, 200, SIGN_IN), target="figure"),
    Case("outcomes:measure-list", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("outcomes:measure-list-csv", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("outcomes:measure-create", "GET", (200, 200, 403, 403, 200, SIGN_IN)),
    # Nothing filled in: the form comes back with its errors.
    Case("outcomes:measure-create", "POST", (200, 200, 403, 403, 200, SIGN_IN)),
    # Measures are outside a service user's scope (permissions.OWN_RECORDS), hence 404.
    Case("outcomes:measure-update", "GET", NOT_SERVICE_USERS, target="measure"),
    Case("outcomes:measure-retire", "GET", ALL_405, target="measure"),
    Case("outcomes:measure-retire", "POST", (302, 302, 403, 404, 404, SIGN_IN), target="measure"),
    Case("outcomes:measure-restore", "GET", ALL_405, target="measure"),
    Case("outcomes:measure-restore", "POST", (302, 302, 403, 404, 404, SIGN_IN), target="measure"),
    # An activity's measures: the service user sees the activity they took part in, so is
    # refused (403); one they have no part in is not found.
    Case(
        "outcomes:activity-measures",
        "GET",
        (200, 200, 200, 403, 404, SIGN_IN),
        target="activity",
        variant="service user takes part",
    ),
    Case(
        "outcomes:activity-measures",
        "GET",
        (200, 200, 200, 404, 404, SIGN_IN),
        target="other_activity",
        variant="service user not involved",
    ),
    Case(
        "outcomes:activity-measures-csv",
        "GET",
        (200, 200, 200, 403, 404, SIGN_IN),
        target="activity",
    ),
    Case("outcomes:activity-measures-choose", "GET", ROLE_CAN_CHANGE, target="activity"),
    # Nothing ticked: the form comes back with its error.
    Case("outcomes:activity-measures-choose", "POST", ROLE_CAN_CHANGE, target="activity"),
    Case("outcomes:activity-measure-update", "GET", NOT_SERVICE_USERS, target="activity_measure"),
    Case(
        "outcomes:activity-measure-update",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="activity_measure",
        data={"how_measured": "A show of hands"},
    ),
    Case("outcomes:activity-measure-remove", "GET", ALL_405, target="activity_measure"),
    Case(
        "outcomes:activity-measure-remove",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="activity_measure",
    ),
    Case("outcomes:measure-value-record", "GET", NOT_SERVICE_USERS, target="activity_measure"),
    Case(
        "outcomes:measure-value-record",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="activity_measure",
        data={"period": "2026-04-01", "value": "3"},
    ),
    # Training records name people: staff only, like the people pages.
    Case("outcomes:training-list", "GET", (200, 200, 403, 403, 200, SIGN_IN)),
    Case("outcomes:training-create", "GET", (200, 200, 403, 403, 200, SIGN_IN)),
    # The person's own "what has changed" page, after their feedback: like the other pages
    # of the feedback link, nothing without the grant the link puts in the session.
    Case("participant:self-report", "GET", (404,) * 6, target="feedback_request"),
    Case("participant:self-report", "POST", (404,) * 6, target="feedback_request"),
    # Impact reports: trustees read and download (reports.view); staff also ask for them,
    # try again and make new versions (reports.request). Reports are outside a service
    # user's scope (permissions.OWN_RECORDS), hence 404 for one; northgate staff see
    # northgate's own list and nothing of brightwater's reports.
    Case("reports:report-list", "GET", (200, 200, 200, 403, 200, SIGN_IN)),
    Case("reports:report-request", "GET", (200, 200, 403, 403, 200, SIGN_IN)),
    # Nothing filled in: the form comes back with its errors.
    Case("reports:report-request", "POST", (200, 200, 403, 403, 200, SIGN_IN)),
    Case("reports:report-detail", "GET", (200, 200, 200, 404, 404, SIGN_IN), target="report"),
    Case("reports:report-status", "GET", (200, 200, 200, 404, 404, SIGN_IN), target="report"),
    Case("reports:report-preview", "GET", (200, 200, 200, 404, 404, SIGN_IN), target="report"),
    Case("reports:report-download", "GET", (200, 200, 200, 404, 404, SIGN_IN), target="report"),
    Case("reports:report-retry", "GET", ALL_405, target="failed_report"),
    Case(
        "reports:report-retry",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="failed_report",
    ),
    Case("reports:report-pdf-retry", "GET", ALL_405, target="report"),
    # A PDF that has not run out of tries is left alone: back to the report's page.
    Case(
        "reports:report-pdf-retry",
        "POST",
        (302, 302, 403, 404, 404, SIGN_IN),
        target="report",
    ),
    Case("reports:report-again", "GET", ALL_405, target="report"),
    Case("reports:report-again", "POST", (302, 302, 403, 404, 404, SIGN_IN), target="report"),
]


def named_urls(patterns=None, namespace: str = ""):
    """Every named URL in the resolver, as `namespace:name`."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_urls(pattern.url_patterns, inner)
        elif pattern.name and pattern.name not in SKIPPED_NAMES:
            yield namespace + pattern.name


def test_every_named_url_is_in_the_permission_matrix():
    missing = set(named_urls()) - {case.name for case in CASES}
    assert not missing, f"Add these URLs to CASES in {__name__}: {sorted(missing)}"


def test_the_permission_matrix_names_only_urls_that_exist():
    assert {case.name for case in CASES} <= set(named_urls())


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_persona_gets_expected_status(case, persona, brightwater_objects, people, client_for):
    url = reverse(case.name, kwargs=brightwater_objects[case.target] if case.target else None)
    client = client_for(people.get(persona))
    if case.method == "GET":
        response = client.get(url)
    else:
        data = {
            key: brightwater_objects.get(value, value) for key, value in (case.data or {}).items()
        }
        response = client.post(url, data)
    expected = case.expected[PERSONAS.index(persona)]
    if expected == SIGN_IN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login")), response.url
    else:
        assert response.status_code == expected
