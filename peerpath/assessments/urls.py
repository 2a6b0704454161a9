from django.urls import path

from .views import evaluations, organisations, plans, respond, rounds, sharing

app_name = "assessments"

evaluation_patterns = [
    path("self-evaluation/", evaluations.home, name="home"),
    path("self-evaluation/start/<slug:slug>/", evaluations.start, name="start"),
    path("self-evaluation/shared-with-me/", sharing.shared_with_me, name="shared-with-me"),
    path("self-evaluation/<int:evaluation_id>/", evaluations.evaluation, name="evaluation"),
    path(
        "self-evaluation/<int:evaluation_id>/sections/<str:code>/",
        evaluations.domain,
        name="domain",
    ),
    path("self-evaluation/<int:evaluation_id>/finish/", evaluations.finish, name="finish"),
    path("self-evaluation/<int:evaluation_id>/result/", evaluations.result, name="result"),
    path("self-evaluation/<int:evaluation_id>/discard/", evaluations.discard, name="discard"),
    path("self-evaluation/<int:evaluation_id>/share/", sharing.share_evaluation, name="share"),
    path("self-evaluation/<int:evaluation_id>/plan/", plans.evaluation_plan, name="plan"),
    path(
        "self-evaluation/<int:evaluation_id>/contributors/",
        organisations.add_contributor,
        name="add-contributor",
    ),
    path(
        "self-evaluation/shares/<int:share_id>/withdraw/",
        sharing.share_withdraw,
        name="share-withdraw",
    ),
    path(
        "self-evaluation/shares/<int:share_id>/comment/",
        sharing.share_comment,
        name="share-comment",
    ),
    path(
        "self-evaluation/organisations/<slug:org_slug>/",
        organisations.organisation,
        name="organisation",
    ),
    path(
        "self-evaluation/organisations/<slug:org_slug>/start/<slug:slug>/",
        organisations.organisation_start,
        name="organisation-start",
    ),
]

round_patterns = [
    path("feedback/", rounds.rounds, name="rounds"),
    path("feedback/new/", rounds.round_new, name="round-new"),
    path("feedback/<int:round_id>/", rounds.round_detail, name="round"),
    path("feedback/<int:round_id>/raters/", rounds.round_raters, name="round-raters"),
    path("feedback/<int:round_id>/send/", rounds.round_launch, name="round-launch"),
    path("feedback/<int:round_id>/remind/", rounds.round_remind, name="round-remind"),
    path("feedback/<int:round_id>/last-day/", rounds.round_last_day, name="round-last-day"),
    path("feedback/<int:round_id>/close/", rounds.round_close, name="round-close"),
    path("feedback/<int:round_id>/delete/", rounds.round_discard, name="round-discard"),
    path("feedback/<int:round_id>/report/", rounds.report, name="report"),
    path("feedback/<int:round_id>/report.pdf", rounds.report_pdf, name="report-pdf"),
    path("feedback/<int:round_id>/share/", sharing.share_report, name="share-report"),
    path("feedback/<int:round_id>/plan/", plans.report_plan, name="report-plan"),
    path(
        "feedback/organisations/<slug:org_slug>/anonymity/",
        rounds.anonymity_policy,
        name="anonymity",
    ),
]

rater_patterns = [
    path("feedback/respond/<str:token>/", respond.respond, name="respond"),
    path(
        "feedback/respond/<str:token>/sections/<str:code>/",
        respond.respond_section,
        name="respond-section",
    ),
    path("feedback/respond/<str:token>/finish/", respond.respond_finish, name="respond-finish"),
]

urlpatterns = evaluation_patterns + round_patterns + rater_patterns
