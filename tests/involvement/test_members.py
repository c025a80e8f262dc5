"""The members page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from involvement.models import Role

from ..factories import InvitationFactory, MembershipFactory, OrganisationFactory


def test_the_members_page_costs_the_same_with_2_and_30_members(
    client_for, db, django_assert_max_num_queries
):
    organisation = OrganisationFactory()
    admin = MembershipFactory(organisation=organisation, role=Role.ADMIN).user

    def add(count):
        for n in range(count):
            MembershipFactory(organisation=organisation, role=Role.values[n % 4])
            InvitationFactory(organisation=organisation, invited_by=admin)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("membership-list"))
        assert response.status_code == 200
        return len(context.captured_queries)

    client = client_for(admin)
    add(1)
    at_2 = queries()
    add(28)
    with django_assert_max_num_queries(10):
        at_30 = queries()
    assert at_30 == at_2


def test_the_members_page_lists_only_the_organisations_people_and_open_invitations(
    client_for, org_admin, brightwater, northgate, other_org_staff
):
    InvitationFactory(organisation=brightwater, email="open@example.org")
    InvitationFactory(organisation=northgate, email="elsewhere@example.org")
    response = client_for(org_admin).get(reverse("membership-list"))
    members = {membership.user.email for membership in response.context["object_list"]}
    assert members == {
        "admin@brightwater.example",
        "staff@brightwater.example",
        "trustee@brightwater.example",
        "member@brightwater.example",
    }
    assert [i.email for i in response.context["invitations"]] == ["open@example.org"]
    assert other_org_staff.email.encode() not in response.content
