"""Telling the person what was done ("we did"): the steps (respond, tell, rate) that cannot be
skipped, the email a job sends with a new reply link, the letter staff print when there is
no email address or the person asked for post ("needs printing"), telling in person, staff
recording the person's answer, who may do each, and what the list costs in queries."""

import datetime
import re
import smtplib
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participant.selectors import participant_export
from participant.services import participant_erase
from quality import sending, services, tasks
from quality.models import Contribution, ReplyLink, token_hash

from ..factories import ActivityFactory, ContributionFactory, ParticipantFactory
from ..pages import assert_field_error, assert_form_error

ASKED = "Start the meetings after 6pm, so people who work can come."
CHANGED = "Meetings now start at 6.30pm."
LINK = re.compile(r"https?://\S+?/reply/start/[\w-]+/")
NO_EMAIL = "They have no email address: choose the letter or in person."
SCRIPT = '<script>alert("boo")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt;"


def list_url(contribution) -> str:
    url = reverse("quality:contribution-list", args=[contribution.activity_id])
    return f"{url}#contribution-{contribution.pk}"


def tell_url(contribution) -> str:
    return reverse("quality:contribution-tell", args=[contribution.pk])


def answer_url(contribution) -> str:
    return reverse("quality:contribution-answer", args=[contribution.pk])


def respond_url(contribution) -> str:
    return reverse("quality:contribution-respond", args=[contribution.pk])


def responded(activity, participant=None, **fields) -> Contribution:
    """Raised by `participant` a week ago, accepted, and not told yet."""
    fields = {
        "text": ASKED,
        "status": "responded",
        "decision": "accepted",
        "what_changed": CHANGED,
        "responded_at": timezone.now(),
        "raised_on": timezone.localdate() - datetime.timedelta(days=7),
        **fields,
    }
    return ContributionFactory(activity=activity, participant=participant, **fields)


def told(activity, participant, **fields) -> Contribution:
    """As `responded`, and told by letter just now."""
    fields = {"status": "told", "told_at": timezone.now(), "told_how": "letter", **fields}
    return responded(activity, participant, **fields)


def reload(contribution) -> Contribution:
    return Contribution.objects.get(pk=contribution.pk)


def link_in(message) -> str:
    [link] = LINK.findall(message.body)
    return link


def opens(link: str, contribution) -> bool:
    """The link, opened in a new browser, leads to the person's page for `contribution`."""
    response = Client().get(urlsplit(link).path)
    return response.status_code == 302 and response.url == reverse(
        "participant:reply", args=[contribution.pk]
    )


@pytest.fixture
def contribution(activity, sam):
    """Sam (with an email address) asked; staff responded and have not told them yet."""
    return responded(activity, sam)


@pytest.fixture
def no_email(activity, brightwater):
    """Lee has no email address: telling them needs printing."""
    lee = ParticipantFactory(
        organisation=brightwater, name="Lee P", postal_address="4 High Street\nBrightwater"
    )
    return responded(activity, lee)


def tell_by_email(staff_client, contribution, capture):
    with capture(execute=True):
        return staff_client.post(tell_url(contribution), {"how": "email"})


# The steps: respond, tell, rate; none can be skipped


def test_telling_before_a_response_is_refused(staff_client, staff, activity, sam):
    waiting = ContributionFactory(activity=activity, participant=sam)
    for response in (
        staff_client.get(tell_url(waiting), follow=True),
        staff_client.post(tell_url(waiting), {"how": "in_person"}, follow=True),
    ):
        assert response.redirect_chain == [(list_url(waiting), 302)]
        assert "Record the response before telling them." in response.content.decode()
    with pytest.raises(ValidationError):
        services.contribution_told_in_person(contribution=waiting, told_by=staff)
    waiting = reload(waiting)
    assert (waiting.status, waiting.told_at, waiting.told_how) == ("open", None, "")


def test_the_response_cannot_change_once_they_are_told(staff_client, staff, activity, sam):
    contribution = told(activity, sam)
    data = {"decision": "not_adopted", "reason": "The building closes at 6pm."}
    response = staff_client.post(respond_url(contribution), data)
    message = (
        "They have been told already, so the response cannot change now. "
        "Add a new contribution if something else changed."
    )
    assert_form_error(response, message)
    with pytest.raises(ValidationError):
        services.contribution_respond(
            contribution=contribution,
            responded_by=staff,
            what_changed="",
            changed_on=None,
            who_decides="",
            **data,
        )
    contribution = reload(contribution)
    assert (contribution.status, contribution.decision, contribution.what_changed) == (
        "told",
        "accepted",
        CHANGED,
    )
    html = staff_client.get(list_url(contribution)).content.decode()
    assert respond_url(contribution) not in html


def test_their_answer_cannot_be_recorded_before_they_are_told(staff_client, contribution):
    for response in (
        staff_client.get(answer_url(contribution), follow=True),
        staff_client.post(answer_url(contribution), {"satisfied": "yes"}, follow=True),
    ):
        assert response.redirect_chain == [(list_url(contribution), 302)]
        html = response.content.decode()
        assert "They can say whether they are happy once they have been told." in html
    with pytest.raises(ValidationError):
        services.contribution_rate(contribution=contribution, satisfied="yes", comment="")
    contribution = reload(contribution)
    assert (contribution.status, contribution.satisfied, contribution.rated_at) == (
        "responded",
        "",
        None,
    )


def test_someone_who_was_not_named_cannot_be_told(staff_client, staff, activity):
    unnamed = responded(activity)
    response = staff_client.post(tell_url(unnamed), {"how": "letter"}, follow=True)
    assert response.redirect_chain == [(list_url(unnamed), 302)]
    assert "There is nobody to tell: it was raised without a name." in response.content.decode()
    with pytest.raises(ValidationError):
        services.contribution_letter_issue(contribution=unnamed, told_by=staff)
    assert reload(unnamed).status == "responded"
    assert not ReplyLink.objects.exists()
    html = staff_client.get(list_url(unnamed)).content.decode()
    assert tell_url(unnamed) not in html
    assert "Nobody to tell: not named. Publishing the public page tells everyone." in html


def test_someone_erased_cannot_be_told(staff_client, contribution, sam):
    participant_erase(participant=sam)
    response = staff_client.get(tell_url(contribution), follow=True)
    assert "There is nobody to tell" in response.content.decode()


def test_once_they_have_answered_they_are_not_told_again(staff_client, activity, sam):
    answered = told(activity, sam, status="rated", satisfied="yes", rated_at=timezone.now())
    response = staff_client.post(tell_url(answered), {"how": "in_person"}, follow=True)
    assert "They have already said whether they are happy with it." in response.content.decode()
    assert reload(answered).status == "rated"


def test_telling_again_keeps_the_first_date(
    staff_client, client_for, org_admin, staff, contribution
):
    response = staff_client.post(tell_url(contribution), {"how": "in_person"}, follow=True)
    assert response.redirect_chain == [(list_url(contribution), 302)]
    html = response.content.decode()
    assert "Recorded. When they tell you if they are happy, record it." in html
    contribution = reload(contribution)
    assert (contribution.status, contribution.told_how, contribution.told_by) == (
        "told",
        "in_person",
        staff,
    )
    first = timezone.now() - datetime.timedelta(days=5)
    Contribution.objects.filter(pk=contribution.pk).update(told_at=first)
    assert "Tell them again" in staff_client.get(list_url(contribution)).content.decode()

    response = client_for(org_admin).post(tell_url(contribution), {"how": "letter"})
    assert response.status_code == 200
    contribution = reload(contribution)
    assert (contribution.status, contribution.told_how, contribution.told_by) == (
        "told",
        "letter",
        org_admin,
    )
    assert contribution.told_at == first


# By email: a job sends it, with a new link made in the job


def test_the_email_tells_them_what_they_said_and_what_changed_with_a_link_that_works(
    staff_client, staff, contribution, django_capture_on_commit_callbacks
):
    before = timezone.now()
    response = tell_by_email(staff_client, contribution, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == list_url(contribution)
    [message] = mail.outbox
    assert message.to == ["sam@example.org"]
    assert message.subject == "What we did with what you said: Voices Council"
    assert message.body.startswith("Dear Sam K,")
    assert f'"{ASKED}"' in message.body
    assert f"What changed: {CHANGED}" in message.body
    assert "Are you happy with what we did?" in message.body
    link = link_in(message)
    assert link.startswith(settings.SITE_URL + "/reply/start/")
    assert opens(link, contribution)
    contribution = reload(contribution)
    assert (contribution.status, contribution.told_how, contribution.told_by) == (
        "told",
        "email",
        staff,
    )
    assert before <= contribution.told_at <= timezone.now()
    assert (contribution.tell_queued_at, contribution.tell_error) == (None, "")
    # Only the hash of the token is kept.
    token = urlsplit(link).path.split("/")[-2]
    assert ReplyLink.objects.get().token_hash == token_hash(token)
    html = staff_client.get(list_url(contribution)).content.decode()
    assert "By email, " in html
    assert "Change their answer" not in html
    assert "Record their answer" in html


def test_the_job_gets_only_the_contributions_id_and_makes_the_link_itself(
    staff, contribution, django_capture_on_commit_callbacks
):
    queue_email(staff, contribution, django_capture_on_commit_callbacks)
    assert not ReplyLink.objects.exists()
    contribution = reload(contribution)
    assert contribution.tell_queued_at is not None
    assert contribution.status == "responded"


def test_the_list_says_an_email_is_waiting_until_the_job_has_run(
    staff_client, contribution, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(tell_url(contribution), {"how": "email"}, follow=True)
    assert "The email will be sent shortly." in response.content.decode()
    assert "Email waiting to be sent" in response.content.decode()
    assert "An email to them is waiting to be sent." in (
        staff_client.get(tell_url(contribution)).content.decode()
    )


def test_someone_who_prefers_easy_read_gets_the_email_in_easy_read(
    staff_client, contribution, sam, django_capture_on_commit_callbacks
):
    sam.preferred_formats = ["large_print", "easy_read"]
    sam.save()
    page = staff_client.get(tell_url(contribution)).content.decode()
    assert "In easy read, as they prefer." in page
    tell_by_email(staff_client, contribution, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.body.startswith("Hello Sam K,")
    assert "Is this OK for you?" in message.body
    assert f"This is what changed: {CHANGED}" in message.body
    assert "Are you happy with what we did?" not in message.body
    assert opens(link_in(message), contribution)


def test_the_preview_is_the_message_without_a_link_and_makes_none(staff_client, contribution):
    html = staff_client.get(tell_url(contribution)).content.decode()
    assert "Tell Sam K what was done" in html
    assert "In plain English." in html
    assert "Send an email to sam@example.org" in html
    assert "Dear Sam K," in html
    assert f"What changed: {CHANGED}" in html
    assert "https://…" in html
    assert "/reply/start/" not in html
    assert not ReplyLink.objects.exists()


def queue_email(staff, contribution, capture):
    """Staff press send; the job is queued (with the contribution's id) and not run yet."""
    with mock.patch.object(tasks.send_loop_message, "delay") as delay:
        with capture(execute=True):
            services.contribution_tell_by_email(contribution=contribution, told_by=staff)
    delay.assert_called_once_with(contribution.pk)


def test_a_job_delivered_twice_sends_one_email(
    staff, contribution, django_capture_on_commit_callbacks
):
    queue_email(staff, contribution, django_capture_on_commit_callbacks)
    tasks.send_loop_message.apply(args=[contribution.pk])
    tasks.send_loop_message.apply(args=[contribution.pk])
    assert len(mail.outbox) == 1
    assert ReplyLink.objects.count() == 1
    assert sending.loop_message_email(contribution_id=contribution.pk) is False
    assert len(mail.outbox) == 1


def test_the_email_says_the_response_as_it_is_when_sent(
    staff, contribution, django_capture_on_commit_callbacks
):
    """Staff correct the response after the email was queued: the job reads the
    contribution, locked, when it sends, so the email says the corrected response."""
    queue_email(staff, contribution, django_capture_on_commit_callbacks)
    Contribution.objects.filter(pk=contribution.pk).update(what_changed="Meetings start at 7pm.")
    assert sending.loop_message_email(contribution_id=contribution.pk) is True
    [message] = mail.outbox
    assert "Meetings start at 7pm." in message.body
    assert CHANGED not in message.body
    assert reload(contribution).status == "told"


def test_a_message_for_someone_who_answered_meanwhile_is_not_sent(
    staff, contribution, django_capture_on_commit_callbacks
):
    """They answered an earlier letter while the email waited: nothing is sent, the
    answer stays, and no error is kept."""
    queue_email(staff, contribution, django_capture_on_commit_callbacks)
    Contribution.objects.filter(pk=contribution.pk).update(
        status="rated", told_at=timezone.now(), told_how="letter", satisfied="yes"
    )
    assert sending.loop_message_email(contribution_id=contribution.pk) is False
    assert mail.outbox == []
    reloaded = reload(contribution)
    assert (reloaded.status, reloaded.tell_error) == ("rated", "")


def test_a_message_queued_for_someone_since_erased_is_not_sent(
    staff, contribution, sam, django_capture_on_commit_callbacks
):
    queue_email(staff, contribution, django_capture_on_commit_callbacks)
    participant_erase(participant=sam)
    tasks.send_loop_message.apply(args=[contribution.pk])
    assert mail.outbox == []
    assert not ReplyLink.objects.exists()
    assert reload(contribution).status == "responded"


@pytest.mark.parametrize(
    "error", [OSError("Connection refused"), smtplib.SMTPException("Mailbox unavailable")]
)
def test_an_email_that_fails_keeps_the_reason_and_can_be_tried_again(
    error, staff_client, contribution, django_capture_on_commit_callbacks
):
    with mock.patch("quality.sending.send_mail", side_effect=error):
        response = tell_by_email(staff_client, contribution, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert mail.outbox == []
    contribution = reload(contribution)
    assert (contribution.status, contribution.tell_error, contribution.told_at) == (
        "responded",
        str(error),
        None,
    )
    assert contribution.tell_queued_at is not None, "the claim is put back for a retry"
    assert not ReplyLink.objects.exists(), "a link nobody was sent must not be kept"
    html = staff_client.get(list_url(contribution)).content.decode()
    assert "Email not sent" in html
    assert str(error) in html
    assert "Try again" in html
    page = staff_client.get(tell_url(contribution)).content.decode()
    assert f"The last email could not be sent: {error}. You can try again" in page

    tell_by_email(staff_client, contribution, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert opens(link_in(message), contribution)
    contribution = reload(contribution)
    assert (contribution.status, contribution.tell_error) == ("told", "")
    assert "Email not sent" not in staff_client.get(list_url(contribution)).content.decode()


@pytest.mark.parametrize("how", ["letter", "in_person"])
def test_after_a_failed_email_telling_another_way_stops_the_retry(
    how, staff_client, staff, contribution, django_capture_on_commit_callbacks
):
    queue_email(staff, contribution, django_capture_on_commit_callbacks)
    with mock.patch("quality.sending.send_mail", side_effect=OSError("Refused")):
        with pytest.raises(OSError):
            sending.loop_message_email(contribution_id=contribution.pk)
    staff_client.post(tell_url(contribution), {"how": how})
    # The worker retries the failed job a few minutes later.
    tasks.send_loop_message.apply(args=[contribution.pk])
    assert mail.outbox == []
    assert reload(contribution).told_how == how


# Needs printing: no email address, or they asked for post


@pytest.mark.parametrize(
    "email, contact_by, says",
    [
        ("", "", "We have no email address for them."),
        ("", "email", "We have no email address for them."),
        ("lee@example.org", "post", "They asked to be contacted by post."),
        (
            "lee@example.org",
            "sms",
            "They asked to be contacted by text message (sms): tell them that way",
        ),
    ],
)
def test_someone_without_an_email_route_needs_printing(
    email, contact_by, says, staff_client, staff, no_email, django_capture_on_commit_callbacks
):
    lee = no_email.participant
    lee.email, lee.contact_by = email, contact_by
    lee.save()
    assert no_email.route() == "letter"
    html = staff_client.get(tell_url(no_email)).content.decode()
    assert "Needs printing" in html
    assert says in html
    assert "Send an email to" not in html
    assert "Needs printing" in staff_client.get(list_url(no_email)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(tell_url(no_email), {"how": "email"})
    assert_field_error(response, "how", NO_EMAIL, choices=True)
    with pytest.raises(ValidationError):
        services.contribution_tell_by_email(contribution=no_email, told_by=staff)
    no_email = reload(no_email)
    assert (no_email.status, no_email.tell_queued_at, no_email.told_at) == ("responded", None, None)
    assert mail.outbox == []


def test_someone_with_an_email_address_is_offered_email_first(contribution):
    assert contribution.route() == "email"
    assert not contribution.needs_printing()


def test_choosing_nothing_is_refused_beside_the_field(staff_client, no_email):
    response = staff_client.post(tell_url(no_email), {})
    assert_field_error(response, "how", "Choose how you will tell them.", choices=True)
    assert reload(no_email).status == "responded"


def test_the_letter_has_the_link_and_a_qr_code_and_is_never_cached(staff_client, staff, no_email):
    response = staff_client.post(tell_url(no_email), {"how": "letter"})
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    html = response.content.decode()
    assert "Dear Lee P," in html
    assert "4 High Street\nBrightwater" in html
    assert ASKED in html
    assert CHANGED in html
    assert "Are you happy with what we did?" in html
    assert "<svg" in html
    [link] = LINK.findall(html)
    assert link.startswith(settings.SITE_URL)
    assert opens(link, no_email)
    no_email = reload(no_email)
    assert (no_email.status, no_email.told_how, no_email.told_by) == ("told", "letter", staff)
    html = staff_client.get(list_url(no_email)).content.decode()
    assert "By letter, " in html
    assert "Needs printing" not in html


def test_a_second_letter_has_a_new_link_and_the_first_still_works(staff_client, no_email):
    first = LINK.findall(staff_client.post(tell_url(no_email), {"how": "letter"}).content.decode())
    second = LINK.findall(staff_client.post(tell_url(no_email), {"how": "letter"}).content.decode())
    assert first != second
    assert opens(first[0], no_email) and opens(second[0], no_email)
    assert ReplyLink.objects.count() == 2


def test_an_easy_read_letter(staff_client, no_email):
    lee = no_email.participant
    lee.preferred_formats = ["easy_read"]
    lee.save()
    html = staff_client.post(tell_url(no_email), {"how": "letter"}).content.decode()
    assert "Is this OK for you?" in html
    assert "You told us something. You said:" in html
    assert "This is what changed:" in html


@pytest.fixture
def typed_script(activity, brightwater) -> Contribution:
    """Words with markup in them: a name, a feedback comment taken with one click, and what
    staff typed."""
    person = ParticipantFactory(organisation=brightwater, name=SCRIPT)
    return responded(activity, person, text=SCRIPT, what_changed=SCRIPT, source="feedback")


def test_what_people_typed_is_escaped_in_the_letter_and_the_list(staff_client, typed_script):
    for response in (
        staff_client.post(tell_url(typed_script), {"how": "letter"}),
        staff_client.get(list_url(typed_script)),
    ):
        html = response.content.decode()
        assert SCRIPT not in html
        assert ESCAPED in html


def test_what_people_typed_is_escaped_in_the_preview_of_the_message(staff_client, typed_script):
    html = staff_client.get(tell_url(typed_script)).content.decode()
    assert SCRIPT not in html
    assert ESCAPED in html


# Recording their answer, given in person or by phone


def test_the_answer_page_shows_the_form(staff_client, activity, sam):
    contribution = told(activity, sam, told_how="in_person")
    response = staff_client.get(answer_url(contribution))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Are they happy with what was done?" in html
    assert "They preferred not to say" in html


def test_staff_record_their_answer_and_can_change_it(staff_client, activity, sam):
    contribution = told(activity, sam, told_how="in_person")
    data = {"satisfied": "partly", "comment": "Later is better, but 6.30 is still early."}
    response = staff_client.post(answer_url(contribution), data, follow=True)
    assert response.redirect_chain == [(list_url(contribution), 302)]
    html = response.content.decode()
    assert "Their answer is saved." in html
    assert "Partly" in html
    assert "Later is better, but 6.30 is still early." in html
    assert "Change their answer" in html
    contribution = reload(contribution)
    assert (contribution.status, contribution.satisfied, contribution.satisfaction_comment) == (
        "rated",
        "partly",
        data["comment"],
    )
    first = contribution.rated_at - datetime.timedelta(days=3)
    Contribution.objects.filter(pk=contribution.pk).update(rated_at=first)
    staff_client.post(answer_url(contribution), {"satisfied": "yes", "comment": ""})
    contribution = reload(contribution)
    assert (contribution.satisfied, contribution.rated_at) == ("yes", first)


@pytest.mark.parametrize("satisfied", ["", "maybe"])
def test_an_answer_must_be_one_of_the_choices(satisfied, staff, activity, sam):
    contribution = told(activity, sam)
    with pytest.raises(ValidationError):
        services.contribution_rate(contribution=contribution, satisfied=satisfied, comment="")
    assert reload(contribution).status == "told"


# Who may tell, and record answers


def test_another_organisations_contribution_is_not_found(
    client_for, other_org_staff, activity, sam
):
    client = client_for(other_org_staff)
    contribution = responded(activity, sam)
    already_told = told(activity, sam)
    assert client.get(tell_url(contribution)).status_code == 404
    assert client.post(tell_url(contribution), {"how": "in_person"}).status_code == 404
    assert client.get(answer_url(already_told)).status_code == 404
    assert client.post(answer_url(already_told), {"satisfied": "no"}).status_code == 404
    assert (reload(contribution).status, reload(already_told).status) == ("responded", "told")


def test_trustees_cannot_tell_or_record_answers(client_for, trustee, activity, sam):
    client = client_for(trustee)
    contribution = responded(activity, sam)
    already_told = told(activity, sam)
    assert client.get(tell_url(contribution)).status_code == 403
    assert client.post(tell_url(contribution), {"how": "letter"}).status_code == 403
    assert client.get(answer_url(already_told)).status_code == 403
    assert client.post(answer_url(already_told), {"satisfied": "no"}).status_code == 403
    assert (reload(contribution).status, reload(already_told).status) == ("responded", "told")
    assert not ReplyLink.objects.exists()


def test_someone_signed_out_is_sent_to_sign_in(client, activity, sam):
    contribution = responded(activity, sam)
    already_told = told(activity, sam)
    for response in (
        client.get(tell_url(contribution)),
        client.post(tell_url(contribution), {"how": "letter"}),
        client.get(answer_url(already_told)),
        client.post(answer_url(already_told), {"satisfied": "no"}),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    assert (reload(contribution).status, reload(already_told).status) == ("responded", "told")


@pytest.mark.parametrize("name", ["quality:contribution-tell", "quality:contribution-answer"])
def test_a_contribution_that_does_not_exist_is_not_found(name, staff_client):
    assert staff_client.get(reverse(name, args=[999999])).status_code == 404


# The person's own data


def test_their_export_says_how_they_were_told_and_what_they_answered(activity, sam):
    told(
        activity,
        sam,
        status="rated",
        told_at=datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC),
        satisfied="no",
        satisfaction_comment="It is still too early for me.",
        rated_at=timezone.now(),
    )
    responded(activity, sam, text="A quiet room.")
    exported = {
        c["you_said"]: c for c in participant_export(participant=sam)["suggestions_and_requests"]
    }
    assert {
        key: exported[ASKED][key]
        for key in ("told_on", "told_how", "happy_with_it", "what_you_said_about_it")
    } == {
        "told_on": "2026-06-01",
        "told_how": "By letter",
        "happy_with_it": "No, I am not happy with it",
        "what_you_said_about_it": "It is still too early for me.",
    }
    assert {
        key: exported["A quiet room."][key]
        for key in ("told_on", "told_how", "happy_with_it", "what_you_said_about_it")
    } == {"told_on": None, "told_how": None, "happy_with_it": None, "what_you_said_about_it": ""}


def test_their_export_gives_the_london_date_they_were_told(activity, sam):
    # 23:30 UTC on 1 June is 00:30 on 2 June in London (summer time).
    told(activity, sam, told_at=datetime.datetime(2026, 6, 1, 23, 30, tzinfo=datetime.UTC))
    [exported] = participant_export(participant=sam)["suggestions_and_requests"]
    assert exported["told_on"] == "2026-06-02"


def test_erasing_someone_removes_their_words_and_links_but_keeps_the_counts(
    staff, activity, sam, brightwater
):
    answered = told(
        activity,
        sam,
        status="rated",
        satisfied="yes",
        satisfaction_comment="Thank you, Sam here.",
        rated_at=timezone.now(),
    )
    ReplyLink.issue(answered)
    failed = responded(activity, sam, tell_queued_at=timezone.now(), tell_error="Mailbox full")
    someone_else = told(activity, ParticipantFactory(organisation=brightwater))
    ReplyLink.issue(someone_else)
    participant_erase(participant=sam)
    answered, failed = reload(answered), reload(failed)
    assert (answered.participant, answered.satisfaction_comment) == (None, "")
    assert "Sam" not in answered.text
    # What was done, and whether it was fixed, still count (unnamed).
    assert (answered.status, answered.satisfied, answered.told_how) == ("rated", "yes", "letter")
    assert (failed.participant, failed.tell_queued_at, failed.tell_error) == (None, None, "")
    assert list(ReplyLink.objects.values_list("contribution", flat=True)) == [someone_else.pk]


# Queries as contributions grow


def add_contributions(activity, brightwater, count):
    """`count` contributions at every step, named and not, with every way of telling."""
    for n in range(count):
        person = ParticipantFactory(organisation=brightwater, email=f"p{n}@example.org")
        kind = n % 5
        if kind == 0:
            responded(activity, person)
        elif kind == 1:
            responded(activity, ParticipantFactory(organisation=brightwater))  # needs printing
        elif kind == 2:
            responded(activity, person, tell_queued_at=timezone.now(), tell_error="Refused")
        elif kind == 3:
            told(activity, person, told_how="email")
        else:
            told(activity, person, status="rated", satisfied="no", rated_at=timezone.now())


LIST_MAX_QUERIES = 12  # as in test_loop_figures


def test_the_list_costs_the_same_at_every_step_with_2_and_10_contributions(
    staff_client, brightwater, activity, django_assert_max_num_queries
):
    url = reverse("quality:contribution-list", args=[activity.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert staff_client.get(url).status_code == 200
        return len(context.captured_queries)

    add_contributions(activity, brightwater, 2)
    at_2 = queries()
    add_contributions(activity, brightwater, 8)
    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        at_10 = queries()
    assert at_10 == at_2
    html = staff_client.get(url).content.decode()
    for shown in ("Needs printing", "Email not sent", "By email, ", "They answered"):
        assert shown in html, shown


def test_a_contribution_from_another_activity_is_told_from_its_own_list(
    staff_client, brightwater, staff, sam
):
    carers = ActivityFactory(organisation=brightwater, created_by=staff, title="Carers' panel")
    theirs = responded(carers, sam)
    response = staff_client.post(tell_url(theirs), {"how": "in_person"})
    assert response.url == list_url(theirs)
    assert response.url.startswith(reverse("quality:contribution-list", args=[carers.pk]))
