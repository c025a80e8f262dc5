import os

from django.apps import apps
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
            # Apps above this one (quality, reports) add their demo data through their app
            # config, so activities never imports them.
            extras = [
                config.ensure_demo_data(people)
                for config in apps.get_app_configs()
                if hasattr(config, "ensure_demo_data")
            ]
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {count} activities."))
        self.stdout.write(f"Sign in with any of these (password: {DEMO_PASSWORD}):")
        for slug, _persona, email, _name, role in PERSONAS:
            self.stdout.write(f"  {email:32} {role.label:20} {slug}")
        port = os.environ.get("PORT", "8000")
        for extra in extras:
            for label, path in extra:
                self.stdout.write(f"{label}: http://127.0.0.1:{port}{path}")
