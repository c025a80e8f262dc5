"""Personal-link feedback submissions through a real multi-process server: rate, latency, loss.

Run from the repository root: `.venv/bin/python bench/feedback_submit.py [--quick]`. It uses
SQLite, or DATABASE_URL when set, and makes its own organisation (a new slug each run, removed at
the end), one activity, one participant per submission and a printed-letter link for each.

It starts gunicorn on a free port of 127.0.0.1 (development settings with DEBUG off, as a
real server runs; 4 workers, or 1 on SQLite, which takes one writer at a time). Each person
has a fresh browser: open the link (GET, 302 to the form), GET the form for its CSRF token,
POST every answer. The load comes in two ways, one after the other:

- closed (`feedback_submit_*`): 50 client threads, each a run of people without a pause, the
  next starting when the last is answered. On a small machine this mostly measures queueing:
  the latency grows with the clients, whatever the server's speed. Only the POST is timed;
  the throughput is sent answers over the wall time, the GETs included. Every fifth person of
  every other client sends their answers twice, one after the other or both at once (a double
  click), which must still save one answer.
- open (`feedback_open_*`): people arrive on a fixed schedule (`--rate` a second for
  `--duration` seconds) whether or not earlier ones were answered, as real people do. The
  submit is timed from its POST, and the whole visit from its scheduled arrival, so a server
  (or client) that falls behind shows in the figure instead of slowing the arrivals.

For each, the server's CPU per submission: the gunicorn processes' CPU time (from
/proc/<pid>/stat) over the submissions answered, the two pages before each included; on
PostgreSQL also the database backends serving those workers, when they can be read (same
machine) and lived through the whole phase. These are what the 300 ms target is for: less
CPU per submission.

Prints one `name: value unit` line per figure. Exits 1 when an answer was lost, duplicated or
saved wrongly, or a request failed; the latency is reported, never enforced.
"""

import concurrent.futures
import http.cookiejar
import io
import os
import re
import resource
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import harness

# isort: split
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection

from activities.models import Participant
from involvement.models import Organisation, Role, User
from quality import services
from quality.models import FeedbackResponse, Rating
from quality.questions import RATING_KEYS

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RATINGS = [Rating.YES, Rating.PARTLY, Rating.NO, Rating.DONT_KNOW, Rating.PREFER_NOT]
SAYS = ["informing", "consulting", "participation", "dont_know"]
TIMEOUT = 30


def main() -> int:
    options = _options()
    harness.begin()
    vendor = connection.vendor
    workers = options.workers or (4 if vendor == "postgresql" else 1)
    slug = f"bench-feedback-{secrets.token_hex(4)}"
    closed_count = options.clients * options.each
    open_count = round(options.rate * options.duration)
    everyone, server = [], None
    try:
        everyone = _make_people(slug, closed_count + open_count + workers * 3)
        closed, arrivals = everyone[:closed_count], everyone[closed_count : -workers * 3]
        warm_up = everyone[-workers * 3 :]
        connection.close()  # SQLite: no open handle while the server writes.
        server = Server(workers)
        harness.say("feedback_submit_workers", workers, "workers")
        # Each worker compiles its templates and opens its connection on its first requests.
        _run_clients(server.base, [[person] for person in warm_up], submit=False)
        meter = CpuMeter(server.process.pid, vendor)
        if closed:
            _closed_load(options, server.base, closed, meter)
        if arrivals:
            _open_load(options, server.base, arrivals, meter)
        meter.close()
        server.stop()
        failed = _check(slug, closed + arrivals, warm_up)
        # Clients and server share this machine's CPUs; this figure includes start-up.
        harness.say("feedback_submit_server_cpu", f"{_cpu(resource.RUSAGE_CHILDREN):.1f}", "s")
        return failed
    finally:
        if server:
            server.stop()
        _clean_up(slug, everyone)


def _options():
    parser = harness.parser(__doc__, "4 clients × 5, then 5 a second for 3 s.")
    parser.add_argument("--clients", type=int, help="Closed load: clients (default 50).")
    parser.add_argument("--each", type=int, help="Closed load: people per client (default 10).")
    parser.add_argument("--rate", type=float, help="Open load: arrivals a second (default 40).")
    parser.add_argument("--duration", type=float, help="Open load: seconds (default 60).")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default 4; 1 on SQLite).")
    options = parser.parse_args()
    quick = options.quick
    options.clients = harness.given_or(options.clients, quick, 4, 50)
    options.each = harness.given_or(options.each, quick, 5, 10)
    options.rate = harness.given_or(options.rate, quick, 5, 40)
    options.duration = harness.given_or(options.duration, quick, 3, 60)
    return options


def _closed_load(options, base: str, people: list, meter) -> None:
    """`options.clients` threads, each through its run of people without a pause."""
    runs = [people[n * options.each : (n + 1) * options.each] for n in range(options.clients)]
    for number, run in enumerate(runs):
        for index, person in enumerate(run):
            if number % 2 == 1 and index % 5 == 4:
                person.double = "together" if (number // 2 + index // 5) % 2 else "after"
    before, client_cpu = meter.read(), _cpu(resource.RUSAGE_SELF)
    started = time.perf_counter()
    _run_clients(base, runs, submit=True)
    elapsed = time.perf_counter() - started
    client_cpu = _cpu(resource.RUSAGE_SELF) - client_cpu
    harness.say("feedback_submit_clients", options.clients, "clients")
    harness.say("feedback_submissions", len(people), "submissions")
    sent = [person for person in people if person.sent]
    harness.say(
        "feedback_submit_throughput", f"{len(sent) / elapsed:.1f}", "submissions per second"
    )
    _percentiles("feedback_submit", [person.latency_ms for person in sent], max_too=True)
    for page in ("start", "form_page"):
        times = [person.page_ms[page] for person in sent]
        if times:
            harness.say(f"feedback_{page}_p50", f"{statistics.median(times):.1f}", "ms")
    harness.say("feedback_submit_wall", f"{elapsed:.1f}", "s")
    harness.say("feedback_submit_client_cpu", f"{client_cpu:.1f}", "s")
    meter.say("feedback_submit", before, len(sent))


# Enough threads for the arrivals in flight; beyond them an arrival starts late, and counts so.
OPEN_THREADS = 200
LATE_MS = 100


def _open_load(options, base: str, people: list, meter) -> None:
    """People arrive every 1/rate seconds, answered or not; each visit is timed from its
    scheduled arrival."""
    before = meter.read()
    origin = time.perf_counter() + 0.2
    with concurrent.futures.ThreadPoolExecutor(max_workers=OPEN_THREADS) as pool:
        for number, person in enumerate(people):
            person.scheduled = origin + number / options.rate
            time.sleep(max(0.0, person.scheduled - time.perf_counter()))
            pool.submit(_arrive, base, person)
    elapsed = max(person.answered_at for person in people) - origin
    sent = [person for person in people if person.sent]
    harness.say("feedback_open_rate", f"{options.rate:g}", "submissions per second")
    harness.say("feedback_open_duration", f"{options.duration:g}", "s")
    harness.say("feedback_open_submissions", len(people), "submissions")
    harness.say("feedback_open_throughput", f"{len(sent) / elapsed:.1f}", "submissions per second")
    _percentiles("feedback_open_submit", [person.latency_ms for person in sent], max_too=True)
    visits = [(person.answered_at - person.scheduled) * 1000 for person in sent]
    _percentiles("feedback_open_visit", visits)
    late = sum(1 for person in people if person.late_ms > LATE_MS)
    harness.say("feedback_open_late_starts", late, "visits")
    meter.say("feedback_open", before, len(sent))


def _arrive(base: str, person: "Person") -> None:
    person.late_ms = (time.perf_counter() - person.scheduled) * 1000
    try:
        _visit(base, person, submit=True)
    except Exception as exc:  # a refused connection or a timeout is a failed submit
        person.errors.append(f"{type(exc).__name__}: {exc}")
    # A visit that failed before its submit still ends now.
    person.answered_at = person.answered_at or time.perf_counter()


def _percentiles(name: str, latencies: list[float], max_too: bool = False) -> None:
    if len(latencies) < 2:
        return
    harness.say(f"{name}_p50", f"{statistics.median(latencies):.1f}", "ms")
    harness.say(f"{name}_p95", f"{harness.p95(latencies):.1f}", "ms")
    if max_too:
        harness.say(f"{name}_max", f"{max(latencies):.1f}", "ms")


@dataclass
class Person:
    """One participant with one link, the answers they will send and what happened."""

    number: int
    request_pk: int
    token: str
    answers: dict
    double: str = ""  # "", "after" (a second POST once the first is done) or "together"
    sent: bool = False  # the submit was answered with a redirect onwards
    extra_ok: int = 0  # second POSTs answered with a redirect onwards
    errors: list = field(default_factory=list)
    latency_ms: float = 0.0
    scheduled: float = 0.0  # open load: when this person arrives (perf_counter)
    late_ms: float = 0.0  # open load: how late the visit started
    answered_at: float = 0.0  # when the submit was answered (perf_counter)
    page_ms: dict = field(default_factory=dict)  # the two GETs before it, untimed in p95
    session_keys: set = field(default_factory=set)


def _answers(number: int) -> dict:
    """Answers that differ from person to person, so a mixed-up save shows."""
    answers = {key: RATINGS[(number + i) % len(RATINGS)].value for i, key in enumerate(RATING_KEYS)}
    answers["say"] = SAYS[number % len(SAYS)]
    answers["anonymous"] = "yes" if number % 2 else "no"
    answers["what_was_good"] = f"Person {number}: the tea, and being asked first."
    answers["do_differently"] = "Send the papers a week before." if number % 3 else ""
    answers["anything_else"] = ""
    return answers


def _make_people(slug: str, count: int) -> list[Person]:
    call_command("seed_scale", organisation=slug, activities=1, force=True, stdout=io.StringIO())
    org = Organisation.objects.get(slug=slug)
    activity = org.activities.get()
    admin = org.memberships.get(role=Role.ADMIN).user
    Participant.objects.bulk_create(
        Participant(organisation=org, name=f"Bench person {n}") for n in range(count)
    )
    participants = list(org.participants.filter(name__startswith="Bench person ").order_by("pk"))
    people = []
    for number, participant in enumerate(participants):
        request, token = services.feedback_letter_issue(
            activity=activity, participant=participant, created_by=admin
        )
        people.append(Person(number, request.pk, token, _answers(number)))
    return people


class Server:
    """gunicorn serving the project on a free port of 127.0.0.1: development settings with
    DEBUG off, as a real server runs."""

    def __init__(self, workers: int):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "PYTHONUNBUFFERED": "1"}
        for name in ("DJANGO_ENV", "CSRF_TRUSTED_ORIGINS", "SITE_URL"):
            env.pop(name, None)
        # As in production: DEBUG keeps every SQL query and template detail in memory.
        env["DEBUG"] = "0"
        # Connections kept through a whole load, so their backends' CPU can be read (see
        # CpuMeter); opening one once a minute instead costs nothing measurable.
        env["CONN_MAX_AGE"] = "3600"
        self.log = tempfile.TemporaryFile()
        command = [sys.executable, "-m", "gunicorn", "involvement.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
        command += ["--timeout", str(TIMEOUT * 2), "--backlog", "256"]
        self.process = subprocess.Popen(
            command, cwd=harness.ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.fail("gunicorn exited while starting")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2):
                    return
            except urllib.error.HTTPError:
                return  # answering is enough (503 is a broker down, which no page here needs)
            except OSError:
                time.sleep(0.2)
        self.fail("gunicorn did not answer within 60 s")

    def fail(self, reason: str):
        self.stop()
        self.log.seek(0)
        sys.stderr.write(self.log.read().decode(errors="replace")[-4000:])
        raise SystemExit(reason)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back as it is: its status and Location are what is checked."""

    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person's browser: its own cookies, redirects not followed."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects()
        )

    def get(self, path: str) -> tuple[int, str, str]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict) -> tuple[int, str, str]:
        body = urlencode(data).encode()
        headers = {"Origin": self.base, "Referer": self.base + path}
        return self._open(urllib.request.Request(self.base + path, body, headers, method="POST"))

    def _open(self, request) -> tuple[int, str, str]:
        try:
            with self.opener.open(request, timeout=TIMEOUT) as answer:
                return answer.status, answer.headers.get("Location", ""), answer.read().decode()
        except urllib.error.HTTPError as answer:
            body = answer.read().decode(errors="replace")
            return answer.code, answer.headers.get("Location", ""), body

    def session_key(self) -> str:
        return next((c.value for c in self.cookies if c.name == "sessionid"), "")


def _run_clients(base: str, runs: list[list[Person]], submit: bool) -> None:
    """One thread per run, all starting together; each goes through its people in turn."""
    start = threading.Barrier(len(runs))

    def client(run):
        start.wait()
        for person in run:
            try:
                _visit(base, person, submit)
            except Exception as exc:  # a refused connection or a timeout is a failed submit
                person.errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=client, args=(run,)) for run in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _visit(base: str, person: Person, submit: bool) -> None:
    browser = Browser(base)
    started = time.perf_counter()
    status, location, _body = browser.get(f"/feedback/start/{person.token}/")
    person.page_ms["start"] = (time.perf_counter() - started) * 1000
    form_path = f"/feedback/{person.request_pk}/"
    if status != 302 or not location.endswith(form_path):
        person.errors.append(f"start: {status} to {location!r}")
        return
    started = time.perf_counter()
    status, _location, body = browser.get(form_path)
    person.page_ms["form_page"] = (time.perf_counter() - started) * 1000
    csrf = CSRF_INPUT.search(body)
    if status != 200 or not csrf:
        person.errors.append(f"form: {status}{'' if csrf else ', no CSRF token'}")
        return
    person.session_keys.add(browser.session_key())
    if not submit:
        return
    data = {"csrfmiddlewaretoken": csrf.group(1), **person.answers}
    second = None
    if person.double == "together":
        second = threading.Thread(target=_second_post, args=(browser, form_path, data, person))
        second.start()
    started = time.perf_counter()
    status, location, _body = browser.post(form_path, data)
    person.answered_at = time.perf_counter()
    person.latency_ms = (person.answered_at - started) * 1000
    if _onwards(status, location, person):
        person.sent = True
    else:
        person.errors.append(f"submit: {status} to {location!r}")
    if person.double == "after":
        _second_post(browser, form_path, data, person)
    if second:
        second.join()


def _second_post(browser: Browser, form_path: str, data: dict, person: Person) -> None:
    try:
        status, location, _body = browser.post(form_path, data)
    except Exception as exc:
        person.errors.append(f"second submit: {type(exc).__name__}: {exc}")
        return
    if _onwards(status, location, person):
        person.extra_ok += 1
    else:
        person.errors.append(f"second submit: {status} to {location!r}")


def _onwards(status: int, location: str, person: Person) -> bool:
    """A sent answer: on to "about you", or to the thanks for those who gave it before."""
    pages = (
        f"/feedback/{person.request_pk}/about-you/",
        f"/feedback/{person.request_pk}/thank-you/",
    )
    return status == 302 and location.endswith(pages)


def _check(slug: str, people: list, warm_up: list) -> int:
    """Every sent answer saved once, as sent, over both loads."""
    by_request = {person.request_pk: person for person in people}
    rows = list(
        FeedbackResponse.objects.filter(
            organisation__slug=slug, status=FeedbackResponse.Status.SUBMITTED
        ).values("request_id", "anonymous", "say", "what_was_good", "do_differently", *RATING_KEYS)
    )
    sent = [person for person in people if person.sent]
    saved = {row["request_id"] for row in rows}
    lost = sum(1 for person in sent if person.request_pk not in saved)
    # Rows beyond one per accepted submit. The one-to-one field makes two rows for one person
    # impossible; an answer saved for someone whose submit was not accepted is one too many.
    duplicates = len(rows) - len(saved)
    duplicates += sum(1 for pk in saved if pk not in by_request or not by_request[pk].sent)
    wrong = sum(
        1 for row in rows if row["request_id"] in by_request and not _matches(row, by_request)
    )
    errors = [error for person in warm_up + people for error in person.errors]
    doubles = [person for person in people if person.double]
    harness.say("feedback_submit_double_submits", len(doubles), "people")
    harness.say(
        "feedback_submit_double_submits_redirected", sum(p.extra_ok for p in doubles), "responses"
    )
    harness.say("feedback_submit_rows_saved", len(rows), "rows")
    harness.say("feedback_submit_2xx_or_redirect", len(sent), "responses")
    harness.say("feedback_submit_lost", lost, "rows")
    harness.say("feedback_submit_duplicates", duplicates, "rows")
    harness.say("feedback_submit_wrong_answers", wrong, "rows")
    harness.say("feedback_submit_errors", len(errors), "requests")
    for error in errors[:10]:
        print(f"  {error}", file=sys.stderr)
    return 1 if lost or duplicates or wrong or errors else 0


def _matches(row: dict, by_request: dict) -> bool:
    answers = by_request[row["request_id"]].answers
    expected = {
        key: answers[key] for key in (*RATING_KEYS, "say", "what_was_good", "do_differently")
    }
    expected["anonymous"] = answers["anonymous"] == "yes"
    return all(row[key] == value for key, value in expected.items())


def _clean_up(slug: str, people: list[Person]) -> None:
    """Remove the run's organisation (its activity, people, links and answers go with it), its
    users and the sessions its browsers were given."""
    connection.close()
    Organisation.objects.filter(slug=slug).delete()
    User.objects.filter(email__endswith=f"@{slug}.scale.example").delete()
    keys = {key for person in people for key in person.session_keys if key}
    Session.objects.filter(session_key__in=keys).delete()


class CpuMeter:
    """CPU seconds used by the gunicorn master and its workers, and on PostgreSQL by the
    database backends serving them, read from /proc. A reading is only compared with one of
    the same processes: a worker restarted, or a connection opened again, loses what the
    old process had used, so that figure is left out rather than printed too low."""

    def __init__(self, master_pid: int, vendor: str):
        self.master = master_pid
        self.tick = os.sysconf("SC_CLK_TCK")
        self.database = connection if vendor == "postgresql" else None

    def read(self) -> dict:
        servers = [self.master, *self._children()]
        return {"server": self._used(servers), "database": self._used(self._backends())}

    def say(self, name: str, before: dict, submissions: int) -> None:
        after = self.read()
        for part in ("server", "database"):
            was, now = before[part], after[part]
            if was is None or now is None or was[1] != now[1] or not submissions:
                continue
            per = (now[0] - was[0]) / submissions * 1000
            harness.say(f"{name}_{part}_cpu_per_submission", f"{per:.1f}", "ms")

    def close(self) -> None:
        if self.database is not None:
            self.database.close()

    def _children(self) -> list[int]:
        children = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                stat = harness.proc_stat(int(entry.name))
                if stat and int(stat[1]) == self.master:
                    children.append(int(entry.name))
        return children

    def _backends(self) -> list[int] | None:
        """The database's backends for this database other than our own connection."""
        if self.database is None:
            return None
        with self.database.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            )
            return [pid for (pid,) in cursor.fetchall()]

    def _used(self, pids: list[int] | None) -> tuple[float, frozenset] | None:
        if not pids:
            return None
        total = 0.0
        for pid in pids:
            stat = harness.proc_stat(pid)
            if stat is None:
                return None  # gone, or another user's and unreadable here
            total += harness.cpu_ticks(stat) / self.tick
        return total, frozenset(pids)


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
