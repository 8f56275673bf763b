from django.urls import path

from barcamp import views

app_name = "barcamp"

urlpatterns = [
    path("<int:event_id>/", views.sessions, name="sessions"),
    path("<int:event_id>/proposer/", views.pitch, name="pitch"),
    path("<int:event_id>/grille/", views.grid, name="grid"),
    path("<int:event_id>/organisation/", views.organise, name="organise"),
    path("<int:event_id>/publier/", views.publish, name="publish"),
    path("session/<int:pk>/", views.session_detail, name="session"),
    path("session/<int:pk>/modifier/", views.session_edit, name="edit"),
    path("session/<int:pk>/retirer/", views.session_withdraw, name="withdraw"),
    path("session/<int:pk>/choisir/", views.session_choose, name="choose"),
    path("session/<int:pk>/placer/", views.session_place, name="place"),
    path("session/<int:pk>/notes/", views.session_notes, name="notes"),
]
