from django.urls import path

from gazette import views

app_name = "gazette"

# The archive and the issues are Wagtail pages at /gazette/ and below; these come first.
urlpatterns = [
    path("abonnement/", views.subscribe, name="subscribe"),
    path("abonnement/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("abonnement/membre/", views.member_preference, name="member_preference"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
