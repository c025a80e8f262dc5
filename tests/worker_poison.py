"""Test-only hook for report jobs in a real worker, started with `-I tests.worker_poison` and
WORKER_POISON=1 (tests/test_report_worker.py does both).

It wraps the render the job calls (`reports.jobs.render`, the name the job looks up) so a
report whose "do differently" text carries a marker is slow on its first try (long enough to
kill the worker's child mid-render) or always fails. Other reports render as usual.

Importing it without WORKER_POISON=1 (the tests read the markers) changes nothing.
"""

import os
import time

SLOW = "[worker-test: slow on the first try]"
POISON = "[worker-test: always fails]"
SLOW_SECONDS = 60
POISON_ERROR = "poisoned by tests.worker_poison"


def install() -> None:
    from reports import jobs

    real_render = jobs.render

    def render(report):
        if POISON in report.do_differently:
            raise RuntimeError(POISON_ERROR)
        if SLOW in report.do_differently and report.tries == 1:
            time.sleep(SLOW_SECONDS)
        return real_render(report)

    jobs.render = render


if os.environ.get("WORKER_POISON") == "1":
    install()
