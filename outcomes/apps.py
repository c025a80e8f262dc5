from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = "Outcome measures"

    def ready(self):
        from django.db.models.signals import post_save

        from involvement.models import Organisation

        from .services import ensure_measure_catalogue

        def catalogue_for_new_organisation(sender, instance, created, raw=False, **kwargs):
            # A new organisation starts with Table 1, as migrated ones did.
            if created and not raw:
                ensure_measure_catalogue(organisation=instance)

        post_save.connect(
            catalogue_for_new_organisation,
            sender=Organisation,
            dispatch_uid="outcomes.catalogue_for_new_organisation",
            weak=False,
        )

    def feedback_step_after_submit(self, feedback_request) -> str | None:
        """Quality asks this after someone sends feedback: the changes they score."""
        from .views.self_report import step_after_submit

        return step_after_submit(feedback_request)

    def ensure_demo_data(self, people) -> list[tuple[str, str]]:
        """Demo measures and values for `seed_demo`; returns (label, path) lines to print."""
        from .demo_outcomes import ensure_demo_outcomes

        return ensure_demo_outcomes(people)
