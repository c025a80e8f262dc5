"""Time, memory and throughput of impact-report PDFs (issue 6).

Run from the repository root: `.venv/bin/python bench/report_render.py [--quick]`. It uses
SQLite, or DATABASE_URL when set; give the full size its own PostgreSQL database, e.g.
postgres://postgres@127.0.0.1:5432/involvement_bench_reports (`createdb`, then `migrate`), and
REDIS_URL its own Redis database (e.g. redis://127.0.0.1:6379/6) for the worker figure.

The report is the demo organisation's (`seed_demo`, run here when it is missing) board report
for the quarter just ended, all activities. It is made as the job makes it: `render_report`
in this process (claim, content, both HTMLs, PDF, stored), once cold (the process's first)
and then warm, several times, each time a new version of the report. Between the warm runs,
bare WeasyPrint renders the same report's HTML with the same fetcher (`HTML(...)
.write_pdf(pdf_variant="pdf/ua-1")`): the overhead ratio is the end-to-end median over the
bare median. Peak memory is this process's peak RSS after those renders. Times are wall
clock, with this process's CPU time beside them (`... cpu`): on a shared machine the wall
clock shows the load of others as much as our own work.

Glyph coverage: two copies of the demo organisation whose feedback may be quoted, one with
plain quotes and one whose quotes hold emoji and other scripts, each report rendered as
above; a `.notdef` glyph (a box on paper) that WeasyPrint draws is counted. Any missing
glyph makes the run exit 1, so a font dropped from static/reports/fonts/ does not go unseen.

Throughput: organisations copied from the demo one (every row it owns, copied in bulk,
reused for a week, `--rebuild` copies them again), each asking for its quarterly report
through `reports.services.report_request`, rendered by two real Celery workers (`celery -A
involvement worker --pool=prefork -c 1`, twice, started and stopped by process id), timed
from the first request to the last report ready; with the CPU time their pool processes
used per report and their peak RSS. Skipped (said so) when REDIS_URL is unset or the
database is SQLite. Prints one `name: value unit` line per figure. Times are reported (the
issue's targets: under 2 s warm, ratio under 1.3, under 300 MB, at least 40 reports a
minute), never enforced; a report that fails or a missing glyph exits 1.
"""

import datetime
import hashlib
import logging
import os
import resource
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import harness

# isort: split
from django.conf import settings
from django.contrib.admin.utils import NestedObjects
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from weasyprint import HTML

from involvement import celery_app
from involvement.models import Organisation
from outcomes.models import ActivityMeasure
from outcomes.periods import quarter_of
from quality.models import FeedbackRequest, FeedbackResponse
from reports import services
from reports.models import Report
from reports.pdf import BASE_URL, AssetsOnlyFetcher
from reports.rendering import report_html
from reports.selectors import report_content
from reports.selectors.content import scoped_activities
from reports.tasks import render_report  # as a worker: WeasyPrint loaded first

DEMO = "brightwater"
PREFIX = "bench-reports"
# What this bench's own report versions say, so a later run can remove them.
MARK = "Made by bench/report_render.py."
REUSE_DAYS = 7
WORKERS = 2
WORKER_WAIT = 60
# Six quotes each (the report shows six): the same words, then with emoji and other scripts.
QUOTES = [
    "Staff listened and wrote down what I said word for word.",
    "They paid my bus fare on the day, which really helped.",
    "The chair made sure the quiet people got a turn.",
    "Meeting other carers. I do not feel so on my own now.",
    "We saw the new leaflet change because of what we said.",
    "Everyone was kind and nobody rushed me.",
]
EMOJI = [
    "😀👍🎉 Thank you ❤️ 🥰 🥺",
    "The group felt like family 👨‍👩‍👧 🙏 🏴󠁧󠁢󠁷󠁬󠁳󠁿 Diolch!",
    "Great tea ☕ and biscuits 🍪, step-free ♿ 🌟🌟🌟 Dziękuję! Mahadsanid 👏 💯",
    "شكرا جزيلا — بہت شکریہ — ধন্যবাদ — ਧੰਨਵਾਦ — આભાર — धन्यवाद",
    "நன்றி — ස්තූතියි — ขอบคุณ — አመሰግናለሁ",
    "谢谢 — ありがとう — 감사합니다 😊 🚀",
]


class Glyphs(logging.Handler):
    """Counts the `.notdef` glyphs (boxes) WeasyPrint draws, by character."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.missing: list[str] = []

    def emit(self, record):
        message = record.getMessage()
        if message.startswith(".notdef glyph"):
            self.missing.append(message.rsplit(":", 1)[-1].strip())


def main() -> int:
    options = _options()
    logging.getLogger("celery").setLevel(logging.WARNING)
    logging.getLogger("kombu").setLevel(logging.ERROR)
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    glyphs = Glyphs()
    weasy = logging.getLogger("weasyprint")
    weasy.addHandler(glyphs)
    weasy.propagate = False
    harness.begin()
    harness.say("cpus", os.cpu_count(), "cores")
    harness.say("load average at start", f"{os.getloadavg()[0]:.1f}", "")
    failed = 0

    demo = _demo_organisation()
    quarter = quarter_of(timezone.localdate(), demo.year_start_month).previous()
    _forget_bench_reports(Organisation.objects.filter(pk=demo.pk))
    failed += _time_in_process(demo, quarter, options.runs)
    harness.say("peak memory", f"{_peak_rss_mb():.0f}", "MB")

    glyphs.missing.clear()
    failed += _glyph_coverage(demo, options, glyphs)
    harness.say("peak memory after emoji reports", f"{_peak_rss_mb():.0f}", "MB")

    failed += _throughput(demo, quarter, options)
    harness.say("load average at end", f"{os.getloadavg()[0]:.1f}", "")
    return 1 if failed or glyphs.missing else 0


def _options():
    parser = harness.parser(
        __doc__,
        "3 warm runs, 5 organisations, 1 glyph run.",
        rebuild="Copy the organisations again, not reuse them.",
    )
    parser.add_argument("--runs", type=int, help="Warm runs (default 7).")
    parser.add_argument("--organisations", type=int, help="For the workers (default 50).")
    options = parser.parse_args()
    options.runs = options.runs or (3 if options.quick else 7)
    options.organisations = options.organisations or (5 if options.quick else 50)
    options.glyph_runs = 1 if options.quick else 3
    return options


# --- The demo report, in this process -------------------------------------------------------


def _demo_organisation() -> Organisation:
    demo = Organisation.objects.filter(slug=DEMO).first()
    if demo is None or not demo.activities.exists():
        started = time.perf_counter()
        with _quiet():
            call_command("seed_demo", force=True)
        harness.say("seed_demo", f"{time.perf_counter() - started:.1f}", "s")
        demo = Organisation.objects.get(slug=DEMO)
    return demo


def _new_report(organisation, start, end) -> Report:
    """A queued report as `report_request` makes it, without handing it to the broker. Its
    key is the bench's own, so a real report of the same quarter still waiting (seed_demo's,
    when no worker runs) never clashes with it."""
    same = services.report_key(
        period_start=start,
        period_end=end,
        audience=Report.Audience.BOARD,
        scope=Report.Scope.ALL,
        activity_ids=[],
        programme="",
    )
    key = hashlib.sha256(f"{same}|{MARK}".encode()).hexdigest()
    last = Report.objects.filter(organisation=organisation, key=key).order_by("-version").first()
    return Report.objects.create(
        organisation=organisation,
        period_start=start,
        period_end=end,
        audience=Report.Audience.BOARD,
        scope=Report.Scope.ALL,
        do_differently=MARK,
        key=key,
        version=(last.version if last else 0) + 1,
    )


def _end_to_end(organisation, start, end) -> tuple[float, float, Report]:
    """The job on a new report: claim, content, HTML, PDF, stored. (wall s, CPU s, report)."""
    report = _new_report(organisation, start, end)
    wall, cpu = time.perf_counter(), time.process_time()
    render_report(report.pk)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    report.refresh_from_db()
    return wall, cpu, report


def _bare(html: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    HTML(string=html, base_url=BASE_URL, url_fetcher=AssetsOnlyFetcher()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
    return time.perf_counter() - wall, time.process_time() - cpu


def _time_in_process(demo, quarter, runs: int) -> int:
    harness.say("rss before first render", f"{_rss_mb():.0f}", "MB")
    cold, cold_cpu, report = _end_to_end(demo, quarter.start, quarter.end)
    if report.status != Report.Status.READY:
        harness.say("report failed", report.failure, "")
        return 1
    harness.say("report render cold", f"{cold:.2f}", "s")
    harness.say("report render cold cpu", f"{cold_cpu:.2f}", "s")
    html = report_html(report_content(report), preview=False)
    whole, bare = [], []
    for _run in range(runs):
        wall, cpu, report = _end_to_end(demo, quarter.start, quarter.end)
        whole.append((wall, cpu))
        bare.append(_bare(html))
    if report.status != Report.Status.READY:
        harness.say("report failed", report.failure, "")
        return 1
    document = report.document
    wall = statistics.median(w for w, _c in whole)
    bare_wall = statistics.median(w for w, _c in bare)
    harness.say("report runs", runs, "warm runs")
    harness.say("report render", f"{wall:.2f}", "s")
    harness.say("report render cpu", f"{statistics.median(c for _w, c in whole):.2f}", "s")
    harness.say("bare weasyprint", f"{bare_wall:.2f}", "s")
    harness.say("bare weasyprint cpu", f"{statistics.median(c for _w, c in bare):.2f}", "s")
    harness.say("overhead ratio", f"{wall / bare_wall:.2f}", "")
    harness.say("report pages", document.pages, "pages")
    harness.say("report pdf size", f"{document.size / 1024:.0f}", "KB")
    harness.say("report period", f"{quarter.start} to {quarter.end}", "")
    return 0


# --- Glyph coverage ---------------------------------------------------------------------------


def _glyph_coverage(demo, options, glyphs: Glyphs) -> int:
    """Plain quotes against emoji and other scripts, on two copies of the demo organisation."""
    orgs = {}
    for name, quotes in (("quotes", QUOTES), ("emoji", EMOJI)):
        org = _copies(demo, [f"{PREFIX}-{name}"], options.rebuild)[0]
        window = _with_quotes(org, quotes)
        _forget_bench_reports(Organisation.objects.filter(pk=org.pk))
        orgs[name] = (org, window)
    times = {name: [] for name in orgs}
    missing = {name: [] for name in orgs}
    failed = 0
    for _run in range(options.glyph_runs + 1):  # the first of each is a warm-up
        for name, (org, (start, end)) in orgs.items():
            glyphs.missing.clear()
            wall, cpu, report = _end_to_end(org, start, end)
            times[name].append((wall, cpu))
            missing[name] = list(glyphs.missing)
            failed += report.status != Report.Status.READY
    for name in orgs:
        runs = times[name][1:]
        harness.say(f"{name} report render", f"{statistics.median(w for w, _c in runs):.2f}", "s")
        harness.say(
            f"{name} report render cpu", f"{statistics.median(c for _w, c in runs):.2f}", "s"
        )
    harness.say("emoji report pdf size", f"{report.document.size / 1024:.0f}", "KB")
    harness.say("emoji missing glyphs", len(missing["emoji"]), "glyphs")
    if missing["emoji"]:
        harness.say("emoji missing", " ".join(sorted(set(missing["emoji"]))), "")
    glyphs.missing[:] = missing["quotes"] + missing["emoji"]
    return failed


def _with_quotes(org, quotes: list[str]) -> tuple[datetime.date, datetime.date]:
    """Let six answers in the report of the quarter of the latest answer be quoted, with
    `quotes` as what was good; that quarter."""
    answers = FeedbackResponse.objects.filter(
        organisation=org, status=FeedbackResponse.Status.SUBMITTED
    ).order_by("-submitted_at", "pk")
    latest = answers.first()
    if latest is None:
        raise SystemExit("the demo has no submitted feedback")
    quarter = quarter_of(timezone.localdate(latest.submitted_at), org.year_start_month)
    window = (quarter.start, quarter.end)
    scope = scoped_activities(Report(organisation=org, scope=Report.Scope.ALL), window)
    chosen = list(
        answers.filter(submitted_at__date__range=window, activity__in=scope)[: len(quotes)]
    )
    if len(chosen) < len(quotes):
        raise SystemExit(f"the demo has only {len(chosen)} answers to quote in {window}")
    for answer, text in zip(chosen, quotes, strict=True):
        answer.may_quote = True
        answer.what_was_good = text
        answer.anything_else = answer.do_differently = ""
    FeedbackResponse.objects.bulk_update(
        chosen, ["may_quote", "what_was_good", "anything_else", "do_differently"]
    )
    return window


# --- Copies of the demo organisation --------------------------------------------------------


def _copies(demo, slugs: list[str], rebuild: bool) -> list[Organisation]:
    """An organisation per slug holding a copy of every row the demo one owns, reused when
    younger than REUSE_DAYS (the demo's rows are dated from the day it was seeded)."""
    stale = timezone.now() - datetime.timedelta(days=REUSE_DAYS)
    existing = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    wanted = [s for s in slugs if rebuild or s not in existing or existing[s].created_at < stale]
    if wanted:
        started = time.perf_counter()
        for slug in wanted:
            if slug in existing:
                # Its measures in use are protected, so what uses them goes first.
                harness.remove(existing[slug], first=[Report, ActivityMeasure, FeedbackRequest])
        rows = _rows_of(demo)
        for slug in wanted:
            with transaction.atomic():
                _copy(rows, demo, slug)
        seconds = time.perf_counter() - started
        harness.say(f"copy demo organisation x{len(wanted)}", f"{seconds:.1f}", "s")
    return list(Organisation.objects.filter(slug__in=slugs).order_by("slug"))


def _rows_of(org) -> dict:
    """Every row that belongs to `org` (what deleting it would delete), reports aside."""
    collector = NestedObjects(using=connection.alias)
    collector.collect([org])
    return {
        model: sorted(objects, key=lambda row: row.pk)
        for model, objects in collector.data.items()
        if model is not Organisation and model._meta.app_label != "reports"
    }


def _copy(rows: dict, demo, slug: str) -> Organisation:
    """New rows for each of `rows`, in an order that puts a row after those it points to,
    with its links to other copied rows pointed at their copies. Links to rows outside the
    organisation (people's accounts, shared catalogues) are kept. Unique tokens are new."""
    org = Organisation.objects.get(pk=demo.pk)
    org.pk = None
    org._state.adding = True
    org.slug = slug
    org.name = f"{demo.name} ({slug})"
    # Without save(): its signals would give the copy a catalogue of its own, not the demo's.
    (org,) = Organisation.objects.bulk_create([org])
    copied = {Organisation: {demo.pk: org.pk}}
    order, later = _insert_order(rows)
    with _keep_timestamps(rows):
        for model in order:
            fresh = []
            for row in rows[model]:
                new = model()
                for field in model._meta.concrete_fields:
                    if field.primary_key:
                        continue
                    value = getattr(row, field.attname)
                    if field in later[model]:
                        value = None
                    elif field.is_relation and value is not None and field.related_model in copied:
                        value = copied[field.related_model][value]
                    elif field.unique and not field.is_relation and value is not None:
                        value = _unique_like(value, field)
                    setattr(new, field.attname, value)
                fresh.append(new)
            made = model.objects.bulk_create(fresh, batch_size=1000)
            copied[model] = {row.pk: new.pk for row, new in zip(rows[model], made, strict=True)}
    for model, fields in later.items():
        for field in fields:
            updates = []
            for row in rows[model]:
                value = getattr(row, field.attname)
                if value is not None:
                    new = model(pk=copied[model][row.pk])
                    setattr(new, field.attname, copied[field.related_model][value])
                    updates.append(new)
            model.objects.bulk_update(updates, [field.name], batch_size=1000)
    return org


def _insert_order(rows: dict) -> tuple[list, dict]:
    """Models in an order where each comes after the models it points to; links that would
    make a loop (to itself, or nullable ones in a cycle) are set afterwards: `later`."""
    links = {
        model: [
            field
            for field in model._meta.concrete_fields
            if field.is_relation
            and (field.related_model in rows or field.related_model is Organisation)
        ]
        for model in rows
    }
    later = {
        model: [f for f in fields if f.related_model is model] for model, fields in links.items()
    }
    order, done = [], {Organisation}
    pending = sorted(rows, key=lambda model: model._meta.label)

    def waits(model):
        return [f for f in links[model] if f.related_model not in done and f not in later[model]]

    while pending:
        model = next((m for m in pending if not waits(m)), None)
        if model is None:  # a cycle: break it at a model whose missing links may be empty
            model = next((m for m in pending if all(f.null for f in waits(m))), None)
            if model is None:
                raise SystemExit("cannot order the demo's rows for copying")
            later[model] += waits(model)
        order.append(model)
        done.add(model)
        pending.remove(model)
    return order, later


def _unique_like(value, field):
    if isinstance(value, str):
        return secrets.token_hex(32)[: min(len(value) or 32, field.max_length or 64)]
    raise SystemExit(f"cannot copy the unique {field.model.__name__}.{field.name}")


@contextmanager
def _keep_timestamps(rows: dict):
    """Copies keep their rows' dates: auto_now(_add) is off while they are written."""
    changed = []
    for model in rows:
        for field in model._meta.concrete_fields:
            flags = (getattr(field, "auto_now", False), getattr(field, "auto_now_add", False))
            if any(flags):
                changed.append((field, flags))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, (auto_now, auto_now_add) in changed:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _forget_bench_reports(organisations) -> None:
    Report.objects.filter(organisation__in=organisations, do_differently=MARK).delete()


# --- Throughput with real workers -----------------------------------------------------------


def _throughput(demo, quarter, options) -> int:
    count = options.organisations
    slugs = [f"{PREFIX}-{n:03d}" for n in range(1, count + 1)]
    orgs = _copies(demo, slugs, options.rebuild)
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        why = "REDIS_URL unset" if not settings.REDIS_URL else f"{connection.vendor} database"
        harness.say("reports per minute", f"skipped ({why})", "")
        return 0
    Report.objects.filter(organisation__in=orgs).delete()
    with (
        tempfile.TemporaryDirectory(prefix="report-bench-") as folder,
        _workers(Path(folder)) as workers,
    ):
        pool = Pool(workers)
        started = time.perf_counter()
        ids = [_ask(org, quarter).pk for org in orgs]
        finished = [Report.Status.READY, Report.Status.FAILED]
        deadline = time.monotonic() + 60 + 30 * count
        while time.monotonic() < deadline:
            pool.look()
            if Report.objects.filter(pk__in=ids, status__in=finished).count() == len(ids):
                break
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        pool.look()
    ready = Report.objects.filter(pk__in=ids, status=Report.Status.READY).count()
    harness.say("worker reports", f"{ready} of {len(ids)}", "ready")
    harness.say("worker batch", f"{seconds:.1f}", "s")
    harness.say("reports per minute", f"{ready / seconds * 60:.0f}", "reports/min")
    harness.say("worker cpu per report", f"{pool.cpu_seconds() / max(ready, 1):.2f}", "s")
    harness.say("worker peak memory", f"{pool.peak_mb():.0f}", "MB")
    return 0 if ready == len(ids) else 1


class Pool:
    """The workers' pool processes (a new one after max-tasks-per-child): CPU time used
    since the batch began, and the highest peak RSS of any."""

    TICKS = os.sysconf("SC_CLK_TCK")

    def __init__(self, workers):
        self.workers = workers
        self.start: dict[int, int] = {}
        self.last: dict[int, int] = {}
        self.peaks: dict[int, float] = {}
        self.look()
        self.start = dict(self.last)

    def look(self) -> None:
        for pid in _pool_of(self.workers):
            stat = harness.proc_stat(pid)
            if stat is None:
                continue
            self.last[pid] = harness.cpu_ticks(stat)
            self.peaks[pid] = max(self.peaks.get(pid, 0.0), _peak_of(pid))

    def cpu_seconds(self) -> float:
        used = sum(ticks - self.start.get(pid, 0) for pid, ticks in self.last.items())
        return used / self.TICKS

    def peak_mb(self) -> float:
        return max(self.peaks.values(), default=0.0)


def _ask(org, quarter) -> Report:
    """The quarterly board report, asked for as the app does (queued on commit)."""
    report, _new = services.report_request(
        organisation=org,
        period_start=quarter.start,
        period_end=quarter.end,
        audience=Report.Audience.BOARD,
        scope=Report.Scope.ALL,
        do_differently=MARK,
    )
    return report


@contextmanager
def _workers(folder: Path):
    """WORKERS prefork workers of one process each, ready before this returns; stopped by
    process id afterwards (warm shutdown, then a kill of each and its pool)."""
    command = [
        str(Path(sys.executable).parent / "celery"),
        "-A",
        "involvement",
        "worker",
        "--pool=prefork",
        "--concurrency=1",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
    ]
    environment = {
        **os.environ,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(folder / "outbox"),
    }
    celery_app.control.purge()  # nothing left from an earlier, stopped run
    processes, logs = [], []
    try:
        for n in range(1, WORKERS + 1):
            log = folder / f"worker{n}.log"
            logs.append(log)
            processes.append(
                subprocess.Popen(
                    [*command, f"--hostname=report-bench-{n}-{os.getpid()}@%h"],
                    cwd=harness.ROOT,
                    env=environment,
                    stdout=log.open("w"),
                    stderr=subprocess.STDOUT,
                )
            )
        deadline = time.monotonic() + WORKER_WAIT
        while not all(" ready." in log.read_text() for log in logs):
            if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                for log in logs:
                    print(log.read_text()[-3000:], file=sys.stderr)
                raise SystemExit("the workers did not start")
            time.sleep(0.2)
        yield processes
    finally:
        for process in processes:
            _stop(process)


def _pool_of(processes) -> list[int]:
    pids = []
    for process in processes:
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        if children.exists():
            pids += [int(pid) for pid in children.read_text().split()]
    return pids


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    pool = _pool_of([process])
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        for pid in pool:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


# --- Memory and output ----------------------------------------------------------------------


def _status_mb(pid, key: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0


def _rss_mb() -> float:
    return _status_mb("self", "VmRSS")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_of(pid: int) -> float:
    return _status_mb(pid, "VmHWM")


@contextmanager
def _quiet():
    with open(os.devnull, "w") as devnull:
        saved, sys.stdout = sys.stdout, devnull
        try:
            yield
        finally:
            sys.stdout = saved


if __name__ == "__main__":
    sys.exit(main())
