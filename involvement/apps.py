from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "involvement"
    verbose_name = "Organisations and people"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import sessions

        # Both of a session's clocks (idle, and since signing in) start at sign-in.
        user_logged_in.connect(
            lambda sender, request, user, **kwargs: sessions.start(request.session, user),
            weak=False,
            dispatch_uid="involvement-session-start",
        )
