from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "peerpath.mentoring"
    verbose_name = "Mentoring and peer support"
