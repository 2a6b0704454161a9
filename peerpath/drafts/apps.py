from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "peerpath.drafts"
    verbose_name = "Autosaved drafts"
