"""What every bench script shares: Django set up for a script, the options, an organisation
built once and reused, a signed-in visitor, timing (median, p95) and query counting, and the
`name: value unit` line each figure is printed as.

Importing it sets Django up, so a bench script imports it before anything of the project's:

    import harness

    # isort: split
    from activities.models import Activity

It is not a bench itself: run on its own it prints nothing.
"""

import argparse
import datetime
import logging
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "involvement.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from involvement.models import Organisation, Role  # noqa: E402

WARM_UP = 3


def say(name: str, value, unit: str) -> None:
    print(f"{name}: {value} {unit}".rstrip(), flush=True)


def begin() -> None:
    """Quiet what is not a figure, and say which database the figures are from."""
    # Sign-in signals make django-axes log a line per force_login; keep stdout to figures.
    logging.getLogger("axes").setLevel(logging.WARNING)
    # With DEBUG off WhiteNoise warns that collectstatic has not run; no page here needs it.
    warnings.filterwarnings("ignore", message="No directory at")
    say("database", f"{connection.vendor} {connection.settings_dict['NAME']}", "")


def parser(doc: str, quick: str, *, requests: int | None = None, rebuild: str = ""):
    """The options of a bench: `--quick` (small data, few requests: what CI runs), and when
    asked for, `--requests` (timed requests, `requests` by default) and `--rebuild` (with
    its help: what is made again)."""
    options = argparse.ArgumentParser(description=doc.splitlines()[0])
    options.add_argument("--quick", action="store_true", help=quick)
    if requests is not None:
        options.add_argument("--requests", type=int, help=f"Timed requests (default {requests:,}).")
    if rebuild:
        options.add_argument("--rebuild", action="store_true", help=rebuild)
    return options


def given_or(value, quick: bool, if_quick, otherwise):
    """An option's value when given, else its default for quick or full runs."""
    if value is not None:
        return value
    return if_quick if quick else otherwise


def organisation_built(
    slug: str,
    *,
    rebuild: bool,
    build: Callable[[], None],
    remove: Callable[[Organisation], None],
    tidy: Callable[[bool], None],
    name: str,
    reuse_days: int = 7,
) -> Organisation:
    """The organisation `slug`, built by `build()` in one transaction (so it is complete or
    not there) unless one younger than `reuse_days` exists; its rows are dated from the day
    they were made, so an older one, or any with `rebuild`, is removed and built again.
    `tidy(compact)` runs after a build; building prints its time as `name`."""
    existing = Organisation.objects.filter(slug=slug).first()
    stale = timezone.now() - datetime.timedelta(days=reuse_days)
    removed = bool(existing and (rebuild or existing.created_at < stale))
    if removed:
        remove(existing)
    if existing is None or removed:
        started = time.perf_counter()
        with transaction.atomic():
            build()
        tidy(removed)
        say(name, f"{time.perf_counter() - started:.1f}", "s")
    return Organisation.objects.get(slug=slug)


class Visitor:
    """A staff member of `organisation`, signed in with Django's test client."""

    def __init__(self, organisation: Organisation):
        self.organisation = organisation
        staff = organisation.memberships.filter(role=Role.STAFF).first()
        self.client = Client()
        self.client.force_login(staff.user)

    def get(self, url: str):
        """The page, which must answer 200."""
        response = self.client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}, not 200")
        return response


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[94]


def timed(visit: Callable[[], object], requests: int, before_each=None) -> list[float]:
    """Milliseconds of `requests` calls of `visit`, after a warm-up; `before_each` runs
    before each call, untimed."""
    for _warm_up in range(WARM_UP):
        visit()
    samples = []
    for _request in range(requests):
        if before_each:
            before_each()
        started = time.perf_counter()
        visit()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def say_times(name: str, samples: list[float]) -> None:
    say(f"{name}_median", f"{statistics.median(samples):.1f}", "ms")
    say(f"{name}_p95", f"{p95(samples):.1f}", "ms")


def query_count(visit: Callable[[], object], before=None) -> int:
    """Queries of one call of `visit`, after one untimed call (sessions, caches filled);
    `before` runs between the two."""
    visit()
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        visit()
    return len(queries)


if __name__ == "__main__":
    sys.exit(0)
