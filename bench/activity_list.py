"""Server time and query counts of the activity list and the organisation overview.

Run from the repository root: `.venv/bin/python bench/activity_list.py [--quick]`. It uses
SQLite, or DATABASE_URL when set, and makes its own organisations with `seed_scale`, so it never
touches the demo data and can be run again. Prints one `name: value unit` line per figure.

Exits 1 when a page's query count at full size differs from its count at 10 activities: one that
grows with data is a bug (an N+1), whatever the timings say.
"""

import io
import sys
from functools import partial
from urllib.parse import urlencode

import harness

# isort: split
from django.core.management import call_command
from django.test.utils import override_settings

from activities.models import Activity
from involvement.models import Organisation

SMALL = 10
PAGES = {
    "activity_list": "/activities/",
    # Filled in per organisation by _filter_matching.
    "activity_list_filtered": "/activities/?{filter}",
    # The deepest OFFSET; at 10 activities the last page is the first.
    "activity_list_later_page": "/activities/?page=last",
    "activity_overview": "/activities/overview/",
}


def main() -> int:
    options = _options()
    harness.begin()
    small, full = Visitor(SMALL), Visitor(options.activities)
    harness.say("activities", options.activities, "activities")
    failed = False
    # DEBUG off, as in production, so Django does not keep every query it runs in memory.
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        for name, url in PAGES.items():
            at_full_size = partial(full.get, full.url(url))
            harness.say_times(name, harness.timed(at_full_size, options.requests))
            at_small = harness.query_count(partial(small.get, small.url(url)))
            at_full = harness.query_count(at_full_size)
            harness.say(f"{name}_queries_at_{SMALL}", at_small, "queries")
            harness.say(f"{name}_queries_at_{options.activities}", at_full, "queries")
            failed |= at_small != at_full
    return 1 if failed else 0


def _options():
    parser = harness.parser(__doc__, "300 activities, 10 requests.", requests=100)
    parser.add_argument("--activities", type=int, help="Full size (default 10,000).")
    options = parser.parse_args()
    options.activities = options.activities or (300 if options.quick else 10_000)
    options.requests = options.requests or (10 if options.quick else 100)
    return options


class Visitor(harness.Visitor):
    """A signed-in staff member of an organisation holding exactly `size` generated activities."""

    def __init__(self, size: int):
        slug = f"bench-list-{size}"
        out = io.StringIO()
        call_command("seed_scale", organisation=slug, activities=size, force=True, stdout=out)
        super().__init__(Organisation.objects.get(slug=slug))
        self.filter = _filter_matching(slug)

    def url(self, template: str) -> str:
        return template.format(filter=self.filter)


def _filter_matching(slug: str) -> str:
    """A status filter and a search that match at least one activity at any size.

    A page with no rows skips the query for them, which would look like a difference in counts.
    """
    first = Activity.objects.filter(organisation__slug=slug).order_by("pk").first()
    return urlencode({"status": first.status, "q": first.title.split()[0]})


if __name__ == "__main__":
    sys.exit(main())
