from django.urls import include, path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from gazette import admin_urls
from gazette.choosers import event_chooser_viewset
from gazette.models import GazetteIssuePage


@hooks.register("register_admin_viewset")
def register_event_chooser():
    return event_chooser_viewset


@hooks.register("register_admin_urls")
def register_gazette_urls():
    return [path("gazette/", include(admin_urls, namespace="gazette_admin"))]


@hooks.register("register_admin_menu_item")
def register_gazette_menu_item():
    return MenuItem(
        _("La gazette"), reverse_lazy("gazette_admin:issues"), icon_name="mail", order=260
    )


@hooks.register("register_page_header_buttons")
def sending_button(page, user, view_name, next_url=None):
    """ "Envoi" in the issue's header menu: recipients, preview, test, send."""
    if issubclass(page.specific_class or type(page), GazetteIssuePage):
        yield Button(
            _("Envoi et destinataires"),
            reverse("gazette_admin:sending", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )
