from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("annuaire/", views.directory, name="directory"),
    path("mon-profil/", views.profile_edit, name="profile_edit"),
    path("<int:user_id>/", views.profile_detail, name="profile"),
]
