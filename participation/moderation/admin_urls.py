from django.urls import path

from participation.moderation import admin_views

app_name = "participation_moderation"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("journal/", admin_views.log, name="log"),
    path(
        "contenu/<int:content_type_id>/<int:object_id>/<slug:action>/",
        admin_views.item_action,
        name="item_action",
    ),
    path("membre/<int:user_id>/<slug:action>/", admin_views.member_action, name="member_action"),
]
