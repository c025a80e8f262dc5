import pytest

from ..quality.conftest import forget


@pytest.fixture(autouse=True)
def forget_link_guesses():
    """Each test starts with no failed invitation-link guesses counted (the same clean-up as
    the feedback links' tests)."""
    forget()
    yield
    forget()
