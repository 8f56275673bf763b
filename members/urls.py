from django.urls import path
from django.views.generic import RedirectView

from members import views
from members.panorama import views as panorama_views

app_name = "members"
urlpatterns = [
    # /membres/ itself is the directory: a shortened address is no dead end.
    path("", RedirectView.as_view(pattern_name="members:directory", permanent=False)),
    path("annuaire/", views.directory, name="directory"),
    path("mon-profil/", views.profile_edit, name="profile_edit"),
    path("panorama/", panorama_views.panorama, name="panorama"),
    path("panorama/panorama.csv", panorama_views.panorama_csv, name="panorama_csv"),
    path(
        "panorama/instantanes/<int:pk>/",
        panorama_views.snapshot_detail,
        name="panorama_snapshot",
    ),
    path(
        "panorama/instantanes/<int:pk>/panorama.csv",
        panorama_views.snapshot_csv,
        name="panorama_snapshot_csv",
    ),
    path("<int:user_id>/", views.profile_detail, name="profile"),
]
