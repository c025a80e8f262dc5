from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = "Outcome measures"

    def ready(self):
        from involvement.catalogue import catalogue_register

        from .services import ensure_measure_catalogue

        # Every new organisation starts with Table 1, as migrated ones did.
        catalogue_register(ensure_measure_catalogue)
        _watch_counted_rows()


def _watch_counted_rows() -> None:
    """Any save or delete of a row the computed figures count gives the organisation's
    cached figures a new version (see outcomes/selectors/cached.py)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from activities.models import AboutYou, Activity, Involvement, Session
    from quality.models import FeedbackResponse

    from .models import TrainingRecord
    from .services import figures_changed

    def changed(sender, instance, **kwargs):
        if not kwargs.get("raw"):
            figures_changed(organisation_id=instance.organisation_id)

    def staff_changed(sender, instance, action, reverse, pk_set, **kwargs):
        if not action.startswith("post_"):
            return
        if not reverse:
            figures_changed(organisation_id=instance.organisation_id)
            return
        organisations = Activity.objects.filter(pk__in=pk_set or ()).values_list(
            "organisation_id", flat=True
        )
        for organisation_id in set(organisations):
            figures_changed(organisation_id=organisation_id)

    for model in (Activity, Involvement, Session, AboutYou, FeedbackResponse, TrainingRecord):
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, weak=False, dispatch_uid=f"outcomes.{model}")
    m2m_changed.connect(
        staff_changed,
        sender=Activity.staff_involved.through,
        weak=False,
        dispatch_uid="outcomes.staff_involved",
    )
