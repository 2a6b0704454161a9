from django.urls import path

from .views import events, learning_sets, manage, pathways, placements, programmes, reviews

app_name = "programmes"

set_patterns = [
    path("learning-sets/", learning_sets.learning_set_list, name="learning-sets"),
    path("learning-sets/<int:set_id>/", learning_sets.learning_set_page, name="learning-set"),
    path(
        "learning-sets/<int:set_id>/manage/",
        learning_sets.learning_set_manage,
        name="learning-set-manage",
    ),
    path(
        "learning-sets/<int:set_id>/members/",
        learning_sets.learning_set_add_member,
        name="learning-set-add-member",
    ),
    path("learning-sets/<int:set_id>/issues/", learning_sets.issue_add, name="set-issue-add"),
    path("learning-sets/<int:set_id>/notes/", learning_sets.note_add, name="set-note-add"),
    path("learning-sets/<int:set_id>/meetings/", learning_sets.meeting_add, name="set-meeting-add"),
    path("learning-sets/<int:set_id>/actions/", learning_sets.action_add, name="set-action-add"),
    path(
        "learning-sets/<int:set_id>/actions/<int:action_id>/done/",
        learning_sets.action_toggle,
        name="set-action-toggle",
    ),
]

organisation_patterns = [
    path("organisations/<slug:org_slug>/new/", manage.programme_create, name="create"),
    path("organisations/<slug:org_slug>/import/", manage.programme_import, name="import"),
    path(
        "organisations/<slug:org_slug>/learning-sets/new/",
        learning_sets.learning_set_create,
        name="learning-set-create",
    ),
    path("import/", manage.programme_import_site, name="import-site"),
]

personal_patterns = [
    path("reviews/", reviews.review_list, name="reviews"),
    path("reviews/<int:submission_id>/", reviews.review, name="review"),
    path("placements/", placements.placement_list, name="placements"),
    path("placements/new/", placements.placement_create, name="placement-create"),
    path("placements/<int:placement_id>/", placements.placement_edit, name="placement"),
    path(
        "placements/<int:placement_id>/delete/",
        placements.placement_delete,
        name="placement-delete",
    ),
    path("pathways/", pathways.pathway_list, name="pathways"),
    path("pathways/<slug:pathway_slug>/", pathways.pathway_page, name="pathway"),
    path("pathways/<slug:pathway_slug>/follow/", pathways.pathway_follow, name="pathway-follow"),
    path(
        "pathways/<slug:pathway_slug>/steps/<int:step_id>/",
        pathways.pathway_step,
        name="pathway-step",
    ),
]

# Programme pages last: a programme's slug never shadows the pages above (see RESERVED_SLUGS).
programme_patterns = [
    path("<slug:slug>/", programmes.programme_detail, name="detail"),
    path("<slug:slug>/certificate/", programmes.certificate, name="certificate"),
    path("<slug:slug>/manage/", manage.programme_manage, name="manage"),
    path("<slug:slug>/export/", manage.programme_export, name="export"),
    path("<slug:slug>/modules/new/", manage.module_create, name="module-create"),
    path("<slug:slug>/activities/<str:code>/", programmes.activity_page, name="activity"),
    path("<slug:slug>/events/new/", events.event_create, name="event-create"),
    path("<slug:slug>/events/<int:event_id>/", events.event_page, name="event"),
    path("<slug:slug>/events/<int:event_id>/edit/", events.event_edit, name="event-edit"),
    path("<slug:slug>/events/<int:event_id>/enrol/", events.event_enrol, name="event-enrol"),
    path("<slug:slug>/events/<int:event_id>/leave/", events.event_leave, name="event-leave"),
    path("<slug:slug>/events/<int:event_id>/cancel/", events.event_cancel, name="event-cancel"),
    path(
        "<slug:slug>/events/<int:event_id>/calendar.ics",
        events.event_calendar,
        name="event-calendar",
    ),
    path(
        "<slug:slug>/events/<int:event_id>/attendance/",
        events.event_attendance,
        name="event-attendance",
    ),
]

urlpatterns = [
    path("", programmes.programme_list, name="list"),
    *set_patterns,
    *organisation_patterns,
    *personal_patterns,
    *programme_patterns,
]
