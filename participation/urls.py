from django.urls import path

from participation import views

app_name = "participation"

urlpatterns = [
    path("", views.index, name="index"),
    path(
        "commentaires/<int:content_type_id>/<int:object_id>/",
        views.comment_post,
        name="comment_post",
    ),
    path("commentaires/<int:pk>/modifier/", views.comment_edit, name="comment_edit"),
    path("commentaires/<int:pk>/supprimer/", views.comment_delete, name="comment_delete"),
    path("commentaires/<int:pk>/reagir/", views.comment_react, name="comment_react"),
    path("signaler/<int:content_type_id>/<int:object_id>/", views.report, name="report"),
    path("suivre/<int:content_type_id>/<int:object_id>/", views.follow_toggle, name="follow"),
    path("abonnements/", views.follows, name="follows"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/<int:pk>/", views.notification_open, name="notification_open"),
    path("notifications/tout-lire/", views.notifications_mark_read, name="mark_read"),
    path("notifications/preferences/", views.preferences, name="preferences"),
]
