"""What every bench script shares: Django set up for a script, the options, an organisation
built once and reused (and removed, and its tables analysed), a signed-in visitor, timing
(median, p95) and query counting, and the `name: value unit` line each figure is printed as.

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
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "involvement.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Model  # noqa: E402
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


def sized_options(doc: str, *, quick, full):
    """The options of a bench that builds an organisation of a size: `--quick` (size
    `quick`, 5 requests), `--requests` (30 by default) and `--rebuild`; `options.size` is
    the size to build."""
    options = parser(
        doc,
        "Small data, 5 requests.",
        requests=30,
        rebuild="Build the organisations again, not reuse them.",
    ).parse_args()
    options.size = quick if options.quick else full
    options.requests = options.requests or (5 if options.quick else 30)
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
    remove_first: Sequence[type[Model]],
    tables: Sequence[type[Model]],
    name: str,
    reuse_days: int = 7,
) -> Organisation:
    """The organisation `slug`, built by `build()` in one transaction (so it is complete or
    not there) unless one younger than `reuse_days` exists; its rows are dated from the day
    they were made, so an older one, or any with `rebuild`, is removed (see `remove`) and
    built again. After a build the `tables` are analysed; building prints its time as
    `name`."""
    existing = Organisation.objects.filter(slug=slug).first()
    stale = timezone.now() - datetime.timedelta(days=reuse_days)
    removed = bool(existing and (rebuild or existing.created_at < stale))
    if removed:
        remove(existing, first=remove_first)
    if existing is None or removed:
        started = time.perf_counter()
        with transaction.atomic():
            build()
        analyze(tables, compact=removed)
        say(name, f"{time.perf_counter() - started:.1f}", "s")
    return Organisation.objects.get(slug=slug)


def remove(org: Organisation, *, first: Sequence[type[Model]] = ()) -> None:
    """Delete a generated organisation, the rows of the `first` models before the rest:
    Organisation.delete() alone cannot when a measure in use is protected, and emptying the
    session of a session's feedback request (SET_NULL) would give the person two requests
    for the whole activity."""
    with transaction.atomic():
        for model in first:
            model.objects.filter(organisation=org).delete()
        org.delete()


def analyze(tables: Sequence[type[Model]], *, compact: bool) -> None:
    """Fresh statistics for the planner, as autovacuum would soon give a real database (it
    may be off, or not yet run): just after a bulk load it would plan for empty tables. On
    PostgreSQL, after an organisation was removed (`compact`), the tables are also rewritten
    without its rows, so the new rows are not measured spread over twice the pages."""
    command = "ANALYZE"
    if connection.vendor == "postgresql":
        command = "VACUUM (FULL, ANALYZE)" if compact else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")


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


def time_page(visitor: Visitor, url: str, requests: int, name: str, *, issue_name: str, again=None):
    """Times `requests` visits of `url` (`again` runs before each, untimed) and prints them
    as `name_*`, and as the issue's goal line `issue_name p95`."""
    samples = timed(partial(visitor.get, url), requests, before_each=again)
    say(f"{name}_requests", requests, "requests")
    say_times(name, samples)
    # The goal is written against this line: a p95 under 300 ms at full size.
    say(f"{issue_name} p95", f"{p95(samples):.0f}", "ms")


def query_count(visit: Callable[[], object], before=None) -> int:
    """Queries of one call of `visit`, after one untimed call (sessions, caches filled);
    `before` runs between the two."""
    visit()
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        visit()
    return len(queries)


def proc_stat(pid: int | str) -> list[str] | None:
    """/proc/<pid>/stat from the state on (the name may hold spaces): [state, ppid, ...];
    None when the process is gone, or another user's and unreadable here."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def cpu_ticks(stat: list[str]) -> int:
    """The CPU time (user + system) of a `proc_stat`, in clock ticks."""
    return int(stat[11]) + int(stat[12])


if __name__ == "__main__":
    sys.exit(0)
