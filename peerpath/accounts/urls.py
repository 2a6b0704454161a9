from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="login"),
    path("sign-in/code/", views.sign_in_code, name="sign-in-code"),
    path("sign-out/", views.sign_out, name="logout"),
    path("two-step/", views.two_factor_settings, name="two-factor"),
    path("password-reset/", views.password_reset, name="password-reset"),
    path("password-reset/sent/", views.password_reset_sent, name="password-reset-sent"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path(
        "password-reset/complete/",
        views.password_reset_complete,
        name="password-reset-complete",
    ),
    path("password/", views.password_change, name="password-change"),
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile-edit"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("api-tokens/", views.api_tokens, name="api-tokens"),
    path("api-tokens/<int:token_id>/revoke/", views.api_token_revoke, name="api-token-revoke"),
]

organisation_patterns = [
    path("<slug:org_slug>/", views.organisation, name="organisation"),
    path("<slug:org_slug>/audit-log/", views.audit_log, name="audit-log"),
    path(
        "<slug:org_slug>/invitations/<int:invitation_id>/withdraw/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
    path(
        "<slug:org_slug>/roles/<int:membership_id>/remove/",
        views.membership_remove,
        name="membership-remove",
    ),
]
