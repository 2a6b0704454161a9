from django.urls import path

from .views import coordinator, matching, pairs, participant, sessions

app_name = "mentoring"

SESSION = "pairs/<int:pairing_id>/sessions/<int:session_id>/"
ROUND = "rounds/<int:cohort_id>/"

urlpatterns = [
    # Taking part
    path("", participant.home, name="home"),
    path("schemes/new/", coordinator.scheme_new, name="scheme-new"),
    path("schemes/<slug:slug>/", participant.scheme, name="scheme"),
    path(f"{ROUND}apply/", participant.apply, name="apply"),
    path(f"{ROUND}apply/withdraw/", participant.withdraw, name="withdraw"),
    path(f"{ROUND}invite/", participant.invite, name="invite"),
    path(f"{ROUND}shortlist/", participant.shortlist, name="shortlist"),
    path("invitations/<int:invitation_id>/", participant.invitation, name="invitation"),
    path("requests/<int:request_id>/", participant.mentor_request, name="request"),
    # A pair's own pages
    path("pairs/<int:pairing_id>/", pairs.pairing, name="pairing"),
    path("pairs/<int:pairing_id>/agreement/", pairs.agreement, name="agreement"),
    path("pairs/<int:pairing_id>/end/", pairs.end, name="end"),
    path("pairs/<int:pairing_id>/review/", pairs.review, name="review"),
    path("pairs/<int:pairing_id>/our-record.md", pairs.export, name="pair-export"),
    path("pairs/<int:pairing_id>/sessions/new/", sessions.session_log, name="session-new"),
    path("pairs/<int:pairing_id>/sessions/plan/", sessions.session_plan, name="session-plan"),
    path(SESSION, sessions.session_detail, name="session"),
    path(f"{SESSION}edit/", sessions.session_log, name="session-edit"),
    path(f"{SESSION}confirm/", sessions.session_confirm, name="session-confirm"),
    path(f"{SESSION}cancel/", sessions.session_cancel, name="session-cancel"),
    path(f"{SESSION}check-in/", sessions.check_in, name="check-in"),
    path(f"{SESSION}session.ics", sessions.session_calendar, name="session-ics"),
    # Running a scheme
    path("schemes/<slug:slug>/manage/", coordinator.scheme_manage, name="scheme-manage"),
    path(
        "schemes/<slug:slug>/staff/<int:staff_id>/remove/",
        coordinator.staff_remove,
        name="staff-remove",
    ),
    path("schemes/<slug:slug>/rounds/new/", coordinator.cohort_new, name="cohort-new"),
    path(ROUND, coordinator.cohort, name="cohort"),
    path(f"{ROUND}settings/", coordinator.cohort_settings, name="cohort-settings"),
    path(f"{ROUND}next-round/", coordinator.cohort_next, name="cohort-next"),
    path(f"{ROUND}applications/", coordinator.applications, name="applications"),
    path(
        f"{ROUND}applications/<int:application_id>/",
        coordinator.application_review,
        name="application",
    ),
    path(f"{ROUND}training/", coordinator.training, name="training"),
    path(f"{ROUND}training/<int:training_id>/", coordinator.attendance, name="attendance"),
    path(f"{ROUND}matching/", matching.matching, name="matching"),
    path(f"{ROUND}pairs/", matching.pairs, name="pairs"),
    path(f"{ROUND}outcomes/", matching.outcomes, name="outcomes"),
    path(f"{ROUND}pairs.csv", matching.export, name="export"),
]
