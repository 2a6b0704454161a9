from django.urls import path, register_converter

from . import views


class DownloadFormat:
    regex = "json|jwt|png|svg"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class ImageFormat(DownloadFormat):
    regex = "png|svg"


register_converter(DownloadFormat, "badge_download")
register_converter(ImageFormat, "badge_image")

app_name = "badges"
urlpatterns = [
    path("", views.home, name="home"),
    path("verify/", views.verify_page, name="verify"),
    path("verify.json", views.verify_api, name="verify-api"),
    path("credentials/<uuid:credential_uuid>/", views.credential, name="credential"),
    path(
        "credentials/<uuid:credential_uuid>/badge.<badge_download:fmt>",
        views.credential_download,
        name="credential-download",
    ),
    path(
        "credentials/<uuid:credential_uuid>/revoke/",
        views.credential_revoke,
        name="credential-revoke",
    ),
    path("achievements/<uuid:achievement_uuid>/", views.achievement, name="achievement"),
    path(
        "achievements/<uuid:achievement_uuid>/image.<badge_image:fmt>",
        views.achievement_image,
        name="achievement-image",
    ),
    path("issuers/<uuid:issuer_uuid>/", views.issuer, name="issuer"),
    path("issuers/<uuid:issuer_uuid>/jwks.json", views.issuer_jwks, name="issuer-jwks"),
    path(
        "issuers/<uuid:issuer_uuid>/keys/<uuid:key_uuid>",
        views.issuer_key,
        name="issuer-key",
    ),
    path(
        "issuers/<uuid:issuer_uuid>/status/revocation",
        views.status_list,
        name="status-list",
    ),
    path("issuers/<uuid:issuer_uuid>/manage/", views.issuer_manage, name="issuer-manage"),
    path(
        "issuers/<uuid:issuer_uuid>/rotate-keys/",
        views.issuer_rotate_keys,
        name="issuer-rotate-keys",
    ),
]
