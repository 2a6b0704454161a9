from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "peerpath.portfolio"
    verbose_name = "Professional development portfolio"
