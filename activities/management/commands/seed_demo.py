from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from activities.demo_activities import ensure_demo_activities
from activities.demo_people import DEMO_PASSWORD, PERSONAS, ensure_demo_people


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
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {count} activities."))
        self.stdout.write(f"Sign in with any of these (password: {DEMO_PASSWORD}):")
        for slug, _persona, email, _name, role in PERSONAS:
            self.stdout.write(f"  {email:32} {role.label:20} {slug}")
