from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.agenda, name="agenda"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("thematique/<slug:slug>/agenda.ics", views.thematique_ics, name="thematique_ics"),
    path("region/<str:code>/agenda.ics", views.region_ics, name="region_ics"),
    path("departement/<str:code>/agenda.ics", views.departement_ics, name="departement_ics"),
    path("nouvel-evenement/", views.event_create, name="create"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/evenement.ics", views.event_ics, name="ics"),
    path("<int:pk>/modifier/", views.event_edit, name="edit"),
    path("<int:pk>/inscription/", views.register, name="register"),
    path("<int:pk>/desinscription/", views.cancel, name="cancel"),
    path("<int:pk>/inscrits/", views.registrations, name="registrations"),
    path("<int:pk>/presences/", views.attendance, name="attendance"),
]
