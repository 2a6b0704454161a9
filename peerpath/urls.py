from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from peerpath import views
from peerpath.accounts.urls import organisation_patterns
from peerpath.api.main import api
from peerpath.frameworks.views import framework_upload

admin.site.site_header = "Peerpath site administration"
admin.site.site_title = "Peerpath admin"

urlpatterns = [
    path("", views.home, name="home"),
    path("language/<str:code>/", views.set_language, name="set-language"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots, name="robots"),
    path("accounts/", include("peerpath.accounts.urls")),
    path("organisations/", include((organisation_patterns, "orgs"))),
    path(
        "organisations/<slug:org_slug>/frameworks/upload/",
        framework_upload,
        name="framework-upload",
    ),
    path("frameworks/", include("peerpath.frameworks.urls")),
    path("drafts/", include("peerpath.drafts.urls")),
    path("", include("peerpath.assessments.urls")),  # self-evaluation/ and feedback/
    path("portfolio/", include("peerpath.portfolio.urls")),
    path("programmes/", include("peerpath.programmes.urls")),
    path("badges/", include("peerpath.badges.urls")),
    path("mentoring/", include("peerpath.mentoring.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

if settings.PEERPATH_BENCH:
    urlpatterns.append(path("bench/floor/", views.bench_floor))

handler403 = "peerpath.errors.forbidden"
handler404 = "peerpath.errors.not_found"
handler500 = "peerpath.errors.server_error"
