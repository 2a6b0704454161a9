from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "peerpath.frameworks"
    verbose_name = "Frameworks"
