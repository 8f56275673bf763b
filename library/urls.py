from django.urls import path

from library import views

app_name = "library"
urlpatterns = [
    path("fiche/<int:pk>/", views.resource_detail, name="resource"),
    path("proposees/<int:pk>/fichier/", views.submission_file, name="submission_file"),
]
