from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "quality"
    verbose_name = "Quality and feedback"

    def ensure_demo_data(self, people) -> list[tuple[str, str]]:
        """Demo feedback for `seed_demo`; returns (label, path) lines for it to print."""
        from .demo_feedback import demo_feedback_link, ensure_demo_feedback

        ensure_demo_feedback(people)
        link = demo_feedback_link(people)
        return [("Try the feedback form as a service user", link)] if link else []
