"""Every page of the app (bar Django admin), in each state people meet it: axe-core finds no
WCAG 2.2 AA problem, and at 320px wide nothing but a table's own scroll box scrolls sideways.

Each state is a function that makes its data, signs the right person in and opens the page.
"""

import pytest

from .helpers import assert_no_axe_violations, assert_reflows
from .states_account import ACCOUNT_STATES
from .states_activities import ACTIVITY_STATES
from .states_feedback import FEEDBACK_STATES
from .states_loop import LOOP_STATES
from .states_outcomes import OUTCOMES_STATES
from .states_people import PEOPLE_STATES
from .states_quality import QUALITY_STATES
from .states_reports import REPORTS_STATES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATES = (
    ACCOUNT_STATES
    + ACTIVITY_STATES
    + PEOPLE_STATES
    + FEEDBACK_STATES
    + OUTCOMES_STATES
    + QUALITY_STATES
    + LOOP_STATES
    + REPORTS_STATES
)


def state_id(state) -> str:
    """Ids like outcomes-dashboard_with_data: the part of the app first, so `-k outcomes`
    runs its pages."""
    return f"{state.__module__.rsplit('.', 1)[-1].removeprefix('states_')}-{state.__name__}"


def param(state):
    """A state, marked as an expected failure when a bug outside the tests breaks it."""
    reason = getattr(state, "known_bug", None)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(state, id=state_id(state), marks=marks)


@pytest.mark.parametrize("open_page", [param(state) for state in STATES])
def test_page_is_accessible(page, people, live_server, open_page):
    open_page(page, people, live_server)
    problems = []
    for check in (assert_no_axe_violations, assert_reflows):
        try:
            check(page)
        except AssertionError as error:
            problems.append(str(error))
    assert not problems, "\n\n".join(problems)
