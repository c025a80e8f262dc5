from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "quality"
    verbose_name = "Quality and feedback"

    def ready(self):
        from django.db.models.signals import post_save

        from involvement.models import Organisation

        from .services import ensure_marker_catalogue

        def catalogue_for_new_organisation(sender, instance, created, raw=False, **kwargs):
            # A new organisation starts with Table 2, as migrated ones did.
            if created and not raw:
                ensure_marker_catalogue(organisation=instance)

        post_save.connect(
            catalogue_for_new_organisation,
            sender=Organisation,
            dispatch_uid="quality.catalogue_for_new_organisation",
            weak=False,
        )

    def ensure_demo_data(self, people) -> list[tuple[str, str]]:
        """Demo feedback and quality markers for `seed_demo`; returns (label, path) lines
        for it to print."""
        from .demo_feedback import demo_feedback_link, ensure_demo_feedback
        from .demo_quality import ensure_demo_quality

        ensure_demo_feedback(people)
        link = demo_feedback_link(people)
        lines = [("Try the feedback form as a service user", link)] if link else []
        return lines + ensure_demo_quality(people)
