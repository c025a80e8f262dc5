"""The person's answer to "we did": through the link in their message they read what they said
and what was done, and say whether they are happy with it. The link grants that one
contribution and nothing else; it is a credential, so it never stays in a URL or a log."""

import datetime
import io
import logging
import re
import secrets

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from involvement.logging import redact
from participant.services import participant_erase
from participant.views.access import GRANTS, REPLY_GRANTS
from quality.models import Contribution, ReplyLink

from ..factories import ContributionFactory, ParticipantFactory
from ..pages import Page
from .test_feedback_links import guesses_counted

ASKED = "Start the meetings after 6pm, so people who work can come."
CHANGED = "Meetings now start at 6.30pm."
NOT_WORKING = "This link is not working"
CHOOSE = "Choose whether you are happy with what we did."
SCRIPT = '<script>alert("boo")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt;"


def start_url(token: str) -> str:
    return reverse("participant:reply-start", args=[token])


def reply_url(contribution) -> str:
    return reverse("participant:reply", args=[contribution.pk])


def thanks_url(contribution) -> str:
    return reverse("participant:reply-thanks", args=[contribution.pk])


def easy_read_url(contribution) -> str:
    return reverse("participant:reply-easy-read", args=[contribution.pk])


def told(activity, participant, **fields) -> Contribution:
    """Raised by `participant` on 1 May 2026, accepted, and told by letter."""
    fields = {
        "text": ASKED,
        "raised_on": datetime.date(2026, 5, 1),
        "status": "told",
        "decision": "accepted",
        "what_changed": CHANGED,
        "responded_at": timezone.now(),
        "told_at": timezone.now(),
        "told_how": "letter",
        **fields,
    }
    return ContributionFactory(activity=activity, participant=participant, **fields)


def reload(contribution) -> Contribution:
    return Contribution.objects.get(pk=contribution.pk)


def assert_private(response, referrer_policy="same-origin"):
    assert "no-store" in response.headers.get("Cache-Control", "")
    assert response.headers.get("Referrer-Policy") == referrer_policy


@pytest.fixture
def contribution(activity, sam):
    return told(activity, sam)


@pytest.fixture
def token(contribution):
    return ReplyLink.issue(contribution)[1]


@pytest.fixture
def person(client, token):
    """Sam's browser, with the link in their letter opened."""
    response = client.get(start_url(token))
    assert response.status_code == 302
    return client


# Opening the link


def test_the_link_leads_to_a_page_without_the_token(client, token, contribution):
    response = client.get(start_url(token))
    assert response.status_code == 302
    assert response.url == reply_url(contribution)
    assert token not in response.url
    assert_private(response, "no-referrer")
    page = client.get(response.url)
    assert page.status_code == 200
    assert_private(page)
    assert token.encode() not in page.content
    assert ReplyLink.objects.get().first_used_at is not None


def test_the_page_shows_what_they_said_and_what_was_done(person, contribution):
    html = person.get(reply_url(contribution)).content.decode()
    assert "What we did with what you said" in html
    assert "What you said on 1 May 2026 (Voices Council)" in html
    assert ASKED in html
    assert "We did it." in html
    assert CHANGED in html
    assert "Are you happy with what we did?" in html
    assert "Yes, I am happy with it" in html
    assert Page(html).forms[-1]["csrf"]


def test_what_was_typed_is_escaped_on_the_persons_page(client, activity, brightwater):
    person = ParticipantFactory(organisation=brightwater, name=SCRIPT)
    typed = told(activity, person, text=SCRIPT, what_changed=SCRIPT, decision="accepted")
    client.get(start_url(ReplyLink.issue(typed)[1]))
    for url in (reply_url(typed), thanks_url(typed)):
        html = client.get(url).content.decode()
        assert SCRIPT not in html
    html = client.get(reply_url(typed)).content.decode()
    assert html.count(ESCAPED) >= 2


@pytest.mark.parametrize(
    "decision, fields, shown",
    [
        ("not_adopted", {"reason": "The building closes at 6pm."}, "We did not do it this time."),
        ("not_ours", {"who_decides": "The council"}, "This is not ours to decide."),
        (
            "partly",
            {"what_changed": "Some start later.", "reason": "The room closes."},
            "We did part of it.",
        ),
    ],
)
def test_each_decision_is_explained(decision, fields, shown, client, activity, sam):
    contribution = told(activity, sam, decision=decision, **fields)
    client.get(start_url(ReplyLink.issue(contribution)[1]))
    html = client.get(reply_url(contribution)).content.decode()
    assert shown in html
    for value in fields.values():
        assert value in html


@pytest.mark.parametrize("how", ["unknown", "expired", "not told"])
def test_a_link_that_does_not_work_shows_the_not_working_page(how, client, activity, sam, token):
    if how == "unknown":
        token = secrets.token_urlsafe(24)
    elif how == "expired":
        ReplyLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    else:
        # A link for a response that somehow was never told (no step may be skipped).
        waiting = told(activity, sam, status="responded", told_at=None, told_how="")
        token = ReplyLink.issue(waiting)[1]
    response = client.get(start_url(token))
    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "participant/link_not_working.html"
    assert NOT_WORKING in response.content.decode()
    assert_private(response, "no-referrer")
    assert not client.session.get(REPLY_GRANTS)


def test_an_expired_link_stops_a_visit_already_under_way(person, contribution):
    ReplyLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert person.get(reply_url(contribution)).status_code == 404
    assert person.post(reply_url(contribution), {"satisfied": "yes"}).status_code == 404
    assert reload(contribution).status == "told"


def test_once_someone_is_erased_their_link_no_longer_works(client, person, token, contribution):
    participant_erase(participant=contribution.participant)
    assert person.get(reply_url(contribution)).status_code == 404
    assert person.post(reply_url(contribution), {"satisfied": "no"}).status_code == 404
    assert Client().get(start_url(token)).status_code == 404
    assert not ReplyLink.objects.exists()
    assert reload(contribution).satisfied == ""


@override_settings(FEEDBACK_LINK_GUESSES="3/h")
def test_after_too_many_bad_guesses_a_good_link_still_works(client, token):
    for _ in range(3):
        assert client.get(start_url(secrets.token_urlsafe(24))).status_code == 404
    response = Client().get(start_url(token))
    assert response.status_code == 302
    assert guesses_counted() == 3
    assert client.get(start_url(secrets.token_urlsafe(24))).status_code == 429
    assert Client(REMOTE_ADDR="10.1.2.3").get(start_url(token)).status_code == 302


@override_settings(FEEDBACK_LINK_GUESSES="3/h")
def test_guesses_at_feedback_links_and_reply_links_are_counted_together(client, token):
    for path in ("/feedback/start/{}/", "/reply/start/{}/", "/feedback/start/{}/"):
        assert client.get(path.format(secrets.token_urlsafe(24))).status_code == 404
    assert client.get(start_url(secrets.token_urlsafe(24))).status_code == 429
    assert client.get(start_url(token)).status_code == 302


# Answering


def test_their_answer_is_saved_and_they_are_thanked(person, contribution):
    data = {"satisfied": "yes", "comment": "Thank you, I can come now."}
    before = timezone.now()
    response = person.post(reply_url(contribution), data, follow=True)
    assert response.redirect_chain == [(thanks_url(contribution), 302)]
    html = response.content.decode()
    assert "We have your answer" in html
    assert "If you are not happy" not in html
    assert f'href="{reply_url(contribution)}"' in html
    assert_private(response)
    contribution = reload(contribution)
    assert (contribution.status, contribution.satisfied, contribution.satisfaction_comment) == (
        "rated",
        "yes",
        "Thank you, I can come now.",
    )
    assert before <= contribution.rated_at <= timezone.now()


@pytest.mark.parametrize("satisfied", ["no", "partly"])
def test_someone_not_happy_is_told_who_to_talk_to(satisfied, person, contribution):
    response = person.post(reply_url(contribution), {"satisfied": satisfied}, follow=True)
    assert "you can talk to someone at Brightwater" in response.content.decode()


@pytest.mark.parametrize("satisfied", ["", "maybe"])
def test_an_answer_must_be_chosen_and_nothing_is_saved_until_it_is(satisfied, person, contribution):
    data = {"satisfied": satisfied, "comment": "Kept while I choose."}
    response = person.post(reply_url(contribution), data)
    assert response.status_code == 200
    page = Page.of(response)
    assert ("#id_satisfied_1", CHOOSE) in page.summary_links
    assert "id_satisfied_1" in page.ids
    assert any(CHOOSE in text for _id, text in page.field_errors)
    assert page.value("comment") == "Kept while I choose."
    assert response.content.decode().count("<title>Error:") == 1
    contribution = reload(contribution)
    assert (contribution.status, contribution.satisfied, contribution.rated_at) == (
        "told",
        "",
        None,
    )


def test_a_comment_that_is_too_long_is_refused(person, contribution):
    response = person.post(reply_url(contribution), {"satisfied": "yes", "comment": "x" * 5001})
    assert response.status_code == 200
    assert "Write 5000 characters or fewer." in response.content.decode()
    assert reload(contribution).status == "told"


def test_changing_the_answer_keeps_when_they_first_answered(person, contribution):
    person.post(reply_url(contribution), {"satisfied": "no", "comment": "Still too early."})
    first = timezone.now() - datetime.timedelta(days=2)
    Contribution.objects.filter(pk=contribution.pk).update(rated_at=first)
    page = Page.of(person.get(reply_url(contribution)))
    assert (page.value("satisfied"), page.value("comment")) == ("no", "Still too early.")
    person.post(reply_url(contribution), {"satisfied": "yes", "comment": ""})
    contribution = reload(contribution)
    assert (contribution.satisfied, contribution.satisfaction_comment, contribution.rated_at) == (
        "yes",
        "",
        first,
    )


def test_sending_the_same_answer_twice_gives_one_answer(person, contribution):
    data = {"satisfied": "partly", "comment": "Better."}
    first = person.post(reply_url(contribution), data)
    rated_at = reload(contribution).rated_at
    second = person.post(reply_url(contribution), data)
    assert first.status_code == second.status_code == 302
    contribution = reload(contribution)
    assert (contribution.status, contribution.satisfied, contribution.rated_at) == (
        "rated",
        "partly",
        rated_at,
    )
    assert Contribution.objects.count() == 1


def test_staff_see_the_answer_on_the_list(person, staff_client, contribution):
    person.post(reply_url(contribution), {"satisfied": "no", "comment": "Still too early."})
    list_url = reverse("quality:contribution-list", args=[contribution.activity_id])
    html = staff_client.get(list_url).content.decode()
    assert "They answered" in html
    assert "No, I am not happy with it" in html
    assert "Still too early." in html


# One contribution, and nothing else


def test_a_grant_for_one_contribution_opens_nothing_of_another(
    person, activity, brightwater, contribution
):
    other = told(activity, ParticipantFactory(organisation=brightwater), text="Someone else's.")
    ReplyLink.issue(other)
    for url in (reply_url(other), thanks_url(other)):
        assert person.get(url).status_code == 404, url
    assert person.post(reply_url(other), {"satisfied": "no"}).status_code == 404
    assert person.post(easy_read_url(other), {"easy_read": "on"}).status_code == 404
    assert reload(other).satisfied == ""
    assert person.get(reply_url(contribution)).status_code == 200


def test_a_feedback_grant_does_not_open_a_reply(client, contribution, token):
    session = client.session
    session[GRANTS] = [contribution.pk]
    session.save()
    assert client.get(reply_url(contribution)).status_code == 404


def test_without_the_link_there_is_nothing(client, client_for, staff, contribution, token):
    for who in (client, client_for(staff)):
        assert who.get(reply_url(contribution)).status_code == 404
        assert who.get(thanks_url(contribution)).status_code == 404
        assert who.post(reply_url(contribution), {"satisfied": "no"}).status_code == 404
    assert reload(contribution).status == "told"


def test_two_links_opened_in_one_browser_each_open_their_own(client, activity, sam, contribution):
    second = told(activity, sam, text="A quiet room.")
    for each in (contribution, second):
        assert client.get(start_url(ReplyLink.issue(each)[1])).status_code == 302
    assert ASKED in client.get(reply_url(contribution)).content.decode()
    assert "A quiet room." in client.get(reply_url(second)).content.decode()


# Easy read


def test_easy_read_can_be_switched_on_and_off(person, contribution):
    response = person.post(easy_read_url(contribution), {"easy_read": "on"})
    assert response.status_code == 302
    assert response.url == reply_url(contribution)
    html = person.get(reply_url(contribution)).content.decode()
    assert "Is this OK for you?" in html
    assert "Yes, it is OK" in html
    assert "Are you happy with what we did?" not in html
    assert "Switch off easy read" in html
    person.post(easy_read_url(contribution), {"easy_read": "off"})
    html = person.get(reply_url(contribution)).content.decode()
    assert "Are you happy with what we did?" in html
    assert "Switch to easy read" in html


def test_someone_who_prefers_easy_read_gets_it_at_once(client, activity, brightwater):
    kim = ParticipantFactory(organisation=brightwater, preferred_formats=["easy_read"])
    contribution = told(activity, kim)
    client.get(start_url(ReplyLink.issue(contribution)[1]))
    html = client.get(reply_url(contribution)).content.decode()
    assert "Is this OK for you?" in html
    assert "This is what changed:" in html
    response = client.post(reply_url(contribution), {"satisfied": "no"}, follow=True)
    assert "We got your answer" in response.content.decode()


def test_the_switch_on_the_thanks_page_stays_on_the_thanks_page(person, contribution):
    person.post(reply_url(contribution), {"satisfied": "yes"})
    data = {"easy_read": "on", "page": "thanks"}
    response = person.post(easy_read_url(contribution), data)
    assert response.url == thanks_url(contribution)
    assert "We got your answer" in person.get(thanks_url(contribution)).content.decode()


# The token stays out of the logs


def test_a_reply_token_is_redacted_from_a_path():
    assert redact("/reply/start/abc/") == "/reply/start/[redacted]/"
    assert redact('"GET /reply/start/a-b_c/ HTTP/1.1" 404') == (
        '"GET /reply/start/[redacted]/ HTTP/1.1" 404'
    )
    assert redact("/reply/12/") == "/reply/12/"


def test_the_token_never_appears_on_a_page_nor_in_the_logs(client, token, contribution, caplog):
    fake = secrets.token_urlsafe(24)
    caplog.set_level(logging.DEBUG)
    pages = [client.get(start_url(fake)), client.get(start_url(token), follow=True)]
    pages.append(client.post(reply_url(contribution), {"satisfied": "yes"}, follow=True))
    for page in pages:
        assert token.encode() not in page.content
        assert token not in page.headers.get("Location", "")
    logging.getLogger("django.server").warning("Not Found: %s", start_url(token))
    logged = "\n".join([caplog.text, *(str(r.args) for r in caplog.records)])
    assert "/reply/start/[redacted]" in logged
    assert token not in logged
    assert fake not in logged


# The demo


def test_the_demo_prints_a_link_to_answer_hannahs_message(db, settings, client):
    """Pat was told by letter and said yes; Hannah was told by email and the demo prints a
    new link to her message; Kieran (easy read, texts) is waiting, and needs printing."""
    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "Answer a “we did” message as the service user" in out.getvalue()
    [path] = re.findall(r"/reply/start/[\w-]+/", out.getvalue())
    by_name = {
        c.participant.name: c
        for c in Contribution.objects.filter(participant__isnull=False).select_related(
            "participant", "organisation"
        )
    }
    pat, hannah, kieran = by_name["Pat S."], by_name["Hannah Cole"], by_name["Kieran Walsh"]
    assert (pat.status, pat.told_how, pat.satisfied) == ("rated", "letter", "yes")
    assert pat.responded_at <= pat.told_at <= pat.rated_at
    assert (hannah.status, hannah.told_how) == ("told", "email")
    assert (kieran.status, kieran.needs_printing()) == ("responded", True)

    response = client.get(path, follow=True)
    assert response.redirect_chain == [(reply_url(hannah), 302)]
    assert hannah.text in response.content.decode()

    call_command("seed_demo", stdout=io.StringIO())
    again = {c.pk: c for c in Contribution.objects.filter(pk__in=[pat.pk, hannah.pk])}
    assert (again[pat.pk].told_at, again[pat.pk].rated_at) == (pat.told_at, pat.rated_at)
    assert again[hannah.pk].told_at == hannah.told_at
