from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "peerpath.programmes"
    verbose_name = "Learning programmes"
