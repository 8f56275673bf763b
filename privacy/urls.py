from django.urls import path

from privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.my_data, name="my_data"),
    path("telecharger/", views.export, name="export"),
    path("supprimer-mon-compte/", views.delete, name="delete"),
    path("document/<slug:document>/", views.legal_document, name="legal_redirect"),
    path("nouvelles-conditions/", views.reconsent, name="reconsent"),
]
