from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "peerpath.assessments"
    verbose_name = "Self-evaluation and 360° feedback"
