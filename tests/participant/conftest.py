"""The person with a feedback link (Sam, asked about Voices Council), as the quality tests
have them: the pages behind the link moved here from quality."""

from ..quality.conftest import (  # noqa: F401
    ANSWERS,
    activity,
    answers,
    feedback_request,
    forget_link_guesses,
    person,
    sam,
    staff_client,
    token,
)
