"""Both kinds of personal link (feedback, the reply to "we did") are one PersonalLink: the
same token rules, expiry and first use, each opening only what it is for."""

import datetime

import pytest
from django.utils import timezone

from involvement.models import PersonalLink
from involvement.tokens import token_hash
from quality.models import FeedbackLink, ReplyLink

from ..factories import ActivityFactory, ContributionFactory, FeedbackRequestFactory


@pytest.fixture
def owners(brightwater):
    activity = ActivityFactory(organisation=brightwater)
    request = FeedbackRequestFactory(activity=activity)
    contribution = ContributionFactory(activity=activity, participant=request.participant)
    return {FeedbackLink: request, ReplyLink: contribution}


@pytest.mark.parametrize("kind", [FeedbackLink, ReplyLink])
def test_a_link_keeps_only_its_tokens_hash_and_records_its_first_use_once(owners, kind):
    assert issubclass(kind, PersonalLink)
    link, token = kind.issue(owners[kind])
    assert link.token_hash == token_hash(token) and token not in link.token_hash
    assert link.is_usable()
    opened = kind.redeem(token)
    assert getattr(opened, kind.owner_field) == owners[kind]
    first = kind.objects.get(pk=link.pk).first_used_at
    assert first is not None
    kind.redeem(token)
    assert kind.objects.get(pk=link.pk).first_used_at == first
    assert kind.redeem(token + "x") is None


@pytest.mark.parametrize("kind", [FeedbackLink, ReplyLink])
def test_an_expired_link_opens_nothing(owners, kind):
    link, token = kind.issue(owners[kind])
    kind.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert kind.redeem(token) is None
    assert not link.is_usable()
