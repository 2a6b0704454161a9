from django.apps import AppConfig


class PeerpathConfig(AppConfig):
    """The project package itself: shared templates, template tags and site commands."""

    name = "peerpath"
    verbose_name = "Peerpath"
