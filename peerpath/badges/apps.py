from django.apps import AppConfig


class BadgesConfig(AppConfig):
    name = "peerpath.badges"
    verbose_name = "Open Badges"
