import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.activities import ensure_demo_activities
from demo.feedback import demo_feedback_link, ensure_demo_feedback
from demo.outcomes import ensure_demo_outcomes
from demo.people import DEMO_PASSWORD, PERSONAS, ensure_demo_people
from demo.quality import ensure_demo_quality
from demo.reports import ensure_demo_report


class Command(BaseCommand):
    help = "Create demo organisations, people and activities (idempotent). Never in production."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (for a staging site)."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo refuses to run with DEBUG off. Use --force on a "
                "staging site; never on a live one."
            )
        with transaction.atomic():
            people = ensure_demo_people()
            count = ensure_demo_activities(people)
            links = _ensure_the_rest(people)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {count} activities."))
        self.stdout.write(f"Sign in with any of these (password: {DEMO_PASSWORD}):")
        for slug, _persona, email, _name, role in PERSONAS:
            self.stdout.write(f"  {email:32} {role.label:20} {slug}")
        port = os.environ.get("PORT", "8000")
        for label, path in links:
            self.stdout.write(f"{label}: http://127.0.0.1:{port}{path}")


def _ensure_the_rest(people) -> list[tuple[str, str]]:
    """Feedback, quality, outcomes and the report, in the layers' order (each reads what the
    one before made); returns the (label, path) lines to print."""
    ensure_demo_feedback(people)
    link = demo_feedback_link(people)
    links = [("Try the feedback form as a service user", link)] if link else []
    links += ensure_demo_quality(people)
    links += ensure_demo_outcomes(people)
    return links + ensure_demo_report(people)
