"""Server time and query counts of the activity list and the organisation overview.

Run from the repository root: `.venv/bin/python bench/activity_list.py [--quick]`. It uses
SQLite, or DATABASE_URL when set, and makes its own organisations with `seed_scale`, so it never
touches the demo data and can be run again. Prints one `name: value unit` line per figure.

Exits 1 when a page's query count at full size differs from its count at 10 activities: one that
grows with data is a bug (an N+1), whatever the timings say.
"""

import argparse
import io
import logging
import os
import statistics
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "involvement.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from activities.models import Activity  # noqa: E402
from involvement.models import Membership, Role  # noqa: E402

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
    # Sign-in signals make django-axes log a line per force_login; keep stdout to figures.
    logging.getLogger("axes").setLevel(logging.WARNING)
    # With DEBUG off WhiteNoise warns that collectstatic has not run; no page here needs it.
    warnings.filterwarnings("ignore", message="No directory at")
    _say("database", f"{connection.vendor} {connection.settings_dict['NAME']}", "")
    small, full = Visitor(SMALL), Visitor(options.activities)
    _say("activities", options.activities, "activities")
    failed = False
    # DEBUG off, as in production, so Django does not keep every query it runs in memory.
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        for name, url in PAGES.items():
            _time_page(full.client, name, full.url(url), options.requests)
            at_small = _query_count(small.client, small.url(url))
            at_full = _query_count(full.client, full.url(url))
            _say(f"{name}_queries_at_{SMALL}", at_small, "queries")
            _say(f"{name}_queries_at_{options.activities}", at_full, "queries")
            failed |= at_small != at_full
    return 1 if failed else 0


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 activities, 10 requests.")
    parser.add_argument("--activities", type=int, help="Full size (default 10,000).")
    parser.add_argument("--requests", type=int, help="Timed requests per page (default 100).")
    options = parser.parse_args()
    options.activities = options.activities or (300 if options.quick else 10_000)
    options.requests = options.requests or (10 if options.quick else 100)
    return options


class Visitor:
    """A signed-in staff member of an organisation holding exactly `size` generated activities."""

    def __init__(self, size: int):
        slug = f"bench-list-{size}"
        out = io.StringIO()
        call_command("seed_scale", organisation=slug, activities=size, force=True, stdout=out)
        staff = Membership.objects.filter(organisation__slug=slug, role=Role.STAFF).first()
        self.client = Client()
        self.client.force_login(staff.user)
        self.filter = _filter_matching(slug)

    def url(self, template: str) -> str:
        return template.format(filter=self.filter)


def _filter_matching(slug: str) -> str:
    """A status filter and a search that match at least one activity at any size.

    A page with no rows skips the query for them, which would look like a difference in counts.
    """
    first = Activity.objects.filter(organisation__slug=slug).order_by("pk").first()
    return urlencode({"status": first.status, "q": first.title.split()[0]})


def _get(client: Client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}, not 200")
    return response


def _time_page(client: Client, name: str, url: str, requests: int) -> None:
    for _warm_up in range(3):
        _get(client, url)
    samples = []
    for _request in range(requests):
        started = time.perf_counter()
        _get(client, url)
        samples.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(samples, n=100, method="inclusive")[94]
    _say(f"{name}_median", f"{statistics.median(samples):.1f}", "ms")
    _say(f"{name}_p95", f"{p95:.1f}", "ms")


def _query_count(client: Client, url: str) -> int:
    _get(client, url)
    with CaptureQueriesContext(connection) as queries:
        _get(client, url)
    return len(queries)


def _say(name: str, value, unit: str) -> None:
    print(f"{name}: {value} {unit}".rstrip(), flush=True)


if __name__ == "__main__":
    sys.exit(main())
