import pytest

from ..factories import ActivityFactory


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def activity(brightwater, staff):
    return ActivityFactory(organisation=brightwater, created_by=staff, title="Voices Council")
