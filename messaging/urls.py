from django.urls import path

from messaging import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("nouvelle/", views.new_conversation, name="new"),
    path("preferences/", views.preferences, name="preferences"),
    path("bloques/", views.blocked, name="blocked"),
    path("bloquer/<int:user_id>/", views.block_toggle, name="block_toggle"),
    path("<int:pk>/", views.conversation_detail, name="conversation"),
    path("<int:pk>/quitter/", views.leave, name="leave"),
]
