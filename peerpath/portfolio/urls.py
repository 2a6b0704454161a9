from django.urls import path

from .views import claims, entries, goals, objectives, overview, plans, transfer

app_name = "portfolio"
urlpatterns = [
    path("", overview.home, name="home"),
    path("timeline/", overview.timeline, name="timeline"),
    path("capabilities/", overview.capabilities, name="capabilities"),
    path("capabilities/<int:statement_id>/", overview.capability, name="capability"),
    path("hours/", overview.hours, name="hours"),
    # Learning log
    path("log/", entries.log, name="log"),
    path("log/new/", entries.entry_new, name="entry-new"),
    path("log/<int:entry_id>/", entries.entry, name="entry"),
    path("log/<int:entry_id>/edit/", entries.entry_edit, name="entry-edit"),
    path("log/<int:entry_id>/delete/", entries.entry_delete, name="entry-delete"),
    path("log/<int:entry_id>/evidence/upload/", entries.evidence_upload, name="evidence-upload"),
    path("log/<int:entry_id>/evidence/link/", entries.evidence_link, name="evidence-link"),
    path(
        "log/<int:entry_id>/evidence/<int:evidence_id>/",
        entries.evidence_download,
        name="evidence",
    ),
    path(
        "log/<int:entry_id>/evidence/<int:evidence_id>/remove/",
        entries.evidence_remove,
        name="evidence-remove",
    ),
    path("statements/", entries.statement_search, name="statement-search"),
    # Goals
    path("goals/", goals.goals, name="goals"),
    path("goals/new/", goals.goal_new, name="goal-new"),
    path("goals/<int:goal_id>/", goals.goal, name="goal"),
    path("goals/<int:goal_id>/edit/", goals.goal_edit, name="goal-edit"),
    path("goals/<int:goal_id>/notes/", goals.goal_note_add, name="goal-note"),
    path("goals/<int:goal_id>/delete/", goals.goal_delete, name="goal-delete"),
    # Development plan and sharing
    path("plan/", plans.plan, name="plan"),
    path("plan/new/", plans.plan_item_new, name="plan-item-new"),
    path("plan/<int:item_id>/edit/", plans.plan_item_edit, name="plan-item-edit"),
    path("plan/<int:item_id>/delete/", plans.plan_item_delete, name="plan-item-delete"),
    path("plan/share/", plans.plan_share, name="plan-share"),
    path(
        "plan/share/<int:share_id>/withdraw/",
        plans.plan_share_withdraw,
        name="plan-share-withdraw",
    ),
    path("plan/comments/", plans.plan_comment, name="plan-comment"),
    path("shared-with-me/", plans.shared_with_me, name="shared-with-me"),
    path("shared-with-me/<int:share_id>/", plans.shared_plan, name="shared-plan"),
    # Claims against a standard, and the assessor's link
    path("claims/", claims.claims, name="claims"),
    path("claims/new/", claims.claim_new, name="claim-new"),
    path("claims/<int:claim_id>/", claims.claim, name="claim"),
    path(
        "claims/<int:claim_id>/items/<int:item_id>/remove/",
        claims.claim_item_remove,
        name="claim-item-remove",
    ),
    path("claims/<int:claim_id>/send/", claims.claim_submit, name="claim-submit"),
    path("claims/<int:claim_id>/withdraw/", claims.claim_withdraw, name="claim-withdraw"),
    path("claims/<int:claim_id>/again/", claims.claim_again, name="claim-again"),
    path("assess/<str:token>/", claims.assess, name="assess"),
    path(
        "assess/<str:token>/evidence/<int:evidence_id>/",
        claims.assess_evidence,
        name="assess-evidence",
    ),
    # Organisations' objectives, which goals can support
    path(
        "organisations/<slug:org_slug>/objectives/",
        objectives.objectives,
        name="objectives",
    ),
    path(
        "organisations/<slug:org_slug>/objectives/<int:objective_id>/toggle/",
        objectives.objective_toggle,
        name="objective-toggle",
    ),
    # Export, import, personal data
    path("export/", transfer.export, name="export"),
    path("export/portfolio.json", transfer.export_json, name="export-json"),
    path("export/make/<str:kind>/", transfer.export_make, name="export-make"),
    path("export/<int:export_id>/", transfer.export_file, name="export-file"),
    path("export/<int:export_id>/status.json", transfer.export_status, name="export-status"),
    path("export/<int:export_id>/download/", transfer.export_download, name="export-download"),
    path("export/learner-record.jwt", transfer.export_clr, name="export-clr"),
    path("import/", transfer.import_portfolio, name="import"),
    path("personal-data/", transfer.personal_data, name="personal-data"),
    path("personal-data/erase/", transfer.erase, name="erase"),
]
