from django.urls import path

from . import views

app_name = "drafts"
urlpatterns = [path("save/", views.draft_save, name="save")]
