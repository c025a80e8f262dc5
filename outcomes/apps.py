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
        _watch_counted_rows()

    def ensure_demo_data(self, people) -> list[tuple[str, str]]:
        """Demo measures and values for `seed_demo`; returns (label, path) lines to print."""
        from .demo_outcomes import ensure_demo_outcomes

        return ensure_demo_outcomes(people)


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
