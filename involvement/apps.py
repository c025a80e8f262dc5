from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "involvement"
    verbose_name = "Organisations and people"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_save

        from . import sessions
        from .catalogue import catalogues_for_new_organisation
        from .models import Organisation

        # Both of a session's clocks (idle, and since signing in) start at sign-in.
        user_logged_in.connect(
            lambda sender, request, user, **kwargs: sessions.start(request.session, user),
            weak=False,
            dispatch_uid="involvement-session-start",
        )
        post_save.connect(
            catalogues_for_new_organisation,
            sender=Organisation,
            dispatch_uid="involvement.catalogues_for_new_organisation",
            weak=False,
        )
