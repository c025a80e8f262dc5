"""What browser tests share: test data made through the services, and the checks."""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils import timezone

from activities import services
from activities.models import (
    Approach,
    DecisionLevel,
    InfluenceLevel,
    Involvement,
    Participant,
    Session,
)

AXE = Path(__file__).with_name("axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def sign_in(page, user, live_server) -> None:
    """Sign `user` in by handing the browser a session cookie; the sign-in form itself is
    tested on its own."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


# --- data, through the services ---------------------------------------------------------------


def make_activity(*, by, title="Voices Council", days_from_now=30, **data):

    membership = by.memberships.select_related("organisation").first()
    fields = {
        "title": title,
        "overview": "People who use our services shape how the day centre runs.",
        "lead": by,
        "starts_on": timezone.localdate() + datetime.timedelta(days=days_from_now),
        "ends_on": None,
        "approach": Approach.objects.order_by("position").first(),
        "decision_level": DecisionLevel.SERVICE,
        "motives": ["moral_political"],
        "frequency": "Monthly",
    }
    fields.update(data)
    return services.activity_create(
        organisation=membership.organisation, created_by=by, data=fields
    )


def write_purpose(activity, *, by, purpose="To shape the day centre together."):

    return services.agreement_update(
        agreement=activity.agreement,
        changed_by=by,
        data={
            "purpose": purpose,
            "objectives": "Agree opening hours.\nChoose activities.",
            "influence_level": InfluenceLevel.objects.order_by("position")[2],
            "can_influence": "Opening hours and activities.",
            "cannot_influence": "The building and the budget.",
            "monitoring": "Review every three months.",
        },
    )


def agree(activity, *, by):

    write_purpose(activity, by=by)
    return services.agreement_record(
        agreement=activity.agreement,
        recorded_by=by,
        agreed_on=timezone.localdate(),
        agreed_how="Talked through at the first meeting; everyone agreed.",
        participant_names=["Chris B", "Dee Q"],
    )


def add_session(activity, *, days_from_now=40, **data):
    # Sessions have no service: the view saves the ModelForm as it is.

    fields = {
        "starts_at": timezone.now() + datetime.timedelta(days=days_from_now),
        "place": "Room 2, Brightwater Day Centre",
        "venue_accessible": True,
        "papers_sent_on": timezone.localdate() + datetime.timedelta(days=days_from_now - 10),
    }
    fields.update(data)
    return Session.objects.create(organisation=activity.organisation, activity=activity, **fields)


def organisation_of(user):
    return user.memberships.select_related("organisation").first().organisation


def add_person(organisation, name, **data) -> Participant:
    # Participants have no service either: the views save the ModelForm as it is.
    return Participant.objects.create(organisation=organisation, name=name, **data)


def involve(activity, person, *, role="participant", came_in="invited", days_ago=30, **data):
    fields = {"started_on": timezone.localdate() - datetime.timedelta(days=days_ago)}
    fields.update(data)
    return Involvement.objects.create(
        organisation=activity.organisation,
        activity=activity,
        participant=person,
        role=role,
        came_in=came_in,
        **fields,
    )


# --- checks -----------------------------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: a <script> tag added to the page would be
        # refused by the Content-Security-Policy, as it should be.
        page.evaluate(AXE.read_text() + "\n;undefined")
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(results => results.violations)",
        AXE_TAGS,
    )


def describe_violations(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def assert_no_axe_violations(page, when="") -> None:
    violations = axe_violations(page)
    assert not violations, (
        f"axe found {len(violations)} WCAG 2.2 AA problem(s) on {page.url}{when}:\n"
        + describe_violations(violations)
    )


def assert_reflows(page, width=320) -> None:
    """WCAG 1.4.10: at 320 CSS pixels wide the page does not scroll sideways (a data table
    may, inside its own scroll box), and axe still finds nothing (a scroll box must be
    reachable by keyboard, for one)."""
    size = page.viewport_size
    page.set_viewport_size({"width": width, "height": 800})
    try:
        overflow = page.evaluate(
            """() => {
              const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(el => !el.closest('.inv-table-scroll'))
                .filter(el => el.getClientRects().length)
                .map(el => el.outerHTML.slice(0, 160));
              return {width: document.scrollingElement.scrollWidth, wide: wide.slice(0, 5)};
            }"""
        )
        assert overflow["width"] <= width and not overflow["wide"], (
            f"{page.url} scrolls sideways at {width}px (page {overflow['width']}px wide): "
            + "; ".join(overflow["wide"])
        )
        assert_no_axe_violations(page, when=f" at {width}px wide")
    finally:
        page.set_viewport_size(size)


def focus_state(page) -> dict:
    """Where focus is, and whether it shows: a computed outline or box shadow that is not
    none. GOV.UK radios and checkboxes hide the input and draw focus on the label's ::before."""
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          let target = el, pseudo = null;
          if (el.matches('.govuk-radios__input, .govuk-checkboxes__input')) {
            target = document.querySelector(`label[for="${el.id}"]`);
            pseudo = '::before';
          }
          const style = getComputedStyle(target, pseudo);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
            && !/rgba\\(.*,\\s*0\\)|transparent/.test(style.outlineColor);
          const shadow = style.boxShadow && style.boxShadow !== 'none';
          return {visible: outline || Boolean(shadow), tag: el.tagName, id: el.id,
                  html: el.outerHTML.slice(0, 120), outline: style.outline,
                  boxShadow: style.boxShadow};
        }"""
    )


def tab_to(page, selector, *, most=60, backwards=False) -> dict:
    """Press Tab until the focused element matches `selector`, checking on the way that every
    element focused shows it."""
    key = "Shift+Tab" if backwards else "Tab"
    for _press in range(most):
        page.keyboard.press(key)
        state = focus_state(page)
        assert state["visible"], f"No visible focus indicator on {state['html']}: {state}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return state
    raise AssertionError(f"{most} presses of {key} never reached {selector} on {page.url}")


def press_and_wait(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)


def assert_fits(page):
    """WCAG 1.4.10: nothing scrolls sideways."""
    fits = page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert fits, f"{page.url} scrolls sideways at {page.viewport_size['width']}px"


# A <button>'s words, or an <input type=submit>'s value (crispy's forms send with those).
BUTTON_WORDS = """() => {
  const el = document.activeElement;
  if (el.matches('button')) return el.innerText;
  return el.matches('input[type=submit]') ? el.value : '';
}"""


def press_button(page, name, most=150):
    """Tab to the button with these words (focus showing all the way) and press Enter."""
    for _press in range(most):
        page.keyboard.press("Tab")
        state = focus_state(page)
        assert state["visible"], f"No visible focus indicator on {state['html']}: {state}"
        words = page.evaluate(BUTTON_WORDS)
        if words.strip() == name:
            press_and_wait(page)
            assert_fits(page)
            return
    raise AssertionError(f"{most} presses of Tab never reached the {name!r} button on {page.url}")


def known_bug(reason):
    """Mark a page state that fails because of a bug outside the tests: its axe check is an
    expected failure (strict, so it says so once the bug is fixed and the mark can go)."""

    def mark(state):
        state.known_bug = reason
        return state

    return mark


def type_date(page, date, order) -> None:
    """Type a date into the focused <input type=date>, part by part in the browser's order."""
    parts = {"d": f"{date.day:02d}", "m": f"{date.month:02d}", "y": f"{date.year:04d}"}
    page.keyboard.type("".join(parts[part] for part in order))


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def expect_heading(page, text):
    heading = page.locator("h1")
    assert text in heading.inner_text(), f"{page.url}: expected a heading with {text!r}"


def expect_error_summary(page):
    assert page.locator(".govuk-error-summary").is_visible(), f"{page.url}: no error summary"
