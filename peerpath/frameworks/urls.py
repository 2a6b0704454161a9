from django.urls import path, register_converter

from . import views


class VersionConverter:
    regex = r"[0-9][0-9A-Za-z.\-]{0,19}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(VersionConverter, "version")

app_name = "frameworks"
urlpatterns = [
    path("", views.framework_list, name="list"),
    path("<slug:slug>/", views.framework_current, name="current"),
    path("<slug:slug>/items/<str:code>/", views.framework_item_latest, name="item-latest"),
    path("<slug:slug>/<version:version>/", views.framework_version, name="version"),
    path(
        "<slug:slug>/<version:version>/export/<str:fmt>/",
        views.framework_export,
        name="export",
    ),
    path("<slug:slug>/<version:version>/publish/", views.framework_publish, name="publish"),
    path("<slug:slug>/<version:version>/discard/", views.framework_discard, name="discard"),
    path("<slug:slug>/<version:version>/items/<str:code>/", views.framework_item, name="item"),
]
