from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from participation.moderation import admin_urls
from participation.roles import is_moderator


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderation/", include(admin_urls, namespace="participation_moderation"))]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Modération"),
        reverse_lazy("participation_moderation:queue"),
        icon_name="warning",
        order=250,
    )
