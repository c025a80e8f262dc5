"""The public "you said, we did" page of an activity: staff choose to publish it; anyone can
read it then, with what was asked and what was done, and no one's name."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from quality.models import Contribution, LoopPage

from ..factories import (
    ActivityFactory,
    ContributionFactory,
    FeedbackRequestFactory,
    FeedbackResponseFactory,
    InvolvementFactory,
)

SCRIPT = '<script>alert("boo")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;boo&quot;)&lt;/script&gt;"


def public_url(activity) -> str:
    """The page's address once it has one (its first publish); before that, one that
    finds nothing."""
    page = LoopPage.objects.filter(activity=activity).first()
    return reverse("quality:loop-page-public", args=[page.slug if page else "not-yet"])


def publish_url(activity) -> str:
    return reverse("quality:loop-page-publish", args=[activity.pk])


def list_url(activity) -> str:
    return reverse("quality:contribution-list", args=[activity.pk])


def published_at(activity):
    page = LoopPage.objects.filter(activity=activity).first()
    return page and page.published_at


@pytest.fixture
def anonymous(client_for):
    return client_for(None)


@pytest.fixture
def said_and_done(activity, staff):
    """Voices Council: Sam asked for evening meetings (accepted), someone unnamed for a
    bigger room (not adopted), Kim for free parking (not ours to decide); Lee's request for
    large print is still waiting for a response."""

    def person(name):
        return InvolvementFactory(activity=activity, participant__name=name).participant

    kinds = [
        (
            "Sam Kowalski",
            "Meet in the evenings.",
            {"decision": "accepted", "what_changed": "Meetings now start at 6pm."},
        ),
        (None, "A bigger room.", {"decision": "not_adopted", "reason": "None is free nearby."}),
        (
            "Kim Osei",
            "Free parking.",
            {"decision": "not_ours", "who_decides": "The hospital's estates team"},
        ),
    ]
    for name, text, response in kinds:
        ContributionFactory(
            activity=activity,
            participant=person(name) if name else None,
            text=text,
            status="responded",
            responded_at=timezone.now(),
            responded_by=staff,
            **response,
        )
    ContributionFactory(activity=activity, participant=person("Lee Ng"), text="Large print.")
    return activity


# Publishing


def test_staff_publish_the_page_and_anyone_can_read_it(staff_client, anonymous, said_and_done):
    assert anonymous.get(public_url(said_and_done)).status_code == 404
    response = staff_client.post(publish_url(said_and_done), {"publish": "yes"}, follow=True)
    assert response.redirect_chain[-1][0] == list_url(said_and_done)
    html = response.content.decode()
    assert "The “you said, we did” page is published." in html
    assert f'href="{public_url(said_and_done)}"' in html
    assert "Stop publishing" in html
    assert published_at(said_and_done) is not None
    public = anonymous.get(public_url(said_and_done))
    assert public.status_code == 200
    assert "Meet in the evenings." in public.content.decode()


def test_staff_stop_publishing_and_the_page_is_gone(staff_client, anonymous, said_and_done):
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    response = staff_client.post(publish_url(said_and_done), {"publish": "no"}, follow=True)
    html = response.content.decode()
    assert "The page is no longer published." in html
    assert "Publish the page" in html
    assert public_url(said_and_done) not in html
    assert published_at(said_and_done) is None
    assert anonymous.get(public_url(said_and_done)).status_code == 404
    assert staff_client.get(public_url(said_and_done)).status_code == 404


def test_a_post_that_does_not_say_publish_takes_the_page_down(staff_client, said_and_done):
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    staff_client.post(publish_url(said_and_done), {})
    assert published_at(said_and_done) is None


def test_publishing_twice_keeps_one_page(staff_client, said_and_done):
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    assert LoopPage.objects.filter(activity=said_and_done).count() == 1
    assert LoopPage.objects.get().organisation == said_and_done.organisation


def test_publishing_is_post_only(staff_client, said_and_done):
    assert staff_client.get(publish_url(said_and_done), {"publish": "yes"}).status_code == 405
    assert published_at(said_and_done) is None


def test_an_unpublished_page_is_not_found_even_for_staff(staff_client, said_and_done):
    assert staff_client.get(public_url(said_and_done)).status_code == 404
    html = staff_client.get(list_url(said_and_done)).content.decode()
    assert "Publish the page" in html
    assert public_url(said_and_done) not in html


def test_the_page_is_at_a_random_address_not_the_activity_id(
    staff_client, anonymous, said_and_done, staff
):
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    other = ActivityFactory(organisation=said_and_done.organisation, created_by=staff)
    staff_client.post(publish_url(other), {"publish": "yes"})
    slugs = {page.slug for page in LoopPage.objects.all()}
    assert len(slugs) == 2 and all(len(slug) >= 22 for slug in slugs)
    assert str(said_and_done.pk) not in slugs
    assert anonymous.get(public_url(said_and_done)).status_code == 200
    by_id = f"/you-said-we-did/{said_and_done.pk}/"
    assert anonymous.get(by_id).status_code == 404


def test_a_page_published_again_keeps_its_address(staff_client, anonymous, said_and_done):
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    first = public_url(said_and_done)
    staff_client.post(publish_url(said_and_done), {"publish": "no"})
    assert anonymous.get(first).status_code == 404
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    assert public_url(said_and_done) == first
    assert anonymous.get(first).status_code == 200


TOO_BIG = pytest.param(int("9" * 30), id="too big for a database integer")


@pytest.mark.parametrize("pk", [999999, TOO_BIG])
def test_a_page_for_an_activity_that_does_not_exist_is_not_found(pk, client_for):
    anonymous = client_for(None, raise_request_exception=False)
    assert anonymous.get(reverse("quality:loop-page-public", args=[pk])).status_code == 404


def test_trustees_cannot_publish(client_for, trustee, said_and_done):
    assert client_for(trustee).post(publish_url(said_and_done), {"publish": "yes"}).status_code == (
        403
    )
    assert published_at(said_and_done) is None


def test_another_organisation_cannot_publish_or_take_down(
    client_for, other_org_staff, staff_client, said_and_done
):
    client = client_for(other_org_staff)
    assert client.post(publish_url(said_and_done), {"publish": "yes"}).status_code == 404
    assert published_at(said_and_done) is None
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    assert client.post(publish_url(said_and_done), {"publish": "no"}).status_code == 404
    assert published_at(said_and_done) is not None


def test_publishing_one_activity_leaves_the_others_unpublished(
    staff_client, anonymous, brightwater, staff, said_and_done
):
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    assert anonymous.get(public_url(other)).status_code == 404


# What the public page shows


@pytest.fixture
def published(staff_client, said_and_done):
    staff_client.post(publish_url(said_and_done), {"publish": "yes"})
    return said_and_done


def test_the_public_page_shows_what_was_asked_and_what_was_done(anonymous, published):
    html = anonymous.get(public_url(published)).content.decode()
    assert "You said, we did: Voices Council" in html
    assert "Brightwater Health and Care Trust" in html
    for words in [
        "Meet in the evenings.",
        "Accepted: we did it.",
        "Meetings now start at 6pm.",
        "A bigger room.",
        "Not adopted.",
        "None is free nearby.",
        "Free parking.",
        "Not ours to decide.",
        "Who decides: The hospital&#x27;s estates team",
    ]:
        assert words in html, words


def test_the_public_page_leaves_out_what_has_no_response_yet(anonymous, published):
    html = anonymous.get(public_url(published)).content.decode()
    assert "Large print." not in html


def test_the_public_page_names_no_one(anonymous, client_for, people, published):
    for client in (anonymous, client_for(people["service_user"])):
        html = client.get(public_url(published)).content.decode()
        for name in ("Sam Kowalski", "Kim Osei", "Lee Ng", "Not named", "Sam Patel"):
            assert name not in html, name


def test_the_public_page_shows_only_this_activitys_responses(
    anonymous, brightwater, staff, published
):
    other = ActivityFactory(organisation=brightwater, created_by=staff)
    ContributionFactory(
        activity=other,
        text="Another activity's request.",
        status="responded",
        decision="accepted",
        what_changed="Done elsewhere.",
        responded_at=timezone.now(),
    )
    html = anonymous.get(public_url(published)).content.decode()
    assert "Another activity" not in html
    assert "Done elsewhere." not in html


def test_the_public_page_lists_the_newest_first(anonymous, activity, published):
    Contribution.objects.filter(text="Meet in the evenings.").update(
        raised_on=timezone.localdate() - datetime.timedelta(days=10)
    )
    html = anonymous.get(public_url(published)).content.decode()
    assert html.index("Free parking.") < html.index("Meet in the evenings.")


def test_what_people_typed_is_escaped_on_the_public_page(
    anonymous, staff_client, brightwater, staff
):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, title=SCRIPT)
    for fields in [
        {"decision": "accepted", "what_changed": SCRIPT},
        {"decision": "not_adopted", "reason": SCRIPT},
        {"decision": "not_ours", "who_decides": SCRIPT},
    ]:
        ContributionFactory(
            activity=activity,
            text=SCRIPT,
            status="responded",
            responded_at=timezone.now(),
            **fields,
        )
    staff_client.post(publish_url(activity), {"publish": "yes"})
    html = anonymous.get(public_url(activity)).content.decode()
    assert SCRIPT not in html
    # The title (twice: the tab and the heading) and, three times, what was asked and what
    # was done about it.
    assert html.count(ESCAPED) == 2 + 3 + 3


def test_what_people_typed_is_escaped_on_the_staff_pages(staff_client, brightwater, staff):
    activity = ActivityFactory(organisation=brightwater, created_by=staff, title=SCRIPT)
    person = InvolvementFactory(activity=activity, participant__name=SCRIPT).participant
    contribution = ContributionFactory(
        activity=activity,
        participant=person,
        text=SCRIPT,
        status="responded",
        decision="partly",
        what_changed=SCRIPT,
        reason=SCRIPT,
        responded_at=timezone.now(),
    )
    ContributionFactory(activity=activity, text=SCRIPT, raised_on=datetime.date(2026, 1, 5))
    FeedbackResponseFactory(
        request=FeedbackRequestFactory(activity=activity, participant=person),
        do_differently=SCRIPT,
    )
    urls = [
        list_url(activity),
        reverse("quality:contribution-create", args=[activity.pk]),
        reverse("quality:contribution-respond", args=[contribution.pk]),
        reverse("quality:quality-overview"),
    ]
    for url in urls:
        html = staff_client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert ESCAPED in html, url
    # The comment still to take, and who wrote it.
    comments = staff_client.get(list_url(activity)).content.decode().split("not taken yet")[1]
    assert comments.count(ESCAPED) >= 2


def test_a_published_page_with_no_response_yet_says_so(staff_client, anonymous, activity):
    ContributionFactory(activity=activity, text="Still waiting.")
    staff_client.post(publish_url(activity), {"publish": "yes"})
    html = anonymous.get(public_url(activity)).content.decode()
    assert "Nothing to show yet." in html
    assert "Still waiting." not in html
