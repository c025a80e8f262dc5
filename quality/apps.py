from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "quality"
    verbose_name = "Quality and feedback"

    def ready(self):
        from involvement.catalogue import catalogue_register

        from .services import ensure_marker_catalogue

        # Every new organisation starts with Table 2, as migrated ones did.
        catalogue_register(ensure_marker_catalogue)
        _watch_counted_rows()


def _watch_counted_rows() -> None:
    """Any save or delete of a row the overview's figures count gives the organisation's
    cached figures a new version (see quality/selectors/cached.py)."""
    from django.db.models.signals import post_delete, post_save

    from activities.models import Activity, Agreement, Involvement, Participant, Session

    from .models import Contribution, FeedbackResponse, MarkerAssessment, QualityMarker
    from .selectors.cached import figures_changed

    def changed(sender, instance, **kwargs):
        if not kwargs.get("raw"):
            figures_changed(organisation_id=instance.organisation_id)

    # Participant: erasing someone unnames their contributions with an update (no signal)
    # in the transaction that saves them, so the version is replaced again on commit.
    models = [Activity, Agreement, Session, Involvement, Participant, FeedbackResponse]
    models += [QualityMarker, MarkerAssessment, Contribution]
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, weak=False, dispatch_uid=f"quality.{model}")
