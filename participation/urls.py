from django.urls import path, register_converter

from participation.comments import views as comments
from participation.moderation import views as moderation
from participation.notifications import views as notifications
from participation.spaces import views as spaces


class RowIdConverter:
    """A positive id that PostgreSQL can compare with an integer column: a longer number
    in the URL is a 404, not a database error."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        number = int(value)
        if number > 2**31 - 1:
            raise ValueError
        return number

    def to_url(self, value):
        return str(value)


register_converter(RowIdConverter, "rowid")

app_name = "participation"

urlpatterns = [
    path("", spaces.index, name="index"),
    path(
        "commentaires/<rowid:content_type_id>/<rowid:object_id>/",
        comments.comment_post,
        name="comment_post",
    ),
    path("commentaires/<rowid:pk>/modifier/", comments.comment_edit, name="comment_edit"),
    path("commentaires/<rowid:pk>/supprimer/", comments.comment_delete, name="comment_delete"),
    path("commentaires/<rowid:pk>/reagir/", comments.comment_react, name="comment_react"),
    path("commentaires/<rowid:pk>/repondre/", comments.comment_reply, name="comment_reply"),
    path("commentaires/<rowid:pk>/reponses/", comments.comment_replies, name="comment_replies"),
    path("signaler/<rowid:content_type_id>/<rowid:object_id>/", moderation.report, name="report"),
    path(
        "suivre/<rowid:content_type_id>/<rowid:object_id>/",
        notifications.follow_toggle,
        name="follow",
    ),
    path("abonnements/", notifications.follows, name="follows"),
    path("notifications/", notifications.notifications, name="notifications"),
    path("notifications/<rowid:pk>/", notifications.notification_open, name="notification_open"),
    path(
        "notifications/<rowid:pk>/groupe-lu/",
        notifications.notification_group_read,
        name="notification_group_read",
    ),
    path("notifications/tout-lire/", notifications.notifications_mark_read, name="mark_read"),
    path("notifications/preferences/", notifications.preferences, name="preferences"),
]
